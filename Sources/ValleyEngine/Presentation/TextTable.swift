/// Aligned plain-text columns that stay aligned with wide characters; no trailing spaces.
public enum TextTable {
  /// Renders rows (and an optional header with a rule under it), two spaces between columns.
  public static func render(header: [String]?, rows: [[String]], rightAligned: Set<Int>) -> String {
    let all = (header.map { [$0] } ?? []) + rows
    let columns = all.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in all {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
    }
    func line(_ row: [String]) -> String {
      var parts: [String] = []
      for (i, cell) in row.enumerated() {
        let pad = String(repeating: " ", count: widths[i] - DisplayWidth.of(cell))
        parts.append(rightAligned.contains(i) ? pad + cell : cell + pad)
      }
      return trimTrailing(parts.joined(separator: "  "))
    }
    var lines: [String] = []
    if let header {
      lines.append(line(header))
      lines.append(widths.map { String(repeating: "-", count: max(1, $0)) }.joined(separator: "  "))
    }
    lines += rows.map(line)
    return lines.joined(separator: "\n")
  }

  /// `text` shortened to at most `width` display columns, ending in `…` when cut.
  public static func cut(_ text: String, to width: Int) -> String {
    guard DisplayWidth.of(text) > width else { return text }
    var out = ""
    var used = 0
    for character in text {
      let w = DisplayWidth.of(String(character))
      if used + w > width - 1 { break }
      out.append(character)
      used += w
    }
    return trimTrailing(out) + "…"
  }

  static func trimTrailing(_ s: String) -> String {
    var t = s
    while t.last == " " || t.last == "\t" { t.removeLast() }
    return t
  }
}
