import ValleyEngine

/// The evaluation limits given on the command line (`--max-facts`, `--timeout`), as
/// `:set max_facts` and `:set timeout` set them inside a session; nil leaves the session's
/// default.
///
/// A plain value, so that the quick path through the command line (``QuickCommandLine``)
/// need not touch argument-parser's types; ``LimitOptions`` parses into it.
struct SessionLimits: Equatable {
  /// Stop an evaluation after this many derived facts.
  var maxFacts: Int? = nil
  /// Stop a statement after this many seconds (0 for no limit).
  var timeout: Double? = nil

  /// What is wrong with these limits, as a usage message, or nil when nothing is.
  var problem: String? {
    if let maxFacts, maxFacts <= 0 || maxFacts > EvaluationBudget.largestFactCap {
      return "--max-facts takes a whole number from 1 to \(EvaluationBudget.largestFactCap)."
    }
    if let timeout, !(timeout >= 0 && timeout.isFinite) {
      return "--timeout takes a number of seconds, 0 for no limit."
    }
    return nil
  }

  /// Applies the limits to a session.
  func apply(to session: Session) {
    if let maxFacts { session.budget.maximumDerivedFacts = maxFacts }
    if let timeout { session.budget.timeLimit = timeout }
  }
}
