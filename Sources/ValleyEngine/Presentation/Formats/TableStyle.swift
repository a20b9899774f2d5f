/// `:format table`: answers as aligned columns with a header and a count, for people.
public struct TableStyle: PlainTextReports {
  /// Creates the style.
  public init() {}

  /// See ``OutputStyle``.
  public func answers(_ table: AnswerTable, layout: AnswerLayout) -> String {
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
}
