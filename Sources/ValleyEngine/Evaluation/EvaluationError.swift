/// Why evaluation stopped: a runtime error in a rule, a limit, or a request to stop.
public enum EvaluationError: Error, Sendable {
  /// Arithmetic failed in rule `rule` (-1 for the query itself) at `span`.
  case arithmetic(Arithmetic.Failure, rule: Int, span: SourceSpan)
  /// `sum` over a symbol.
  case aggregateOverSymbol(Value, rule: Int, span: SourceSpan)
  /// More derived facts than the cap; `predicate` grew the most.
  case factLimit(limit: Int, predicate: Int)
  /// An aggregate in rule `rule` (-1 for the query) gathered more distinct tuples than the
  /// derived-fact cap.
  case aggregateLimit(limit: Int, rule: Int, span: SourceSpan)
  /// The time limit passed while `predicate` was being derived.
  case timeLimit(seconds: Double, predicate: Int)
  /// The caller asked to stop (Ctrl-C).
  case cancelled

  /// Whether a value the rule met caused it (arithmetic, or `sum` over a symbol), as opposed
  /// to a limit or a request to stop.
  var isArithmetic: Bool {
    switch self {
    case .arithmetic, .aggregateOverSymbol: return true
    default: return false
    }
  }
}

/// Limits on one evaluation, and a way to stop it from outside.
public struct EvaluationBudget: Sendable {
  /// The most derived (non-stored) facts one evaluation may produce.
  public var maximumDerivedFacts: Int
  /// The highest cap allowed: row numbers in a relation are 32-bit.
  public static let largestFactCap = Int(Int32.max)
  /// Seconds one statement may run; 0 means no limit.
  public var timeLimit: Double
  /// Polled now and then; returning true stops the evaluation with ``EvaluationError/cancelled``.
  public var shouldStop: @Sendable () -> Bool

  /// The defaults: 20 million derived facts and 300 seconds.
  public init(
    maximumDerivedFacts: Int = 20_000_000, timeLimit: Double = 300,
    shouldStop: @escaping @Sendable () -> Bool = { false }
  ) {
    self.maximumDerivedFacts = maximumDerivedFacts
    self.timeLimit = timeLimit
    self.shouldStop = shouldStop
  }
}
