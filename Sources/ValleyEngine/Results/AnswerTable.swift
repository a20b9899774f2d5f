/// The answers to one query.
public struct AnswerTable: Sendable {
  /// The query as written (without `?-`), for JSON output.
  public var query: String
  /// The reported variables, in order of first appearance; empty for a ground query.
  public var variables: [String]
  /// The distinct rows, sorted by value order.
  public var rows: [[Value]]

  /// Creates an answer table.
  public init(query: String, variables: [String], rows: [[Value]]) {
    self.query = query
    self.variables = variables
    self.rows = rows
  }

  /// For a ground query: whether it holds.
  public var holds: Bool { !rows.isEmpty }
}
