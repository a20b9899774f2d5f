/// `:format tsv`: tab-separated answers with a header line; reports as plain text.
public struct TSVStyle: PlainTextReports {
  /// Creates the style.
  public init() {}

  /// See ``OutputStyle``.
  public func answers(_ table: AnswerTable, layout: AnswerLayout) -> String {
    SeparatedValues.render(table, separator: "\t", lineEnd: "\n", escape: Self.field)
  }

  /// TSV fields cannot hold tabs or line breaks: they are written as `\t`, `\n`, `\r`, `\\`.
  static func field(_ s: String) -> String {
    guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" || $0 == "\r\n" }) else {
      return s
    }
    var out = ""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\\": out += "\\\\"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
