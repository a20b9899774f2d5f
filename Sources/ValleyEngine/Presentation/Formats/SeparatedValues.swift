/// What TSV and CSV share: a header line of variable names, then one line per answer, each
/// field escaped the format's way; a ground query prints `true` or `false`.
enum SeparatedValues {
  static func render(
    _ table: AnswerTable, separator: String, lineEnd: String, escape: (String) -> String
  ) -> String {
    if table.variables.isEmpty { return (table.holds ? "true" : "false") + lineEnd }
    var out = table.variables.map(escape).joined(separator: separator) + lineEnd
    for row in table.rows {
      out += row.map { escape(ValueFormatter.plain($0)) }.joined(separator: separator) + lineEnd
    }
    return out
  }
}
