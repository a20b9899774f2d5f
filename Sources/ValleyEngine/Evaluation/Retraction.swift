/// Updates a model after stored facts are removed, without recomputing what the removal
/// cannot touch: "delete and rederive" (DRed, Gupta, Mumick and Subrahmanian, 1993).
///
/// 1. **Over-delete.** Stratum by stratum, every fact with a derivation that uses a removed
///    fact, or a fact over-deleted before it, is marked, reading the old model throughout.
///    This over-approximates: a marked fact may have another derivation.
/// 2. **Remove** the marked facts from the model (and their stamps).
/// 3. **Rederive,** stratum by stratum: a marked fact comes back when it is still stored, or
///    when one rule step derives it from what is left; then ordinary semi-naive evaluation,
///    seeded with the facts that came back, restores everything that follows from them.
///
/// A stratum that reads a changed predicate through `not` or an aggregate can gain facts
/// when others are removed, which DRed does not cover: such a stratum is recomputed from its
/// stored facts instead. So is a stratum whose over-deletion passes an eighth of its facts
/// (in a dense recursive relation one fact can support most others, and rederiving them
/// costs more than evaluating again). Every stratum that reads a recomputed one is
/// recomputed too; strata that read nothing that changed are left alone.
///
/// Explanations stay sound: a fact keeps its stamp (see ``Provenance``) only if it was not
/// over-deleted, and then none of the premises of the derivation that gave it that stamp were
/// removed. A fact that came back is stamped with the round that brought it back, whose
/// derivations need not be its shortest.
struct Retraction {
  let program: Program
  let pool: ValuePool
  let budget: Budgeter
  /// Stored facts after the removal.
  let base: FactStore
  /// The model, updated in place.
  var store: FactStore
  var provenance: Provenance
  /// Facts marked by the over-delete phase, by predicate.
  private(set) var deleted: [Int: Relation] = [:]
  /// Indices of the strata to recompute from their stored facts, and their predicates.
  private(set) var recomputed: Set<Int> = []
  private var recomputedPredicates: Set<Int> = []

  init(
    program: Program, pool: ValuePool, budget: Budgeter, base: FactStore, model: FactStore,
    provenance: Provenance
  ) {
    self.program = program
    self.pool = pool
    self.budget = budget
    self.base = base
    store = model
    self.provenance = provenance
  }

  /// Runs the three phases for the stored facts `removed` (no longer in `base`).
  mutating func run(removing removed: [(predicate: Int, values: [UInt32])]) throws(EvaluationError) {
    for fact in removed where store.relations[fact.predicate].contains(fact.values) {
      deleted[fact.predicate, default: Relation(arity: store.relations[fact.predicate].arity)].insert(fact.values)
    }
    try overDelete()
    for (predicate, gone) in deleted.sorted(by: { $0.key < $1.key })
    where !recomputedPredicates.contains(predicate) && gone.count > 0 {
      remove(gone, from: predicate)
    }
    for (i, stratum) in program.strata.enumerated() {
      if recomputed.contains(i) {
        try SemiNaive.recompute(
          stratum, program: program, pool: pool, budget: budget, base: base, store: &store,
          provenance: &provenance)
      } else if stratum.predicates.contains(where: { (deleted[$0]?.count ?? 0) > 0 }) {
        try rederive(stratum)
      }
    }
  }

  // MARK: Over-delete

  private mutating func overDelete() throws(EvaluationError) {
    let graph = DependencyGraph(rules: program.rules, predicateCount: program.catalog.count)
    for (i, stratum) in program.strata.enumerated() {
      let touched = graph.reads(of: stratum.predicates).filter {
        deleted[$0.to] != nil || recomputedPredicates.contains($0.to)
      }
      if touched.contains(where: { $0.kind != .positive || recomputedPredicates.contains($0.to) }) {
        markForRecomputing(i)
        continue
      }
      let own = stratum.predicates.filter { deleted[$0] != nil }
      if touched.isEmpty && own.isEmpty { continue }
      var deltas: [Int: Relation] = [:]
      for edge in touched where deltas[edge.to] == nil { deltas[edge.to] = deleted[edge.to] }
      for p in own { deltas[p] = deleted[p] }
      // Past this many marks, deleting and rederiving costs more than evaluating the
      // stratum again (dense recursive relations, where one fact supports most others).
      let limit = max(256, stratum.predicates.reduce(0) { $0 + store.relations[$1].count } / 8)
      var marked = own.reduce(0) { $0 + (deleted[$1]?.count ?? 0) }
      let readers = readers(in: stratum)
      while !deltas.isEmpty {
        let found = try overDeleteRound(stratum, deltas: deltas, readers: readers)
        deltas = [:]
        for (p, fresh) in found where fresh.count > 0 {
          for r in 0..<fresh.count {
            deleted[p, default: Relation(arity: fresh.arity)].insert(fresh.rowView(r))
          }
          deltas[p] = fresh
          marked += fresh.count
        }
        if marked > limit {
          markForRecomputing(i)
          break
        }
      }
    }
  }

  private mutating func markForRecomputing(_ stratum: Int) {
    recomputed.insert(stratum)
    recomputedPredicates.formUnion(program.strata[stratum].predicates)
  }

  /// One round: the facts of the stratum derivable with one premise from `deltas` and the
  /// others from the old model, not marked yet.
  private mutating func overDeleteRound(
    _ stratum: Stratum, deltas: [Int: Relation], readers: [Int: [(rule: Int, position: Int)]]
  ) throws(EvaluationError)
    -> [Int: Relation]
  {
    var plans: [RulePlan] = []
    let planner = Planner(pool: pool, store: store)
    // Only the atoms over a predicate with a delta, in rule order (a round then costs
    // nothing for the rules of a large stratum that read nothing marked).
    let atoms = deltas.keys.flatMap { readers[$0] ?? [] }.sorted { ($0.rule, $0.position) < ($1.rule, $1.position) }
    for (r, position) in atoms {
      let rule = program.rules[r]
      plans.append(
        planner.withAnonymous(names: rule.variableNames).plan(
          head: rule.head, body: rule.body, variableCount: rule.variableNames.count, ruleIndex: r,
          sources: [position: .delta], first: position))
    }
    var indexed = deltas
    prepareIndexes(plans, deltas: &indexed)
    var found: [Int: RelationStorage] = [:]
    let runner = PlanRunner(
      compiler: StepCompiler(
        store: store, deltas: indexed, factCap: budget.budget.maximumDerivedFacts, pool: pool),
      pool: pool, budget: budget)
    for plan in plans {
      let target = plan.headPredicate
      let out = found[target] ?? RelationStorage(arity: program.catalog[target].arity)
      found[target] = out
      // Only facts of the old model that are not marked yet (the model is closed under the
      // rules, so every derived fact is in it).
      let model = store.relations[target].storage
      let marked = deleted[target]?.storage
      try runner.forEachHead(plan) { tuple, _ in
        guard model.find(tuple) >= 0, (marked?.find(tuple) ?? -1) < 0 else { return }
        _ = out.insert(tuple)
      }
    }
    return found.mapValues { Relation(storage: $0) }
  }

  /// The positive atoms of the rules of `stratum`, by predicate: each rule with the atom's
  /// position in its body.
  private func readers(in stratum: Stratum) -> [Int: [(rule: Int, position: Int)]] {
    var table: [Int: [(rule: Int, position: Int)]] = [:]
    for r in stratum.rules {
      for (position, literal) in program.rules[r].body.enumerated() {
        if case .positive(let atom) = literal { table[atom.predicate, default: []].append((r, position)) }
      }
    }
    return table
  }

  // MARK: Remove

  /// Takes the rows in `gone` out of `predicate`'s relation, in time proportional to their
  /// number (the last rows move into the holes; provenance follows them).
  private mutating func remove(_ gone: Relation, from predicate: Int) {
    var rows: [Int] = []
    rows.reserveCapacity(gone.count)
    let relation = store.relations[predicate]
    for r in 0..<gone.count {
      let row = relation.storage.find(gone.rowView(r))
      if row >= 0 { rows.append(row) }
    }
    let moves = store.relations[predicate].remove(rows: rows)
    provenance.apply(removing: rows, moves: moves, count: store.relations[predicate].count, of: predicate)
  }

  // MARK: Rederive

  /// Brings back the marked facts of `stratum` that are still stored or derivable in one
  /// step from what is left, then evaluates what follows from them.
  private mutating func rederive(_ stratum: Stratum) throws(EvaluationError) {
    let counts = Dictionary(uniqueKeysWithValues: stratum.predicates.map { ($0, store.relations[$0].count) })
    for p in stratum.predicates {
      guard let gone = deleted[p], p < base.relations.count, base.relations[p].count > 0 else { continue }
      for r in 0..<gone.count {
        let row = gone.rowView(r)
        guard base.relations[p].storage.find(row) >= 0 else { continue }
        let at = store.relations[p].count
        if store.relations[p].insert(row) { provenance.recordStored(predicate: p, row: at) }
      }
    }
    try rederiveByRules(stratum, counts: counts)
    var seed: [Int: Int] = [:]
    for (p, count) in counts where store.relations[p].count > count { seed[p] = count }
    guard !seed.isEmpty else { return }
    try SemiNaive.run(
      stratum, program: program, pool: pool, budget: budget, store: &store, provenance: &provenance, seed: seed)
  }

  /// The rule step of rederivation. A rule whose head holds only variables and constants
  /// starts from its marked facts (the head, read as an atom over them, binds the body's
  /// variables); any other rule runs in full and keeps the heads that are marked.
  private mutating func rederiveByRules(_ stratum: Stratum, counts: [Int: Int]) throws(EvaluationError) {
    let planner = Planner(pool: pool, store: store)
    var plans: [RulePlan] = []
    // A plan that starts from the marked heads joins the body in another order than the
    // rule's own plan; where that order meets an error the rule's own never does (arithmetic
    // on a value the head column holds but the body would have filtered out first), the
    // rule runs in full instead.
    var fallbacks: [Int: RulePlan] = [:]
    var deltas: [Int: Relation] = [:]
    for r in stratum.rules {
      let rule = program.rules[r]
      let p = rule.head.predicate
      guard let gone = deleted[p], gone.count > 0 else { continue }
      let planning = planner.withAnonymous(names: rule.variableNames)
      // Reading the head as an atom makes its variables atom-bound, which turns an `=` or an
      // aggregate that binds one of them into a numeric check (4 would rederive 4.0): only a
      // rule whose head variables all come from positive atoms starts from the head.
      let atomBound = Planner.atomBound(rule.body, anonymous: [])
      let simple = rule.head.arguments.allSatisfy {
        switch $0 {
        case .binary, .negate: return false
        case .variable(let v, _): return atomBound.contains(v)
        case .constant: return true
        }
      }
      let whole = planning.plan(head: rule.head, body: rule.body, variableCount: rule.variableNames.count, ruleIndex: r)
      if simple {
        deltas[p] = gone
        plans.append(
          planning.plan(
            head: rule.head, body: [.positive(rule.head)] + rule.body, variableCount: rule.variableNames.count,
            ruleIndex: r, sources: [0: .delta], first: 0))
        fallbacks[plans.count - 1] = whole
      } else {
        plans.append(whole)
      }
    }
    guard !plans.isEmpty else { return }
    prepareIndexes(plans + fallbacks.values, deltas: &deltas)
    for predicate in stratum.predicates { store.relations[predicate].prepareForWrites() }
    let full = Dictionary(uniqueKeysWithValues: stratum.predicates.map { ($0, store.relations[$0].count) })
    do {
      let runner = PlanRunner(
        compiler: StepCompiler(
          store: store, deltas: deltas, fullCounts: full, factCap: budget.budget.maximumDerivedFacts, pool: pool),
        pool: pool, budget: budget)
      let relations = store.relations
      let marked = deleted
      let keep = { (plan: RulePlan) -> (RowView, RuleFrame) -> Void in
        let storage = relations[plan.headPredicate].storage
        let gone = marked[plan.headPredicate]?.storage
        return { tuple, _ in
          guard let gone, gone.find(tuple) >= 0 else { return }
          _ = storage.insert(tuple)
        }
      }
      for (k, plan) in plans.enumerated() {
        guard let fallback = fallbacks[k] else {
          try runner.forEachHead(plan, keep(plan))
          continue
        }
        do throws(EvaluationError) {
          try runner.forEachHead(plan, keep(plan))
        } catch {
          guard error.isArithmetic else { throw error }
          try runner.forEachHead(fallback, keep(fallback))
        }
      }
    }
    // One rule step, read from what the round started with: a round of its own.
    let stamp = provenance.nextRound()
    for (p, count) in full.sorted(by: { $0.key < $1.key }) where store.relations[p].count > count {
      provenance.record(predicate: p, from: count, stamp: stamp)
    }
  }

  /// Builds the indexes `plans` look up: on the model, and on `deltas`.
  private mutating func prepareIndexes(_ plans: [RulePlan], deltas: inout [Int: Relation]) {
    var deltaIndexes: [Int: Set<[Int]>] = [:]
    for plan in plans { Indexing.prepare(plan.steps, store: &store, deltaIndexes: &deltaIndexes) }
    for (p, keys) in deltaIndexes {
      for columns in keys { deltas[p]?.ensureIndex(on: columns) }
    }
  }
}
