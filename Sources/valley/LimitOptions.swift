import ArgumentParser
import ValleyEngine

/// `--max-facts` and `--timeout`: the evaluation limits, as `:set max_facts` and `:set timeout`
/// set them inside a session.
struct LimitOptions: ParsableArguments {
  @Option(name: .customLong("max-facts"), help: "Stop an evaluation after this many derived facts (default 20000000).")
  var maxFacts: Int?

  @Option(help: "Stop a statement after this many seconds (default 300; 0 for no limit).")
  var timeout: Double?

  func validate() throws {
    if let maxFacts, maxFacts <= 0 || maxFacts > EvaluationBudget.largestFactCap {
      throw ValidationError("--max-facts takes a whole number from 1 to \(EvaluationBudget.largestFactCap).")
    }
    if let timeout, !(timeout >= 0 && timeout.isFinite) {
      throw ValidationError("--timeout takes a number of seconds, 0 for no limit.")
    }
  }

  /// Applies the limits given on the command line to a session.
  func apply(to session: Session) {
    if let maxFacts { session.budget.maximumDerivedFacts = maxFacts }
    if let timeout { session.budget.timeLimit = timeout }
  }
}
