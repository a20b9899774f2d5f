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

  /// How a table is fitted for people at a prompt (scripts use the defaults: everything).
  public struct Layout: Sendable {
    /// The most rows shown; the rest are counted in a "… N more" line.
    public var maxRows: Int?
    /// Cells wider than this many columns are cut with "…".
    public var maxCellWidth: Int?
    /// Whether the header is bold.
    public var color: Bool

    /// Creates a layout.
    public init(maxRows: Int? = nil, maxCellWidth: Int? = nil, color: Bool = false) {
      self.maxRows = maxRows
      self.maxCellWidth = maxCellWidth
      self.color = color
    }
  }

  /// The answers as an aligned table, fitted to `layout`.
  public static func renderTable(_ table: AnswerTable, layout: Layout = Layout()) -> String {
    if table.variables.isEmpty { return table.holds ? "true.\n" : "false.\n" }
    if table.rows.isEmpty { return "false.\n" }
    let shown = layout.maxRows.map { Array(table.rows.prefix(max(1, $0))) } ?? table.rows
    let rows = shown.map { row in
      row.map { value -> String in
        let text = ValueFormatter.source(value)
        return layout.maxCellWidth.map { TextTable.cut(text, to: max(4, $0)) } ?? text
      }
    }
    var body = TextTable.render(header: table.variables, rows: rows, rightAligned: [])
    if layout.color, let end = body.firstIndex(of: "\n") {
      body = "\u{1B}[1m" + body[..<end] + "\u{1B}[0m" + body[end...]
    }
    let count = table.rows.count
    var out = body + "\n"
    if shown.count < count {
      out += "… \(count - shown.count) more (all \(count) with :format tsv, or narrow the query)\n"
    }
    return out + "\(count) answer\(count == 1 ? "" : "s")\n"
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
