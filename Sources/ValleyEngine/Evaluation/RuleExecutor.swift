/// Runs one ``RulePlan`` as nested loops over the store, calling `emit` for each binding.
///
/// Bindings live in one array of value identifiers indexed by slot; each step binds slots for
/// the steps after it. Reads never see rows added during the current round, because new
/// facts are only merged into the store between rounds.
struct RuleExecutor {
  let store: FactStore
  /// The delta relations of the current round, by predicate (empty relations elsewhere).
  let deltas: [Relation]
  /// For each predicate, the number of stable rows (rows before the delta).
  let stableCounts: [Int]
  /// For each predicate, the number of rows at the start of the round.
  let fullCounts: [Int]
  let pool: ValuePool
  let ruleIndex: Int
  var slots: [UInt32]
  var key: [UInt32] = []
  var ticks = 0
  let tick: () throws(EvaluationError) -> Void

  init(
    store: FactStore, deltas: [Relation], stableCounts: [Int], fullCounts: [Int], pool: ValuePool,
    plan: RulePlan, tick: @escaping () throws(EvaluationError) -> Void
  ) {
    self.store = store
    self.deltas = deltas
    self.stableCounts = stableCounts
    self.fullCounts = fullCounts
    self.pool = pool
    self.ruleIndex = plan.ruleIndex
    self.slots = [UInt32](repeating: 0, count: plan.slotCount)
    self.tick = tick
  }

  /// Runs `steps` from `position`, calling `emit` with the bindings after the last step.
  mutating func run(
    _ steps: [Step], from position: Int, emit: (inout RuleExecutor) throws(EvaluationError) -> Void
  ) throws(EvaluationError) {
    ticks &+= 1
    if ticks & 0x3FFF == 0 { try tick() }
    guard position < steps.count else {
      try emit(&self)
      return
    }
    switch steps[position] {
    case .scan(let scan):
      try runScan(scan, steps, position, emit)
    case .negation(let predicate, let columns, let operands, _):
      let relation = store.relations[predicate]
      if relation.count == 0 {
        try run(steps, from: position + 1, emit: emit)
        return
      }
      var values: [UInt32] = []
      values.reserveCapacity(operands.count)
      for operand in operands { values.append(try resolve(operand)) }
      let found: Bool
      if columns.count == relation.arity {
        found = relation.contains(values)
      } else if columns.isEmpty {
        found = true
      } else {
        found = firstMatch(relation, columns: columns, key: values, limit: relation.count) >= 0
      }
      if !found { try run(steps, from: position + 1, emit: emit) }
    case .filter(let op, let l, let r, let span):
      if try holds(op, l, r, span) { try run(steps, from: position + 1, emit: emit) }
    case .assign(let slot, let term, _):
      slots[slot] = try intern(term)
      try run(steps, from: position + 1, emit: emit)
    case .aggregate(let plan):
      guard let value = try aggregate(plan) else { return }
      if plan.resultIsBound {
        if Value.compare(pool[slots[plan.result]], pool[value]) != 0 { return }
      } else {
        slots[plan.result] = value
      }
      try run(steps, from: position + 1, emit: emit)
    }
  }

  private func firstMatch(_ relation: Relation, columns: [Int], key: [UInt32], limit: Int) -> Int32 {
    if let index = relation.index(on: columns) {
      return key.withUnsafeBufferPointer { index.first($0, data: relation.data, arity: relation.arity) }
    }
    let arity = relation.arity
    relationLoop: for r in 0..<limit {
      for (k, c) in columns.enumerated() where relation.data[r * arity + c] != key[k] {
        continue relationLoop
      }
      return Int32(r)
    }
    return -1
  }

  private mutating func runScan(
    _ scan: ScanStep, _ steps: [Step], _ position: Int,
    _ emit: (inout RuleExecutor) throws(EvaluationError) -> Void
  ) throws(EvaluationError) {
    let relation: Relation
    let limit: Int
    switch scan.source {
    case .delta:
      relation = deltas[scan.predicate]
      limit = relation.count
    case .stable:
      relation = store.relations[scan.predicate]
      limit = stableCounts[scan.predicate]
    case .full:
      relation = store.relations[scan.predicate]
      limit = fullCounts[scan.predicate]
    }
    guard limit > 0 else { return }
    let arity = relation.arity
    let data = relation.data
    if scan.keyColumns.isEmpty {
      for r in 0..<limit {
        if try bindRow(r, scan, data, arity) { try run(steps, from: position + 1, emit: emit) }
      }
      return
    }
    var keyValues: [UInt32] = []
    keyValues.reserveCapacity(scan.keyOperands.count)
    for operand in scan.keyOperands { keyValues.append(try resolve(operand)) }
    guard let index = relation.index(on: scan.keyColumns) else {
      // No index (should not happen: the evaluator builds them); fall back to a scan.
      rowLoop: for r in 0..<limit {
        for (k, c) in scan.keyColumns.enumerated() where data[r * arity + c] != keyValues[k] {
          continue rowLoop
        }
        if try bindRow(r, scan, data, arity) { try run(steps, from: position + 1, emit: emit) }
      }
      return
    }
    var r = keyValues.withUnsafeBufferPointer { index.first($0, data: data, arity: arity) }
    let next = index.next
    while r >= 0, Int(r) < limit {
      if try bindRow(Int(r), scan, data, arity) { try run(steps, from: position + 1, emit: emit) }
      r = next[Int(r)]
    }
  }

  @inline(__always)
  private mutating func bindRow(_ r: Int, _ scan: ScanStep, _ data: [UInt32], _ arity: Int)
    throws(EvaluationError) -> Bool
  {
    let base = r * arity
    for output in scan.outputs { slots[output.slot] = data[base + output.column] }
    for check in scan.repeats where slots[check.slot] != data[base + check.column] { return false }
    return true
  }

  // MARK: Values

  mutating func resolve(_ operand: Operand) throws(EvaluationError) -> UInt32 {
    switch operand {
    case .slot(let s): return slots[s]
    case .constant(let id): return id
    case .expression(let term): return try intern(term)
    }
  }

  mutating func intern(_ term: Term) throws(EvaluationError) -> UInt32 {
    switch term {
    case .variable(let v, _): return slots[v]
    default: return pool.intern(try value(term))
    }
  }

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

  private func holds(_ op: Syntax.ComparisonOperator, _ l: Term, _ r: Term, _ span: SourceSpan)
    throws(EvaluationError) -> Bool
  {
    if case .variable(let a, _) = l, case .variable(let b, _) = r, slots[a] == slots[b] {
      return op == .equal || op == .lessEqual || op == .greaterEqual
    }
    return Arithmetic.compare(op, try value(l), try value(r))
  }

  // MARK: Aggregates

  private mutating func aggregate(_ plan: AggregatePlan) throws(EvaluationError) -> UInt32? {
    // The distinct tuples, stored flat (no allocation per tuple).
    var distinct = Relation(arity: plan.terms.count)
    var tuple = [UInt32](repeating: 0, count: plan.terms.count)
    try run(plan.steps, from: 0) { (executor: inout RuleExecutor) throws(EvaluationError) in
      for (i, term) in plan.terms.enumerated() { tuple[i] = try executor.intern(term) }
      distinct.insert(tuple)
    }
    let width = plan.terms.count
    let firsts = stride(from: 0, to: distinct.count * width, by: width).map { distinct.data[$0] }
    switch plan.kind {
    case .count:
      return pool.intern(.integer(Int64(distinct.count)))
    case .sum:
      var total = Value.integer(0)
      for first in firsts {
        let v = pool[first]
        guard v.isNumber else { throw .aggregateOverSymbol(v, rule: ruleIndex, span: plan.span) }
        do throws(Arithmetic.Failure) {
          total = try Arithmetic.apply(.add, total, v)
        } catch {
          throw .arithmetic(error, rule: ruleIndex, span: plan.span)
        }
      }
      return pool.intern(total)
    case .min, .max:
      var best: UInt32?
      for first in firsts {
        guard let current = best else {
          best = first
          continue
        }
        let better = plan.kind == .min
          ? Value.sortsBefore(pool[first], pool[current])
          : Value.sortsBefore(pool[current], pool[first])
        if better { best = first }
      }
      return best
    }
  }
}
