/// Semi-naive evaluation of one stratum.
///
/// Vocabulary, used the same way everywhere in this folder:
/// - **stable**: the rows of a relation known before the last round;
/// - **delta**: the rows that were new in the last round (kept as a separate small relation
///   with its own indexes, and also present at the end of the full relation);
/// - **pending**: rows derived during the current round. They are added to their relation
///   at once (a duplicate costs one hash probe), after the row count the round started
///   with; every read of the round stops at that count, so no read ever sees a row of its
///   own round. When the round ends, the pending rows become the next delta.
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
  let budget: Budgeter
  var provenance: Provenance

  /// The initial plan and the delta variants of each rule of the stratum. A variant exists for
  /// every positive atom over a predicate that can have a delta: the stratum's own
  /// predicates when it is recursive, and the `seeded` predicates of an incremental run.
  private func plans(seeded: Set<Int>) -> (initial: [RulePlan], variants: [RulePlan]) {
    var deltaPredicates = seeded
    if stratum.isRecursive { deltaPredicates.formUnion(stratum.predicates) }
    let planner = Planner(pool: pool, store: store)
    var initial: [RulePlan] = []
    var variants: [RulePlan] = []
    for r in stratum.rules {
      let rule = program.rules[r]
      let p = planner.withAnonymous(names: rule.variableNames)
      initial.append(
        p.plan(head: rule.head, body: rule.body, variableCount: rule.variableNames.count, ruleIndex: r))
      let withDelta = rule.body.indices.filter {
        if case .positive(let atom) = rule.body[$0] { return deltaPredicates.contains(atom.predicate) }
        return false
      }
      for (k, position) in withDelta.enumerated() {
        var sources: [Int: RowSource] = [:]
        for (j, other) in withDelta.enumerated() {
          sources[other] = j < k ? .stable : (j == k ? .delta : .full)
        }
        variants.append(
          p.plan(
            head: rule.head, body: rule.body, variableCount: rule.variableNames.count, ruleIndex: r,
            sources: sources, first: position))
      }
    }
    return (initial, variants)
  }

  /// Evaluates the stratum to its fixpoint. With `seed` (predicate to the first of its new
  /// rows), the store already holds this stratum's model for the old facts, and only what
  /// follows from the new rows is derived: the incremental case, for monotone rules.
  mutating func run(seed: [Int: Int] = [:]) throws(EvaluationError) -> FactStore {
    let (initial, variants) = plans(seeded: Set(seed.keys))
    let startedEmpty = Set(stratum.predicates.filter { store.relations[$0].count == 0 })
    var deltaIndexes: [Int: Set<[Int]>] = [:]
    // A seeded run never runs the initial plans.
    for plan in (seed.isEmpty ? initial : []) + variants {
      Indexing.prepare(plan.steps, store: &store, deltaIndexes: &deltaIndexes)
    }
    // Every per-round table below covers only the predicates that have a delta or grow in
    // the round, so a round costs nothing for the (possibly many) predicates it ignores:
    // in a cycle through 20,000 predicates, each round touches one or two of them.
    var deltas: [Int: Relation] = [:]
    if seed.isEmpty {
      let distinct = DistinctDerivations.predicates(of: stratum, program: program, store: store)
      try runRound(initial, deltas: [:], stable: [:], merge: &deltas, deltaIndexes, distinct: distinct)
      guard stratum.isRecursive else { return store }
      dropFirstRoundIndexes(of: startedEmpty, variants: variants)
    } else {
      // A seed becomes a delta only if some variant reads it (the new rows of a predicate
      // nothing here reads, say the stratum's own in a stratum that is not recursive, need
      // no copy). Its rows are distinct already: appended, without a membership set.
      let read = Set(variants.compactMap(\.deltaPredicate))
      for (predicate, first) in seed where read.contains(predicate) {
        let source = store.relations[predicate]
        var delta = Relation(arity: source.arity)
        for columns in deltaIndexes[predicate] ?? [] { delta.ensureIndex(on: columns) }
        for r in first..<source.count { delta.appendUnchecked(source.rowView(r)) }
        deltas[predicate] = delta
      }
    }
    // The variants by the predicate whose delta they read, each with its place in `variants`
    // (a round runs its variants in that order, so derivations are found in a fixed order).
    var variantsByDelta: [Int: [(order: Int, plan: RulePlan)]] = [:]
    for (order, plan) in variants.enumerated() {
      if let p = plan.deltaPredicate { variantsByDelta[p, default: []].append((order, plan)) }
    }
    var firstRound = !seed.isEmpty
    while true {
      let active = deltas.filter { $0.value.count > 0 }
      if active.isEmpty { break }
      // A delta holds the rows its relation gained last round, at its end.
      let stable = Dictionary(
        uniqueKeysWithValues: active.map { ($0.key, store.relations[$0.key].count - $0.value.count) })
      let plans = active.keys.flatMap { variantsByDelta[$0] ?? [] }.sorted { $0.order < $1.order }.map(\.plan)
      var next: [Int: Relation] = [:]
      try runRound(plans, deltas: active, stable: stable, merge: &next, deltaIndexes)
      deltas = next
      if firstRound {
        // The seeds were the deltas of this round only.
        dropFirstRoundIndexes(of: startedEmpty, variants: variants)
        firstRound = false
      }
    }
    return store
  }

  /// After the first round, drops the indexes on the stratum's relations in `built` (those
  /// that started empty, so every index on them was made for this run) that only the first
  /// round used: the initial plans, or the variants reading a seed's delta. Later rounds
  /// only run the variants reading the stratum's own deltas; keeping an index they do not
  /// read up to date while the relation grows to its fixpoint would cost a hash insert per
  /// new row for nothing. A later run builds it again if it needs it.
  private mutating func dropFirstRoundIndexes(of built: Set<Int>, variants: [RulePlan]) {
    let own = Set(stratum.predicates)
    var needed: [Int: Set<[Int]>] = [:]
    for plan in variants where plan.deltaPredicate.map(own.contains) == true {
      needed.merge(Indexing.fullIndexes(plan.steps, store: store)) { $0.union($1) }
    }
    for predicate in stratum.predicates where built.contains(predicate) {
      let drop = store.relations[predicate].indexedColumns.filter {
        !(needed[predicate] ?? []).contains($0)
      }
      for columns in drop { store.relations[predicate].dropIndex(on: columns) }
    }
  }

  /// Runs `plans`, then merges what they derived; `merge` receives the new rows as deltas.
  /// Reads stop at the row counts of the round's start (`full`), taken here for the
  /// stratum's own predicates: the only ones that grow while the round runs.
  private mutating func runRound(
    _ plans: [RulePlan], deltas: [Int: Relation], stable: [Int: Int],
    merge mergeDeltas: inout [Int: Relation], _ deltaIndexes: [Int: Set<[Int]>], distinct: Set<Int> = []
  ) throws(EvaluationError) {
    var pending: [Int: PendingRows] = [:]
    let heads = Set(plans.map(\.headPredicate))
    let roundStart = Dictionary(uniqueKeysWithValues: heads.map { ($0, store.relations[$0].count) })
    let stamp = provenance.nextRound()
    try derive(plans, deltas: deltas, stable: stable, full: roundStart, into: &pending, distinct: distinct)
    try merge(&pending, stamp: stamp, into: &mergeDeltas, deltaIndexes, roundStart: roundStart)
  }

  /// Runs the plans of a round; new rows go to `pending`. The compiled closures (and the
  /// references to relation storage they hold) are gone when this returns, so merging the
  /// rows afterwards writes to uniquely held storage instead of copying it. Heads of the
  /// `distinct` predicates are appended without a duplicate check (see
  /// ``DistinctDerivations``).
  private mutating func derive(
    _ plans: [RulePlan], deltas: [Int: Relation], stable: [Int: Int], full: [Int: Int],
    into pending: inout [Int: PendingRows], distinct: Set<Int>
  ) throws(EvaluationError) {
    // New rows go straight into their relations: reads stop at the row counts of the round's
    // start, so no read sees a row of its own round, and a duplicate costs one hash probe.
    for predicate in full.keys { store.relations[predicate].prepareForWrites() }
    let runner = PlanRunner(
      compiler: StepCompiler(
        store: store, deltas: deltas, stableCounts: stable, fullCounts: full,
        factCap: budget.budget.maximumDerivedFacts, pool: pool),
      pool: pool, budget: budget)
    for plan in plans {
      let target = plan.headPredicate
      let out = pending[target] ?? PendingRows()
      pending[target] = out
      let storage = store.relations[target].storage
      let width = plan.head.count
      let budget = self.budget
      let unchecked = distinct.contains(target)
      if !unchecked && width > 0 {
        // Heads are inserted in batches (see RelationStorage.insertBatch); the order of rows
        // is unchanged.
        let batch = HeadBatch(width: width)
        let head = plan.head
        try runner.run(plan) { (frame: RuleFrame) throws(EvaluationError) in
          try batch.add(frame, head)
          if batch.isFull {
            batch.flush(into: storage, counting: out)
            if batch.flushes & 0xFF == 0 { try budget.checkGrowth(extra: out.emitted, predicate: target) }
          }
        }
        batch.flush(into: storage, counting: out)
        continue
      }
      // A relation derived without duplicates appends every head here (millions in `neg`),
      // so the head is resolved in this closure, without forEachHead's extra closure call.
      let head = HeadTuple(plan.head)
      try runner.run(plan) { (frame: RuleFrame) throws(EvaluationError) in
        let tuple = try head.resolve(frame)
        if unchecked {
          storage.appendUnchecked(tuple)
        } else if !storage.insert(tuple) {
          return
        }
        out.emitted += 1
        if out.emitted & 0xFFF == 0 { try budget.checkGrowth(extra: out.emitted, predicate: target) }
      }
    }
  }

  /// Makes the rows a round added the deltas of the next round, and stamps them with the
  /// round's number (see ``Provenance``).
  private mutating func merge(
    _ pending: inout [Int: PendingRows], stamp: UInt32, into mergeDeltas: inout [Int: Relation],
    _ deltaIndexes: [Int: Set<[Int]>], roundStart: [Int: Int]
  ) throws(EvaluationError) {
    for predicate in pending.keys.sorted() {
      let relation = store.relations[predicate]
      let first = roundStart[predicate] ?? relation.count
      let added = relation.count - first
      guard added > 0 else { continue }
      provenance.record(predicate: predicate, from: first, stamp: stamp)
      // Only a recursive stratum reads its own rows again: other strata need no delta.
      if stratum.isRecursive {
        var delta = Relation(arity: relation.arity)
        for columns in deltaIndexes[predicate] ?? [] { delta.ensureIndex(on: columns) }
        for r in first..<relation.count { delta.appendUnchecked(relation.rowView(r)) }
        mergeDeltas[predicate] = delta
      }
      budget.count(added, for: predicate)
      try budget.checkGrowth(extra: 0, predicate: predicate)
    }
  }
}

/// What one predicate gained during a round (see "pending" above): its new rows are already
/// in the relation; this counts them for the derived-fact cap while the round runs.
final class PendingRows {
  /// How many rows were emitted.
  var emitted = 0
}

extension SemiNaive {
  /// Evaluates `stratum` on `store` in place (see ``run(seed:)``): the store and provenance
  /// move into the evaluation and back, so no relation is copied. After an error `store`
  /// and `provenance` are unspecified; callers discard them.
  static func run(
    _ stratum: Stratum, program: Program, pool: ValuePool, budget: Budgeter,
    store: inout FactStore, provenance: inout Provenance, seed: [Int: Int] = [:]
  ) throws(EvaluationError) {
    var semiNaive = SemiNaive(
      stratum: stratum, program: program, pool: pool, store: FactStore(arities: []), budget: budget,
      provenance: Provenance())
    swap(&semiNaive.store, &store)
    swap(&semiNaive.provenance, &provenance)
    store = try semiNaive.run(seed: seed)
    swap(&semiNaive.provenance, &provenance)
  }

  /// Evaluates `stratum` again from its stored facts in `base`: its relations start from
  /// those and their stamps are forgotten.
  static func recompute(
    _ stratum: Stratum, program: Program, pool: ValuePool, budget: Budgeter, base: FactStore,
    store: inout FactStore, provenance: inout Provenance
  ) throws(EvaluationError) {
    for p in stratum.predicates {
      store.relations[p] = p < base.relations.count ? base.relations[p] : Relation(arity: store.relations[p].arity)
      provenance.clear(predicate: p)
    }
    try run(stratum, program: program, pool: pool, budget: budget, store: &store, provenance: &provenance)
  }
}
