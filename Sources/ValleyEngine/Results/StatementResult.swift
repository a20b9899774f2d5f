/// What one statement produced: its text, where it starts, and its outputs in order.
public struct StatementResult: Sendable {
  /// The statement as written.
  public var text: String
  /// Its first line (1-based) in the text it came from.
  public var line: Int
  /// Its outputs, in order (warnings before the result they belong to).
  public var outputs: [Output]

  /// Creates a result.
  public init(text: String, line: Int, outputs: [Output]) {
    self.text = text
    self.line = line
    self.outputs = outputs
  }
}
