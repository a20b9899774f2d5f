/// What to do with each complete binding of a rule body.
typealias Continuation = (RuleFrame) throws(EvaluationError) -> Void

/// Compiles a plan's steps into nested closures over the relations of one round.
///
/// Each step becomes a closure that loops over its matches and calls the closure of the next
/// step; the last calls the continuation given by the caller (emit a head, collect an
/// answer). Relations are captured as their storage and read through the store's row views
/// and index lookups, taken again for every row because a rule may add rows to the relation
/// it reads (beyond the round's row limits, so they are never read in the same round) and
/// adding may move its buffers.
struct StepCompiler {
  let store: FactStore
  /// The delta relations of the round, by predicate (none outside semi-naive rounds).
  var deltas: [Int: Relation] = [:]
  /// Rows before the delta, for the predicates that have one (others: every row).
  var stableCounts: [Int: Int] = [:]
  /// Rows at the start of the round, for the predicates that grow during it (others: every
  /// row, since they do not change while the round runs).
  var fullCounts: [Int: Int] = [:]
  /// The most distinct tuples one aggregate may gather (the derived-fact cap).
  var factCap = Int.max
  let pool: ValuePool

  /// The closure that runs `steps[position...]` then `last`.
  func compile(_ steps: [Step], from position: Int = 0, then last: @escaping Continuation) -> Continuation {
    guard position < steps.count else { return last }
    let next = compile(steps, from: position + 1, then: last)
    switch steps[position] {
    case .scan(let scan): return compileScan(scan, next)
    case .negation(let predicate, let columns, let operands, _):
      return compileNegation(predicate, columns, operands, next)
    case .filter(let op, let l, let r, _):
      if case .variable(let a, _) = l, case .variable(let b, _) = r {
        return { (frame: RuleFrame) throws(EvaluationError) in
          let x = frame.slots[a]
          let y = frame.slots[b]
          if x == y {
            if op == .equal || op == .lessEqual || op == .greaterEqual { try next(frame) }
            return
          }
          if Arithmetic.compare(op, frame.pool[x], frame.pool[y]) { try next(frame) }
        }
      }
      return { (frame: RuleFrame) throws(EvaluationError) in
        if Arithmetic.compare(op, try frame.value(l), try frame.value(r)) { try next(frame) }
      }
    case .assign(let slot, let term, _):
      return { (frame: RuleFrame) throws(EvaluationError) in
        frame.slots[slot] = try frame.intern(term)
        try next(frame)
      }
    case .same(let slot, let term, _):
      return { (frame: RuleFrame) throws(EvaluationError) in
        if try frame.intern(term) == frame.slots[slot] { try next(frame) }
      }
    case .aggregate(let plan):
      return compileAggregate(plan, next)
    }
  }

  private func relation(_ predicate: Int, _ source: RowSource) -> (Relation, Int) {
    let relation = store.relations[predicate]
    switch source {
    case .delta:
      let r = deltas[predicate] ?? Relation(arity: relation.arity)
      return (r, r.count)
    case .stable: return (relation, stableCounts[predicate] ?? fullCounts[predicate] ?? relation.count)
    case .full: return (relation, fullCounts[predicate] ?? relation.count)
    }
  }

  private func compileScan(_ scan: ScanStep, _ next: @escaping Continuation) -> Continuation {
    let (relation, limit) = relation(scan.predicate, scan.source)
    let storage = relation.storage
    let arity = relation.arity
    let outputColumns = scan.outputs.map(\.column)
    let outputSlots = scan.outputs.map(\.slot)
    let repeatColumns = scan.repeats.map(\.column)
    let repeatSlots = scan.repeats.map(\.slot)
    let outputs = outputColumns.count
    let repeats = repeatColumns.count
    if limit == 0 { return { _ in } }
    let buffers = ScanBuffers(
      outputColumns: outputColumns, outputSlots: outputSlots, repeatColumns: repeatColumns,
      repeatSlots: repeatSlots, keyCount: scan.keyColumns.count)
    if scan.keyColumns.isEmpty {
      return { (frame: RuleFrame) throws(EvaluationError) in
        let slots = frame.slots
        rows: for r in 0..<limit {
          try frame.count()
          // Take the row view for every row: a rule may add rows to this relation (beyond
          // `limit`, so never seen here) and adding may move its buffer.
          let row = storage.row(r)
          for k in 0..<outputs { slots[buffers.outputSlots[k]] = row[buffers.outputColumns[k]] }
          for k in 0..<repeats where slots[buffers.repeatSlots[k]] != row[buffers.repeatColumns[k]] {
            continue rows
          }
          try next(frame)
        }
      }
    }
    let operands = scan.keyOperands
    let keyColumns = scan.keyColumns
    if Indexing.isWholeRow(keyColumns, arity: arity) {
      // Every column is bound: a membership test, with no index of its own.
      return { (frame: RuleFrame) throws(EvaluationError) in
        let key = buffers.key
        for (k, operand) in operands.enumerated() { key[k] = try frame.resolve(operand) }
        try frame.count()
        let r = storage.find(key.row)
        if r >= 0, r < limit { try next(frame) }
      }
    }
    if let index = storage.index(on: keyColumns), keyColumns.count == 1, outputs == 1, repeats == 0,
      case .slot(let keySlot) = operands[0]
    {
      // The commonest join step, unrolled: one bound column looked up, one column read.
      let outputSlot = outputSlots[0]
      let outputColumn = outputColumns[0]
      return { (frame: RuleFrame) throws(EvaluationError) in
        let slots = frame.slots
        var r = storage.first(in: index, matching: slots[keySlot])
        while r >= 0, Int(r) < limit {
          try frame.count()
          slots[outputSlot] = storage.value(row: Int(r), column: outputColumn)
          try next(frame)
          r = index.next(after: r)
        }
      }
    }
    guard let index = storage.index(on: keyColumns) else {
      // No index (callers normally build them first): filter a full scan instead.
      return { (frame: RuleFrame) throws(EvaluationError) in
        let key = buffers.key
        for (k, operand) in operands.enumerated() { key[k] = try frame.resolve(operand) }
        let slots = frame.slots
        rows: for r in 0..<limit {
          try frame.count()
          let row = storage.row(r)
          for (k, c) in keyColumns.enumerated() where row[c] != key[k] { continue rows }
          // Outputs first: a repeat compares with the slot its first occurrence just set.
          for k in 0..<outputs { slots[buffers.outputSlots[k]] = row[buffers.outputColumns[k]] }
          for k in 0..<repeats where slots[buffers.repeatSlots[k]] != row[buffers.repeatColumns[k]] {
            continue rows
          }
          try next(frame)
        }
      }
    }
    return { (frame: RuleFrame) throws(EvaluationError) in
      let key = buffers.key
      for (k, operand) in operands.enumerated() { key[k] = try frame.resolve(operand) }
      let slots = frame.slots
      var r = storage.first(in: index, matching: key.row)
      while r >= 0, Int(r) < limit {
        try frame.count()
        let row = storage.row(Int(r))
        for k in 0..<outputs { slots[buffers.outputSlots[k]] = row[buffers.outputColumns[k]] }
        var matches = true
        for k in 0..<repeats where slots[buffers.repeatSlots[k]] != row[buffers.repeatColumns[k]] {
          matches = false
          break
        }
        if matches { try next(frame) }
        r = index.next(after: r)
      }
    }
  }

  private func compileNegation(
    _ predicate: Int, _ columns: [Int], _ operands: [Operand], _ next: @escaping Continuation
  ) -> Continuation {
    let relation = store.relations[predicate]
    let storage = relation.storage
    if relation.count == 0 { return next }
    if columns.isEmpty { return { _ in } }  // `not p(_, _)` with p non-empty never holds
    let buffers = ScanBuffers(
      outputColumns: [], outputSlots: [], repeatColumns: [], repeatSlots: [], keyCount: columns.count)
    let full = columns == Array(0..<relation.arity)
    let index = full ? nil : storage.index(on: columns)
    return { (frame: RuleFrame) throws(EvaluationError) in
      let key = buffers.key
      for (k, operand) in operands.enumerated() { key[k] = try frame.resolve(operand) }
      var found: Bool
      if full {
        found = storage.find(key.row) >= 0
      } else if let index {
        found = storage.first(in: index, matching: key.row) >= 0
      } else {
        found = false
        rows: for r in 0..<storage.count {
          let row = storage.row(r)
          for (k, c) in columns.enumerated() where row[c] != key[k] { continue rows }
          found = true
          break
        }
      }
      if !found { try next(frame) }
    }
  }

  private func compileAggregate(_ plan: AggregatePlan, _ next: @escaping Continuation) -> Continuation {
    let width = plan.terms.count
    let terms = plan.terms
    let compiler = self
    if plan.kind == .count, countsDistinctRows(plan) {
      // Each matching row gives a different tuple (the terms include every column the atom
      // binds), so counting matches is counting distinct tuples: no set is needed.
      return { (frame: RuleFrame) throws(EvaluationError) in
        var matches: Int64 = 0
        let body = compiler.compile(plan.steps) { (_: RuleFrame) throws(EvaluationError) in matches += 1 }
        try body(frame)
        let value = frame.pool.intern(.integer(matches))
        if plan.resultIsBound {
          if Value.compare(frame.pool[frame.slots[plan.result]], frame.pool[value]) != 0 { return }
        } else {
          frame.slots[plan.result] = value
        }
        try next(frame)
      }
    }
    let cap = factCap
    return { (frame: RuleFrame) throws(EvaluationError) in
      // The distinct tuples, stored flat (no allocation per tuple).
      let distinct = RelationStorage(arity: width)
      let buffer = ScratchBuffer<UInt32>(count: width, repeating: 0)
      let body = compiler.compile(plan.steps) { (f: RuleFrame) throws(EvaluationError) in
        let tuple = buffer.view
        for (i, term) in terms.enumerated() { tuple[i] = try f.intern(term) }
        if distinct.insert(tuple.row), distinct.count > cap {
          throw .aggregateLimit(limit: cap, rule: f.ruleIndex, span: plan.span)
        }
      }
      try body(frame)
      guard let value = try Aggregation.result(plan, distinct, frame) else { return }
      if plan.resultIsBound {
        if Value.compare(frame.pool[frame.slots[plan.result]], frame.pool[value]) != 0 { return }
      } else {
        frame.slots[plan.result] = value
      }
      try next(frame)
    }
  }
}

extension StepCompiler {
  /// Whether an aggregate's body is one scan whose columns are all fixed by its key or bound
  /// as plain variables that appear among the
  /// aggregated terms as a plain variable (then distinct rows give distinct tuples).
  func countsDistinctRows(_ plan: AggregatePlan) -> Bool {
    guard plan.steps.count == 1, case .scan(let scan) = plan.steps[0], scan.repeats.isEmpty,
      scan.predicate < store.relations.count,
      // Every column is either fixed by the key or bound here (no `_` column).
      scan.keyColumns.count + scan.outputs.count == store.relations[scan.predicate].arity
    else {
      return false
    }
    let termSlots = Set(plan.terms.compactMap(\.variableSlot))
    guard plan.terms.allSatisfy({ $0.variableSlot != nil }) else { return false }
    // Columns not bound here are fixed by the key (the same for every matching row).
    return scan.outputs.allSatisfy { termSlots.contains($0.slot) }
      && termSlots.count == plan.terms.count
      && termSlots.isSubset(of: Set(scan.outputs.map(\.slot)))
  }
}

/// Per-step tables and key scratch with stable addresses (read in inner loops without
/// bounds checks or reference counting), freed with the compiled closure.
final class ScanBuffers {
  let outputColumns: ScratchView<Int>
  let outputSlots: ScratchView<Int>
  let repeatColumns: ScratchView<Int>
  let repeatSlots: ScratchView<Int>
  /// Where a lookup's key values are resolved.
  let key: ScratchView<UInt32>
  /// The memory behind the views.
  private let tables: ScratchBuffer<Int>
  private let keyBuffer: ScratchBuffer<UInt32>

  init(outputColumns: [Int], outputSlots: [Int], repeatColumns: [Int], repeatSlots: [Int], keyCount: Int) {
    tables = ScratchBuffer(outputColumns + outputSlots + repeatColumns + repeatSlots)
    self.outputColumns = tables.view
    self.outputSlots = tables.view.advanced(by: outputColumns.count)
    self.repeatColumns = tables.view.advanced(by: 2 * outputColumns.count)
    self.repeatSlots = tables.view.advanced(by: 2 * outputColumns.count + repeatColumns.count)
    keyBuffer = ScratchBuffer(count: keyCount, repeating: 0)
    key = keyBuffer.view
  }
}

/// The value of an aggregate over its distinct tuples.
enum Aggregation {
  static func result(_ plan: AggregatePlan, _ distinct: RelationStorage, _ frame: RuleFrame) throws(EvaluationError)
    -> UInt32?
  {
    let pool = frame.pool
    switch plan.kind {
    case .count:
      return pool.intern(.integer(Int64(distinct.count)))
    case .sum:
      var total = Value.integer(0)
      for r in 0..<distinct.count {
        let v = pool[distinct.value(row: r, column: 0)]
        guard v.isNumber else { throw .aggregateOverSymbol(v, rule: frame.ruleIndex, span: plan.span) }
        do throws(Arithmetic.Failure) {
          total = try Arithmetic.apply(.add, total, v)
        } catch {
          throw .arithmetic(error, rule: frame.ruleIndex, span: plan.span)
        }
      }
      return pool.intern(total)
    case .min, .max:
      var best: UInt32?
      for r in 0..<distinct.count {
        let candidate = distinct.value(row: r, column: 0)
        guard let current = best else {
          best = candidate
          continue
        }
        let better =
          plan.kind == .min
          ? Value.sortsBefore(pool[candidate], pool[current])
          : Value.sortsBefore(pool[current], pool[candidate])
        if better { best = candidate }
      }
      return best
    }
  }
}
