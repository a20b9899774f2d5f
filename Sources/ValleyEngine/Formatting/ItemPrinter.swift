/// Writes one item in the canonical layout: on one line when it fits in
/// ``SourceFormatter/lineWidth`` characters and holds no comment that ends a line, otherwise
/// broken at its ``FormatItem/breaks`` (a rule's head and `:-` on the first line, then each
/// body literal on a line of its own, indented by four blanks).
struct ItemPrinter {
  /// The text the item's tokens and comments come from.
  let file: SourceFile

  /// The blanks of one level of indentation.
  static let indent = 4

  /// The item's lines, without a final line break.
  func lines(of item: FormatItem) -> [String] {
    var lines = layout(item, broken: false)
    let fits = lines.count == 1 && lines[0].count <= SourceFormatter.lineWidth
    if !fits, !item.breaks.isEmpty { lines = layout(item, broken: true) }
    for comment in item.trailing {
      lines[lines.count - 1] += " " + text(of: comment)
    }
    return lines
  }

  /// The item laid out flat or broken, without its trailing comments.
  private func layout(_ item: FormatItem, broken: Bool) -> [String] {
    let spacing = TokenSpacing(item.tokens)
    var lines: [String] = []
    var line = ""
    var afterBreak = false  // whether a layout break came before: continuation lines go deeper
    var mustBreak = false  // a line comment ended the line

    func newLine(indent: Int) {
      lines.append(line)
      line = String(repeating: " ", count: indent)
    }
    func hasText() -> Bool { line.contains { $0 != " " } }

    for (index, token) in item.tokens.enumerated() {
      if index > 0 {
        let isBreak = broken && item.breaks.contains(index)
        let continuation = afterBreak ? 2 * Self.indent : Self.indent
        var afterComment = false
        for placed in item.inner[index] ?? [] {
          if placed.startsLine {
            if hasText() { newLine(indent: isBreak ? Self.indent : continuation) }
          } else if hasText(), !line.hasSuffix("(") {
            line += " "
          }
          line += text(of: placed.comment)
          afterComment = true
          if placed.comment.kind == .line { mustBreak = true }
        }
        if isBreak {
          newLine(indent: Self.indent)
          afterBreak = true
        } else if mustBreak {
          newLine(indent: continuation)
        } else {
          line += separator(before: index, in: item, spacing: spacing, afterComment: afterComment)
        }
        mustBreak = false
      }
      line += file.text(of: token.span)
    }
    lines.append(line)
    return lines
  }

  /// The blanks before token `index` on the same line.
  private func separator(before index: Int, in item: FormatItem, spacing: TokenSpacing, afterComment: Bool)
    -> String
  {
    if index >= item.preservedFrom {
      return item.tokens[index - 1].span.end == item.tokens[index].span.start ? "" : " "
    }
    if item.joined.contains(index) { return afterComment ? " " : "" }
    let blanks = spacing.blanks(before: index, in: item.tokens)
    return afterComment && !Self.neverSpaced(item.tokens[index]) ? " " : blanks
  }

  /// Whether `token` is one that never has a blank before it (`,`, `)`, `.`).
  private static func neverSpaced(_ token: Token) -> Bool {
    token.isPunct(.comma) || token.isPunct(.rightParen) || token.isPunct(.period)
  }

  /// A comment's text with line breaks as `\n`, without the blanks at the ends of its lines.
  func text(of comment: SourceComment) -> String {
    Self.normalized(file.text(of: comment.span))
  }

  /// `text` with `\r\n` as `\n` and the blanks at the end of every line removed.
  static func normalized(_ text: String) -> String {
    text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
      .map { line -> Substring in
        var line = line
        while let last = line.last, last == " " || last == "\t" || last == "\r" { line.removeLast() }
        return line
      }
      .joined(separator: "\n")
  }
}
