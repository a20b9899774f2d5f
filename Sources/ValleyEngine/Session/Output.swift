/// How answers are printed.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// Aligned columns with a header, for people.
  case table
  /// Tab-separated values with a header line.
  case tsv
  /// Comma-separated values (RFC 4180, CRLF line ends) with a header line.
  case csv
  /// One JSON object per line (JSON Lines).
  case json
}

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

/// A piece of what a statement produced, in order. The session never prints; the front end
/// renders outputs with ``OutputRenderer``.
public enum Output: Sendable {
  /// The answers to a query.
  case answers(AnswerTable)
  /// A message for the user (goes to standard output).
  case text(String)
  /// Errors and warnings of one statement; `line` is the statement's first line in its script.
  case diagnostics([Diagnostic], line: Int)
  /// A structured report (an explanation, a diff): text for people, one JSON line for scripts.
  case report(text: String, json: String)
  /// The session should end (`:quit`).
  case quit

  /// Whether this output reports an error.
  public var isError: Bool {
    if case .diagnostics(let list, _) = self { return list.contains { $0.severity == .error } }
    return false
  }
}
