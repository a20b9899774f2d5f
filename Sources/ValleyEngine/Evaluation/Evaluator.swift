/// Computes the model of a program: every stored fact plus everything the rules derive.
///
/// The evaluator is a pure function of its inputs (program, stored facts, budget); the value
/// pool only grows. Strata run in order, each to its fixpoint (see ``SemiNaive``).
public enum Evaluator {
  /// The model of `program` over the stored facts `base`.
  public static func evaluate(
    _ program: Program, base: FactStore, pool: ValuePool, budget: EvaluationBudget
  ) throws(EvaluationError) -> FactStore {
    var provenance = Provenance()
    return try evaluate(program, base: base, pool: pool, budget: budget, provenance: &provenance)
  }

  /// The model, stamping in `provenance` the round that derived each derived fact.
  public static func evaluate(
    _ program: Program, base: FactStore, pool: ValuePool, budget: EvaluationBudget,
    provenance: inout Provenance
  ) throws(EvaluationError) -> FactStore {
    var store = covering(base, program)
    let budgeter = Budgeter(budget)
    for stratum in program.strata {
      try SemiNaive.run(
        stratum, program: program, pool: pool, budget: budgeter, store: &store, provenance: &provenance)
    }
    return store
  }

  /// Extends `model` (the model of `program` before the rows of `base` from `newRows[p]` on
  /// were stored, for each predicate p) with those facts and what follows from them, without
  /// re-deriving the rest. A stratum that
  /// reads a changed predicate through `not` or an aggregate can lose facts, so it is
  /// evaluated again from its stored facts, and so is every stratum that reads one of its
  /// predicates; strata that read nothing that changed are left alone.
  ///
  /// `newRules` (indices into `program.rules`, whose strata already include them) are rules
  /// added since `model` was computed: each runs once over the whole model, and what it
  /// derives seeds the rest like new facts. Adding rules is monotone, so this is sound
  /// whenever the new program stratifies: a predicate a new rule reads through `not` cannot
  /// depend on what it derives.
  public static func extend(
    _ model: FactStore, of program: Program, base: FactStore, newRows: [Int: Int], newRules: [Int] = [],
    pool: ValuePool, budget: EvaluationBudget, provenance: inout Provenance
  ) throws(EvaluationError) -> FactStore {
    var store = covering(model, program)
    var changed: [Int: Int] = [:]
    for (predicate, first) in newRows.sorted(by: { $0.key < $1.key }) {
      let stored = base.relations[predicate]
      for r in first..<stored.count {
        let before = store.relations[predicate].count
        if store.relations[predicate].insert(stored.rowView(r)) {
          if changed[predicate] == nil { changed[predicate] = before }
          provenance.recordStored(predicate: predicate, row: before)
        }
      }
    }
    let budgeter = Budgeter(budget)
    if !newRules.isEmpty {
      let heads = Array(Set(newRules.map { program.rules[$0].head.predicate })).sorted()
      let before = heads.map { store.relations[$0].count }
      let once = Stratum(predicates: heads, rules: newRules, isRecursive: false)
      try SemiNaive.run(once, program: program, pool: pool, budget: budgeter, store: &store, provenance: &provenance)
      for (p, count) in zip(heads, before) where store.relations[p].count > count {
        changed[p] = min(changed[p] ?? count, count)
      }
    }
    var affected = Set(changed.keys)
    var recomputed = Set<Int>()
    let graph = DependencyGraph(rules: program.rules, predicateCount: program.catalog.count)
    for stratum in program.strata {
      let edges = graph.reads(of: stratum.predicates).filter { affected.contains($0.to) }
      // New rows of the stratum's own predicates (stored facts of a predicate that also has
      // rules, or what a new rule derived) seed it too.
      let ownChanged = stratum.predicates.contains { changed[$0] != nil }
      if edges.isEmpty && !ownChanged { continue }
      if edges.contains(where: { $0.kind != .positive || recomputed.contains($0.to) }) {
        try SemiNaive.recompute(
          stratum, program: program, pool: pool, budget: budgeter, base: base, store: &store,
          provenance: &provenance)
        recomputed.formUnion(stratum.predicates)
        affected.formUnion(stratum.predicates)
        continue
      }
      let before = stratum.predicates.map { store.relations[$0].count }
      let members = Set(stratum.predicates)
      let read = Set(edges.map(\.to))
      let seed = changed.filter { members.contains($0.key) || read.contains($0.key) }
      try SemiNaive.run(
        stratum, program: program, pool: pool, budget: budgeter, store: &store, provenance: &provenance,
        seed: seed)
      for (p, count) in zip(stratum.predicates, before) where store.relations[p].count > count {
        changed[p] = min(changed[p] ?? count, count)
        affected.insert(p)
      }
    }
    return store
  }

  /// Updates `model` (the model of `program` before the stored facts `removed` were taken
  /// out of `base`) by delete and rederive (see ``Retraction``): only what the removed facts
  /// supported is re-examined.
  public static func retract(
    _ removed: [(predicate: Int, values: [UInt32])], from model: FactStore, of program: Program,
    base: FactStore, pool: ValuePool, budget: EvaluationBudget, provenance: inout Provenance
  ) throws(EvaluationError) -> FactStore {
    var retraction = Retraction(
      program: program, pool: pool, budget: Budgeter(budget), base: base, model: covering(model, program),
      provenance: provenance)
    try retraction.run(removing: removed)
    provenance = retraction.provenance
    return retraction.store
  }

  /// The distinct bindings of the query's answer variables, as value identifiers (unsorted).
  /// `store` gains the indexes the query needs.
  public static func answers(
    _ query: Query, store: inout FactStore, pool: ValuePool, budget: EvaluationBudget
  ) throws(EvaluationError) -> Relation {
    let (plan, runner) = prepare(query, store: &store, pool: pool, budget: budget)
    let result = RelationStorage(arity: query.answerVariables.count)
    let buffer = ScratchBuffer<UInt32>(count: query.answerVariables.count, repeating: 0)
    let answerSlots = query.answerVariables
    let cap = budget.maximumDerivedFacts
    try runner.run(plan) { (frame: RuleFrame) throws(EvaluationError) in
      let tuple = buffer.view
      for (i, slot) in answerSlots.enumerated() { tuple[i] = frame.slots[slot] }
      if result.insert(tuple.row), result.count > cap {
        throw .factLimit(limit: cap, predicate: -1)
      }
    }
    return Relation(storage: result)
  }
}

extension Evaluator {
  /// `store` with an empty relation for each predicate of `program` it does not have yet.
  static func covering(_ store: FactStore, _ program: Program) -> FactStore {
    var covered = store
    for p in covered.relations.count..<program.catalog.count {
      covered.relations.append(Relation(arity: program.catalog[p].arity))
    }
    return covered
  }

  /// Plans a query, builds the indexes it needs in `store`, and returns a runner over it
  /// (whose aggregates stop at the budget's cap).
  static func prepare(
    _ query: Query, store: inout FactStore, pool: ValuePool, budget: EvaluationBudget
  ) -> (RulePlan, PlanRunner) {
    let planner = Planner(pool: pool, store: store).withAnonymous(names: query.variableNames)
    let plan = planner.plan(
      head: nil, body: query.body, variableCount: query.variableNames.count, ruleIndex: -1)
    return (plan, PlanRunner(indexing: &store, for: plan.steps, pool: pool, budget: budget))
  }

  /// For each distinct answer of `query` (at most `limit`), the values of all its variables
  /// in the first binding found. Used to explain answers.
  public static func bindings(
    _ query: Query, store: inout FactStore, pool: ValuePool, budget: EvaluationBudget, limit: Int
  ) throws(EvaluationError) -> (bindings: [[UInt32]], total: Int) {
    let (plan, runner) = prepare(query, store: &store, pool: pool, budget: budget)
    let seen = RelationStorage(arity: query.answerVariables.count)
    let buffer = ScratchBuffer<UInt32>(count: query.answerVariables.count, repeating: 0)
    var found: [[UInt32]] = []
    let answerSlots = query.answerVariables
    try runner.run(plan) { (frame: RuleFrame) throws(EvaluationError) in
      let tuple = buffer.view
      for (i, slot) in answerSlots.enumerated() { tuple[i] = frame.slots[slot] }
      if seen.insert(tuple.row), found.count < limit { found.append(frame.values) }
    }
    return (found, seen.count)
  }
}
