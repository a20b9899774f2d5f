/// How far a long piece of work has got: a file being read by a load, or rules being
/// evaluated. The engine hands these to ``EvaluationBudget/progress`` now and then, so that
/// a front end can show that something is happening; it never prints them itself.
public struct ProgressReport: Sendable, Equatable {
  /// What the engine is doing.
  public enum Activity: Sendable, Equatable {
    /// Reading a knowledge file or a CSV/TSV table, named as the user named it.
    case reading(file: String)
    /// Evaluating rules: the predicate whose rule is running, or nil while a query's own
    /// body is evaluated.
    case evaluating(predicate: String?)
  }

  /// What the engine is doing.
  public var activity: Activity
  /// While reading: the clauses (nearly all facts, in a large file) or table rows read so
  /// far. While evaluating: the facts derived so far.
  public var facts: Int
  /// While reading: how many bytes of the file are behind the reader. 0 while evaluating.
  public var bytesRead: Int
  /// While reading: the file's size in bytes. 0 while evaluating.
  public var byteCount: Int
  /// The time since this activity began (this file, or this evaluation).
  public var elapsed: Duration

  /// Creates a report.
  public init(activity: Activity, facts: Int, bytesRead: Int = 0, byteCount: Int = 0, elapsed: Duration) {
    self.activity = activity
    self.facts = facts
    self.bytesRead = bytesRead
    self.byteCount = byteCount
    self.elapsed = elapsed
  }

  /// The part of the file read, from 0 to 1; nil while evaluating.
  public var fractionDone: Double? {
    byteCount > 0 ? min(1, Double(bytesRead) / Double(byteCount)) : nil
  }

  /// ``facts`` divided by the seconds elapsed; 0 before any time has passed.
  public var factsPerSecond: Double {
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return seconds > 0 ? Double(facts) / seconds : 0
  }
}
