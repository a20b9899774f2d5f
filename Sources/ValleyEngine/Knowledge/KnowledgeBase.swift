/// The session's knowledge: predicates, rules, stored facts and the evaluated model.
///
/// It is a value: a statement that changes knowledge works on a copy and the session keeps
/// the copy only if every step succeeded, so a failed `:load` or `:assert` changes nothing.
struct KnowledgeBase: Sendable {
  /// The name of the load unit that holds `:assume`d clauses.
  static let assumptionUnitName = "<assumptions>"

  var catalog = PredicateCatalog()
  var rules: [Rule] = []
  /// Stored facts (from files and `:assert`), one relation per predicate.
  var base = FactStore(arities: [])
  /// For each predicate, the origin of each stored row (parallel to the rows).
  var origins: [OriginTable] = []
  /// Unit 0 is the session; files follow in load order.
  var units: [LoadUnit] = [LoadUnit(name: "<session>", canonical: nil)]
  /// Stored plus derived facts.
  var model = FactStore(arities: [])
  var strata: [Stratum] = []
  /// The round that derived each derived fact of `model` (for `:why`).
  var provenance = Provenance()
  /// Whether `model` is the model of the current rules and stored facts, except for facts
  /// added since (which ``extend(with:pool:budget:)`` can then add incrementally).
  var modelIsCurrent = false

  var program: Program { Program(catalog: catalog, rules: rules, strata: strata) }

  /// The number of stored facts, derived facts, rules and predicates.
  var statistics: (facts: Int, derived: Int, rules: Int, predicates: Int) {
    let stored = base.totalCount
    return (stored, model.totalCount - stored, rules.count, catalog.count)
  }

  /// The unit for a canonical path, reusing the unit of a file loaded before.
  mutating func unit(named name: String, canonical: String) -> (unit: Int, reloaded: Bool) {
    if let existing = units.firstIndex(where: { $0.canonical == canonical }) {
      return (existing, true)
    }
    units.append(LoadUnit(name: name, canonical: canonical))
    return (units.count - 1, false)
  }

  /// Forgets every clause and declaration that came from `unit` (for a reload).
  mutating func remove(unit: Int) {
    modelIsCurrent = false
    rules.removeAll { $0.unit == unit }
    for p in 0..<base.relations.count {
      removeStored(rows: origins[p].indices.filter { origins[p].unit(of: $0) == unit }, of: p)
    }
    for p in 0..<catalog.count where catalog[p].declarationUnit == unit {
      catalog[p].columns = nil
      catalog[p].doc = nil
      catalog[p].declaredAt = nil
      catalog[p].declarationUnit = nil
    }
  }

  /// Pads the stored-fact tables to the catalog's size.
  mutating func growTables() {
    while base.relations.count < catalog.count {
      base.relations.append(Relation(arity: catalog[base.relations.count].arity))
      origins.append(OriginTable())
    }
  }

  /// Stores a run of facts (interned values one after another, with their origins); facts
  /// already stored are skipped.
  mutating func storeRows(_ predicate: Int, _ run: FactBatch.Run) {
    let arity = base.relations[predicate].arity
    let flat = arity == 0 ? Array(repeating: 0, count: run.count > 0 ? 1 : 0) : run.values
    if origins[predicate].isEmpty {
      // The first facts of a predicate: the table takes the run's origins over, without the
      // facts that were already stored (earlier in the run).
      var skipped: [Int] = []
      var next = 0
      base.relations[predicate].insert(rowsOf: flat) { k in
        while next < k {
          skipped.append(next)
          next += 1
        }
        next = k + 1
      }
      skipped += next..<run.count
      origins[predicate] = OriginTable(
        unit: run.unit, file: run.file, starts: run.starts, lengths: run.lengths,
        annotationNumbers: run.annotationNumbers, annotations: run.annotations, skipping: skipped)
      return
    }
    // Annotation numbers of the run, translated to the table's when first used (added
    // without a search for equal ones: see OriginTable.add(annotation:)).
    var numbers = [Int32](repeating: -1, count: run.annotations.count)
    base.relations[predicate].insert(rowsOf: flat) { k in
      let local = Int(run.annotationNumbers[k])
      if numbers[local] < 0 { numbers[local] = origins[predicate].add(annotation: run.annotations[local]) }
      origins[predicate].append(
        unit: run.unit, file: run.file, start: run.starts[k], length: run.lengths[k], annotation: numbers[local])
    }
  }

  /// Removes a stored fact; returns whether it was there. The model is left as it was:
  /// follow with ``shrink(removing:pool:budget:)``.
  mutating func unstore(_ predicate: Int, _ ids: [UInt32]) -> Bool {
    guard predicate < base.relations.count, let row = base.relations[predicate].rowIndex(of: ids) else {
      return false
    }
    removeStored(rows: [row], of: predicate)
    return true
  }

  /// Removes stored rows (ascending) of `predicate` with their origins, keeping the others
  /// in order.
  private mutating func removeStored(rows: [Int], of predicate: Int) {
    base.relations[predicate].removeKeepingOrder(rows: rows)
    origins[predicate].remove(rows: rows)
  }

  /// Adds newly stored facts (the rows of `base` from `firstNew[p]` on, for each predicate p)
  /// and new rules to the model incrementally: only what follows from them is derived, and
  /// only strata that read them through `not` or an aggregate are evaluated again. Falls
  /// back to ``evaluate(pool:budget:)`` when the model is not current.
  ///
  /// `newRules` are the indices of rules just added to ``rules``: the rules are stratified
  /// again, each new rule runs once over the model, and what it derives is propagated the
  /// same way.
  mutating func extend(
    withStoredRowsFrom firstNew: [Int: Int], newRules: [Int] = [], pool: ValuePool, budget: EvaluationBudget
  ) -> [Diagnostic] {
    guard modelIsCurrent else { return evaluate(pool: pool, budget: budget) }
    if !newRules.isEmpty, let problems = stratify() { return problems }
    return update(pool: pool, budget: budget) { kb, provenance throws(EvaluationError) in
      try Evaluator.extend(
        kb.model, of: kb.program, base: kb.base, newRows: firstNew, newRules: newRules, pool: pool,
        budget: budget, provenance: &provenance)
    }
  }

  /// Takes facts just removed from the stored facts out of the model incrementally (see
  /// ``Retraction``). Falls back to ``evaluate(pool:budget:)`` when the model is not current.
  mutating func shrink(removing facts: [(predicate: Int, values: [UInt32])], pool: ValuePool, budget: EvaluationBudget)
    -> [Diagnostic]
  {
    update(pool: pool, budget: budget) { kb, provenance throws(EvaluationError) in
      try Evaluator.retract(
        facts, from: kb.model, of: kb.program, base: kb.base, pool: pool, budget: budget,
        provenance: &provenance)
    }
  }

  /// Replaces the model (and provenance) by what `change` computes from the current ones,
  /// or evaluates everything when the model is not current. An evaluation error leaves them
  /// as they were and becomes a diagnostic.
  private mutating func update(
    pool: ValuePool, budget: EvaluationBudget,
    _ change: (KnowledgeBase, inout Provenance) throws(EvaluationError) -> FactStore
  ) -> [Diagnostic] {
    guard modelIsCurrent else { return evaluate(pool: pool, budget: budget) }
    growTables()
    var fresh = provenance
    do throws(EvaluationError) {
      model = try change(self, &fresh)
      provenance = fresh
      return []
    } catch {
      return [RuntimeDiagnostics.diagnostic(for: error, program: program, pool: pool, budget: budget)]
    }
  }

  /// Orders the rules into strata; returns the cycles through `not` or aggregates, if any.
  private mutating func stratify() -> [Diagnostic]? {
    growTables()
    switch Stratifier.stratify(rules: rules, predicateCount: catalog.count, catalog: catalog) {
    case .failure(let list):
      return list.diagnostics
    case .success(let strata):
      self.strata = strata
      return nil
    }
  }

  /// Stratifies the rules and computes the model.
  mutating func evaluate(pool: ValuePool, budget: EvaluationBudget) -> [Diagnostic] {
    if let problems = stratify() { return problems }
    do throws(EvaluationError) {
      var fresh = Provenance()
      model = try Evaluator.evaluate(
        program, base: base, pool: pool, budget: budget, provenance: &fresh)
      provenance = fresh
      modelIsCurrent = true
      return []
    } catch {
      return [RuntimeDiagnostics.diagnostic(for: error, program: program, pool: pool, budget: budget)]
    }
  }
}
