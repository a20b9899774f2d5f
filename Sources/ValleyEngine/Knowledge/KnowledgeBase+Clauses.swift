extension KnowledgeBase {
  /// Checks clauses and declarations, adds them and extends the model. Returns the
  /// number of facts and rules per file and every diagnostic (errors mean: discard this copy).
  mutating func add(
    _ files: [(file: SourceFile, clauses: [Syntax.Clause], declarations: [Syntax.Declaration], unit: Int)],
    imports: [ImportedTable] = [], pool: ValuePool, budget: EvaluationBudget
  ) -> ([(facts: Int, rules: Int)], [Diagnostic]) {
    var lowering = Lowering(catalog: catalog)
    for entry in files {
      for declaration in entry.declarations { lowering.declare(declaration, unit: entry.unit) }
    }
    var batch = FactBatch()
    for table in imports {
      guard let predicate = lowering.registerImport(table.predicate, columns: table.table.columns, at: table.span)
      else { continue }
      for (r, span) in table.table.rowSpans.enumerated() {
        batch.add(
          predicate, table.table.row(r),
          origin: FactOrigin(unit: table.unit, span: span, source: table.source, note: nil), pool: pool)
      }
    }
    for entry in files {
      for clause in entry.clauses { lowering.registerHead(clause.head) }
    }
    var diagnostics: [Diagnostic] = []
    var rules: [Rule] = []
    var counts: [(facts: Int, rules: Int)] = []
    for entry in files {
      var count = (facts: 0, rules: 0)
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
