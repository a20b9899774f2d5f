/// The variable bindings of one running rule (or query), shared by its compiled steps.
///
/// Slots live in a ``ScratchBuffer`` so the inner loops read and write them without
/// reference counting or copy-on-write checks.
final class RuleFrame {
  /// One value identifier per variable slot.
  let slots: ScratchView<UInt32>
  /// The memory behind `slots`.
  private let buffer: ScratchBuffer<UInt32>
  /// How many slots.
  let slotCount: Int
  let pool: ValuePool
  /// The rule being run (for error messages), or -1 for a query.
  let ruleIndex: Int
  private var ticks = 0
  private let tick: () throws(EvaluationError) -> Void

  init(slotCount: Int, pool: ValuePool, ruleIndex: Int, tick: @escaping () throws(EvaluationError) -> Void) {
    self.slotCount = slotCount
    buffer = ScratchBuffer(count: slotCount, repeating: 0)
    slots = buffer.view
    self.pool = pool
    self.ruleIndex = ruleIndex
    self.tick = tick
  }

  /// The slots as an array.
  var values: [UInt32] { slots.array(count: slotCount) }

  /// Appends the values of the first `count` slots (the rule's variables) to `bindings`.
  @inline(__always)
  func appendValues(count: Int, to bindings: inout [UInt32]) {
    slots.append(count: count, to: &bindings)
  }

  /// Sets every slot.
  func set(_ values: [UInt32]) {
    for (i, v) in values.prefix(slotCount).enumerated() { slots[i] = v }
  }

  /// Counts work and, every 16,384 steps, checks the budget (time, Ctrl-C).
  @inline(__always)
  func count() throws(EvaluationError) {
    ticks &+= 1
    if ticks & 0x3FFF == 0 { try tick() }
  }

  // MARK: Values

  /// The value of `term` under the current bindings.
  func value(_ term: Term) throws(EvaluationError) -> Value {
    switch term {
    case .variable(let v, _): return pool[slots[v]]
    case .constant(let value, _): return value
    case .binary(let op, let l, let r, let span):
      let a = try value(l)
      let b = try value(r)
      do throws(Arithmetic.Failure) {
        return try Arithmetic.apply(op, a, b)
      } catch {
        throw .arithmetic(error, rule: ruleIndex, span: span)
      }
    case .negate(let t, let span):
      let a = try value(t)
      do throws(Arithmetic.Failure) {
        return try Arithmetic.negate(a)
      } catch {
        throw .arithmetic(error, rule: ruleIndex, span: span)
      }
    }
  }

  /// The identifier of `term`'s value.
  @inline(__always)
  func intern(_ term: Term) throws(EvaluationError) -> UInt32 {
    if case .variable(let v, _) = term { return slots[v] }
    return pool.intern(try value(term))
  }

  /// The identifier an operand stands for.
  @inline(__always)
  func resolve(_ operand: Operand) throws(EvaluationError) -> UInt32 {
    switch operand {
    case .slot(let s): return slots[s]
    case .constant(let id): return id
    case .expression(let term): return try intern(term)
    }
  }
}
