/// Semi-naive evaluation of one stratum.
///
/// Vocabulary, used the same way everywhere in this folder:
/// - **stable**: the rows of a relation known before the last round;
/// - **delta**: the rows that were new in the last round (kept as a separate small relation
///   with its own indexes, and also present at the end of the full relation);
/// - **pending**: rows derived during the current round, merged into the store only when
///   the round ends, so that no read ever sees a row of its own round.
///
/// Invariant: at the start of a round, the full relation is stable ++ delta and every fact
/// derivable in one step from stable alone is already in it. A round therefore only runs the
/// rule variants in which one recursive atom reads the delta: atoms before it read stable,
/// atoms after it read the full relation, so each derivation is found in exactly one
/// variant. Round 0 runs every rule once over the full relations. The stratum is done when
/// a round leaves every delta empty.
struct SemiNaive {
  let stratum: Stratum
  let program: Program
  let pool: ValuePool
  var store: FactStore
  var budget: Budgeter
  var provenance: Provenance

  /// The initial plan and the delta variants of each rule of the stratum.
  private func plans() -> (initial: [RulePlan], variants: [RulePlan]) {
    let members = Set(stratum.predicates)
    let planner = Planner(pool: pool, sizes: store.relations.map(\.count))
    var initial: [RulePlan] = []
    var variants: [RulePlan] = []
    for r in stratum.rules {
      let rule = program.rules[r]
      let anonymous = Set(rule.variableNames.indices.filter { rule.variableNames[$0] == "_" })
      let p = planner.withAnonymous(anonymous)
      initial.append(
        p.plan(head: rule.head, body: rule.body, slotCount: rule.variableNames.count, ruleIndex: r))
      guard stratum.isRecursive else { continue }
      let recursive = rule.body.indices.filter {
        if case .positive(let atom) = rule.body[$0] { return members.contains(atom.predicate) }
        return false
      }
      for (k, position) in recursive.enumerated() {
        var sources: [Int: RowSource] = [:]
        for (j, other) in recursive.enumerated() {
          sources[other] = j < k ? .stable : (j == k ? .delta : .full)
        }
        variants.append(
          p.plan(
            head: rule.head, body: rule.body, slotCount: rule.variableNames.count, ruleIndex: r,
            sources: sources, first: position))
      }
    }
    return (initial, variants)
  }

  mutating func run() throws(EvaluationError) -> FactStore {
    let (initial, variants) = plans()
    var deltaIndexes: [Int: Set<[Int]>] = [:]
    for plan in initial + variants {
      Indexing.prepare(plan.steps, store: &store, deltaIndexes: &deltaIndexes)
    }
    let empty = store.relations.map { Relation(arity: $0.arity) }
    var deltas = empty
    let counts = store.relations.map(\.count)
    try runRound(initial, deltas: deltas, stable: counts, full: counts, merge: &deltas, deltaIndexes)
    guard stratum.isRecursive else { return store }
    var stable = counts
    while stratum.predicates.contains(where: { deltas[$0].count > 0 }) {
      let full = store.relations.map(\.count)
      var next = empty
      try runRound(variants, deltas: deltas, stable: stable, full: full, merge: &next, deltaIndexes)
      stable = full
      deltas = next
    }
    return store
  }

  /// Runs `plans`, then merges what they derived; `merge` receives the new rows as deltas.
  private mutating func runRound(
    _ plans: [RulePlan], deltas: [Relation], stable: [Int], full: [Int], merge: inout [Relation],
    _ deltaIndexes: [Int: Set<[Int]>]
  ) throws(EvaluationError) {
    var pending: [Int: [UInt32]] = [:]
    // With provenance on: for each pending row, its rule and where its bindings start.
    var pendingRules: [Int: [Int32]] = [:]
    var pendingBindings: [Int: [UInt32]] = [:]
    let recording = provenance.isEnabled
    for plan in plans {
      budget.current = plan.headPredicate
      var executor = RuleExecutor(
        store: store, deltas: deltas, stableCounts: stable, fullCounts: full, pool: pool,
        plan: plan, tick: budget.check)
      let target = plan.headPredicate
      let relation = store.relations[target]
      var out = pending[target] ?? []
      var outRules = pendingRules[target] ?? []
      var outBindings = pendingBindings[target] ?? []
      var tuple = [UInt32](repeating: 0, count: plan.head.count)
      var emitted = 0
      let rule = Int32(plan.ruleIndex)
      try executor.run(plan.steps, from: 0) { (e: inout RuleExecutor) throws(EvaluationError) in
        for (i, operand) in plan.head.enumerated() { tuple[i] = try e.resolve(operand) }
        if relation.contains(tuple) { return }
        if tuple.isEmpty { out.append(0) }  // a marker row for a zero-arity head
        out.append(contentsOf: tuple)
        if recording {
          outRules.append(rule)
          outBindings.append(contentsOf: e.slots)
        }
        emitted += 1
        if emitted & 0xFFF == 0 { try budget.checkGrowth(extra: emitted, predicate: target) }
      }
      pending[target] = out
      pendingRules[target] = outRules
      pendingBindings[target] = outBindings
    }
    for predicate in stratum.predicates {
      guard let rows = pending[predicate] else { continue }
      let arity = store.relations[predicate].arity
      var delta = Relation(arity: arity)
      for columns in deltaIndexes[predicate] ?? [] { delta.ensureIndex(on: columns) }
      var added = 0
      if recording {
        provenance.prepare(predicate: predicate, firstDerivedRow: store.relations[predicate].count)
      }
      let rules = pendingRules[predicate] ?? []
      let bindings = pendingBindings[predicate] ?? []
      var bindingStart = 0
      let width = max(arity, 1)
      var start = 0
      var k = 0
      while start < rows.count {
        let tuple = arity == 0 ? rows[0..<0] : rows[start..<(start + arity)]
        let slotCount = recording ? program.rules[Int(rules[k])].variableNames.count : 0
        if store.relations[predicate].insert(tuple) {
          delta.insert(tuple)
          added += 1
          if recording {
            provenance.record(
              predicate: predicate, rule: Int(rules[k]),
              bindings: bindings[bindingStart..<(bindingStart + slotCount)])
          }
        }
        bindingStart += slotCount
        start += width
        k += 1
      }
      budget.derived[predicate, default: 0] += added
      try budget.checkGrowth(extra: 0, predicate: predicate)
      merge[predicate] = delta
    }
  }
}
