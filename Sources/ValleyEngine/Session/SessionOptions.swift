/// Session options that shape explanations and reports (see `:set`).
public struct SessionOptions: Sendable {
  /// Levels of a proof tree shown before subtrees are cut (`:set why_depth N`).
  public var whyDepth = 12
  /// Answers explained by one `:why` (`:set why_answers N`).
  public var whyAnswers = 10
  /// Whether each statement is followed by the time it took (`:set timing on`).
  public var timing = false

  /// The defaults.
  public init() {}
}
