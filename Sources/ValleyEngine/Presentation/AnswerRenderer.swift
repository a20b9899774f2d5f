/// Renders the answers of one query as a table, TSV, CSV or a JSON line.
public enum AnswerRenderer {
  /// The rendering, ending in a newline.
  public static func render(_ table: AnswerTable, format: OutputFormat) -> String {
    switch format {
    case .table: return renderTable(table)
    case .tsv: return renderSeparated(table, separator: "\t", lineEnd: "\n", escape: tsvField)
    case .csv: return renderSeparated(table, separator: ",", lineEnd: "\r\n", escape: csvField)
    case .json: return renderJSON(table)
    }
  }

  private static func renderTable(_ table: AnswerTable) -> String {
    if table.variables.isEmpty { return table.holds ? "true.\n" : "false.\n" }
    if table.rows.isEmpty { return "false.\n" }
    let rows = table.rows.map { $0.map(ValueFormatter.source) }
    let body = TextTable.render(header: table.variables, rows: rows, rightAligned: [])
    let count = table.rows.count
    return body + "\n\(count) answer\(count == 1 ? "" : "s")\n"
  }

  private static func renderSeparated(
    _ table: AnswerTable, separator: String, lineEnd: String, escape: (String) -> String
  ) -> String {
    if table.variables.isEmpty { return (table.holds ? "true" : "false") + lineEnd }
    var out = table.variables.map(escape).joined(separator: separator) + lineEnd
    for row in table.rows {
      out += row.map { escape(ValueFormatter.plain($0)) }.joined(separator: separator) + lineEnd
    }
    return out
  }

  /// TSV fields cannot hold tabs or line breaks: they are written as `\t`, `\n`, `\r`, `\\`.
  static func tsvField(_ s: String) -> String {
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

  /// RFC 4180: quote fields holding a comma, a quote or a line break; double the quotes.
  static func csvField(_ s: String) -> String {
    let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    guard needsQuotes else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private static func renderJSON(_ table: AnswerTable) -> String {
    let vars = "[" + table.variables.map(JSON.string).joined(separator: ", ") + "]"
    let rows = "[" + table.rows.map { "[" + $0.map(JSON.value).joined(separator: ", ") + "]" }
      .joined(separator: ", ") + "]"
    return JSON.object([("query", JSON.string(table.query)), ("vars", vars), ("rows", rows)]) + "\n"
  }
}

extension String {
  /// Replaces every occurrence of `target` (no Foundation needed).
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
