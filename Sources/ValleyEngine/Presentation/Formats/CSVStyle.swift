/// `:format csv`: comma-separated answers (RFC 4180, CRLF line ends) with a header line;
/// reports as plain text.
public struct CSVStyle: PlainTextReports {
  /// Creates the style.
  public init() {}

  /// See ``OutputStyle``.
  public func answers(_ table: AnswerTable, layout: AnswerLayout) -> String {
    SeparatedValues.render(table, separator: ",", lineEnd: "\r\n", escape: Self.field)
  }

  /// RFC 4180: quote fields holding a comma, a quote or a line break; double the quotes.
  public static func field(_ s: String) -> String {
    let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    guard needsQuotes else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

extension String {
  /// Replaces every occurrence of `target` (no Foundation needed).
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
