/// Turns evaluation failures into diagnostics that name the rule or predicate involved.
enum RuntimeDiagnostics {
  static func help(for failure: Arithmetic.Failure) -> String {
    switch failure {
    case .divisionByZero: "guard the division with a comparison such as D != 0"
    case .overflow: "integers are 64-bit; use decimals (e.g. 2.0) for larger magnitudes"
    case .notANumber: "arithmetic needs numbers; check which values reach this expression"
    case .nonFinite: "the result is too large (or undefined) for a decimal"
    }
  }

  static func diagnostic(
    for error: EvaluationError, program: Program, pool: ValuePool, budget: EvaluationBudget,
    statement: SourceSpan? = nil
  ) -> Diagnostic {
    var diagnostic = describe(error, program: program, pool: pool, budget: budget)
    // A limit reached by a query (not a rule) points at the statement that ran it.
    if diagnostic.span == nil { diagnostic.span = statement }
    return diagnostic
  }

  private static func describe(
    _ error: EvaluationError, program: Program, pool: ValuePool, budget: EvaluationBudget
  ) -> Diagnostic {
    func ruleName(_ index: Int) -> String {
      guard index >= 0, index < program.rules.count else { return "the query" }
      let head = program.rules[index].head.predicate
      return "a rule for '\(program.catalog[head].name)'"
    }
    func firstRule(of predicate: Int) -> SourceSpan? {
      program.rules.first { $0.head.predicate == predicate }?.span
    }
    func name(_ predicate: Int) -> String {
      predicate >= 0 && predicate < program.catalog.count
        ? "'\(program.catalog[predicate].name)'" : "the query's answers"
    }
    switch error {
    case .arithmetic(let failure, let rule, let span):
      return .error(
        .E401, "\(failure.message) in \(ruleName(rule))", at: span,
        help: help(for: failure))
    case .aggregateOverSymbol(let value, let rule, let span):
      return .error(
        .E402, "sum over the symbol \(ValueFormatter.source(value)) in \(ruleName(rule))",
        at: span, help: "sum adds numbers only; filter the values or use count")
    case .factLimit(let limit, let predicate) where predicate < 0:
      return .error(
        .E403, "the query has more than \(limit) answers", at: nil,
        help: "bind more of its variables or count the answers with count { ... }; "
          + "or raise the cap with :set max_facts N")
    case .factLimit(let limit, let predicate):
      return .error(
        .E403, "evaluation stopped after \(limit) derived facts: \(name(predicate)) kept growing",
        at: firstRule(of: predicate),
        help: "a recursive rule may be deriving new values without end; "
          + "fix it, or raise the cap with :set max_facts N")
    case .aggregateLimit(let limit, let rule, let span):
      return .error(
        .E403, "an aggregate in \(ruleName(rule)) gathered more than \(limit) distinct tuples", at: span,
        help: "bind more of its variables before it, or raise the cap with :set max_facts N")
    case .timeLimit(let seconds, let predicate):
      return .error(
        .E404,
        "evaluation stopped after the time limit of \(seconds == seconds.rounded() ? String(Int64(seconds)) : String(seconds)) s while deriving \(name(predicate))",
        at: firstRule(of: predicate), help: "raise the limit with :set timeout SECONDS (0 for none)")
    case .cancelled:
      return .error(.E405, "interrupted; the knowledge base is unchanged", at: nil)
    }
  }
}
