import ArgumentParser
import ValleyEngine

/// `--max-facts` and `--timeout`: the evaluation limits, as `:set max_facts` and `:set timeout`
/// set them inside a session.
struct LimitOptions: ParsableArguments {
  @Option(name: .customLong("max-facts"), help: "Stop an evaluation after this many derived facts (default 20000000).")
  var maxFacts: Int?

  @Option(help: "Stop a statement after this many seconds (default 300; 0 for no limit).")
  var timeout: Double?

  /// The limits as a plain value.
  var sessionLimits: SessionLimits {
    SessionLimits(maxFacts: maxFacts, timeout: timeout)
  }

  func validate() throws {
    if let problem = sessionLimits.problem {
      throw ValidationError(problem)
    }
  }
}
