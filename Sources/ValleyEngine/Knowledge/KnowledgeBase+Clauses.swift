extension KnowledgeBase {
  /// One file's part of an ``add(_:imports:pool:budget:)``.
  typealias ClauseFile = (
    file: SourceFile, clauses: [Syntax.Clause], facts: Syntax.CompactFacts, declarations: [Syntax.Declaration],
    unit: Int
  )

  /// Checks clauses, compact facts and declarations, adds them and extends the model. Returns
  /// the number of facts and rules per file and every diagnostic (errors mean: discard this
  /// copy).
  mutating func add(
    _ files: [ClauseFile], imports: [ImportedTable] = [], pool: ValuePool, budget: EvaluationBudget
  ) -> ([(facts: Int, rules: Int)], [Diagnostic]) {
    var files = files
    return add(taking: &files, imports: imports, pool: pool, budget: budget)
  }

  /// ``add(_:imports:pool:budget:)``, taking the compact facts out of `files` as they are
  /// added: when nothing else holds them, they are freed as they are stored.
  mutating func add(
    taking files: inout [ClauseFile], imports: [ImportedTable] = [], pool: ValuePool, budget: EvaluationBudget
  ) -> ([(facts: Int, rules: Int)], [Diagnostic]) {
    var lowering = Lowering(catalog: catalog)
    for entry in files {
      for declaration in entry.declarations { lowering.declare(declaration, unit: entry.unit) }
    }
    var batch = FactBatch()
    for table in imports {
      guard let predicate = lowering.registerImport(table.predicate, columns: table.table.columns, at: table.span)
      else { continue }
      batch.add(predicate, table)
    }
    // Heads are registered in clause order (the first use of a predicate is where an arity
    // error's note points); a group of compact facts takes the place of its first fact.
    var groupPredicates: [[Int?]] = []
    for entry in files {
      let groups = entry.facts.groups
      var predicates: [Int?] = []
      for (c, clause) in entry.clauses.enumerated() {
        while predicates.count < groups.count, groups[predicates.count].clausesBefore <= c {
          predicates.append(lowering.registerFacts(groups[predicates.count], file: entry.file.id))
        }
        lowering.registerHead(clause.head)
      }
      while predicates.count < groups.count {
        predicates.append(lowering.registerFacts(groups[predicates.count], file: entry.file.id))
      }
      groupPredicates.append(predicates)
    }
    var diagnostics: [Diagnostic] = []
    var rules: [Rule] = []
    var counts: [(facts: Int, rules: Int)] = []
    for (f, predicates) in groupPredicates.enumerated() {
      var count = (facts: 0, rules: 0)
      let annotations = files[f].facts.annotations
      for (group, predicate) in zip(files[f].facts.takeGroups(), predicates) {
        guard let predicate else { continue }
        count.facts += group.count
        batch.add(predicate, group, annotations: annotations, unit: files[f].unit, file: files[f].file.id)
      }
      let entry = files[f]
      for clause in entry.clauses {
        switch lowering.lower(clause, unit: entry.unit, file: entry.file) {
        case .fact(let predicate, let values):
          batch.add(
            predicate, values,
            origin: FactOrigin(unit: entry.unit, span: clause.span, source: clause.source, note: clause.note),
            pool: pool)
          count.facts += 1
        case .rule(var rule):
          rule.body = Grouping.assign(rule.body, outside: Set(rule.head.arguments.flatMap(\.variables)))
          let problems = SafetyChecker.check(rule)
          diagnostics += problems
          if problems.isEmpty { diagnostics += SingletonChecker.check(rule) }
          rules.append(rule)
          count.rules += 1
        case nil:
          break
        }
      }
      counts.append(count)
    }
    diagnostics = lowering.diagnostics + diagnostics
    if diagnostics.contains(where: { $0.severity == .error }) {
      // Report cycles among the rules that did lower too, so one pass shows every error.
      if case .failure(let cycles) = Stratifier.stratify(
        rules: self.rules + rules, predicateCount: lowering.catalog.count, catalog: lowering.catalog)
      {
        diagnostics += cycles.diagnostics
      }
      return (counts, DiagnosticLog.ordered(diagnostics))
    }
    catalog = lowering.catalog
    let firstNew = batch.store(in: &self)
    // Extend the model with the new facts and rules and what follows from them.
    let firstRule = self.rules.count
    self.rules += rules
    diagnostics += extend(
      withStoredRowsFrom: firstNew, newRules: Array(firstRule..<self.rules.count), pool: pool, budget: budget)
    return (counts, DiagnosticLog.ordered(diagnostics))
  }
}
