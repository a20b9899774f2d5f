/// Renders diagnostics as `file:line:col: error: message [E201]`, the source line with a
/// gutter, and a caret line under the offending text (aligned under wide characters).
public struct DiagnosticRenderer {
  /// The files the spans point into.
  public let sources: SourceRegistry
  /// Whether to add ANSI colours.
  public let color: Bool

  /// Creates a renderer.
  public init(sources: SourceRegistry, color: Bool = false) {
    self.sources = sources
    self.color = color
  }

  /// The first line only: `file:line:col: error: message [E201]` (used in JSON output).
  public func headline(_ d: Diagnostic) -> String {
    let message = DiagnosticRenderer.bounded(d.message)
    return location(d.span).map { "\($0): " }.map { $0 + "\(d.severity.rawValue): \(message) [\(d.code)]" }
      ?? "\(d.severity.rawValue): \(message) [\(d.code)]"
  }

  /// The full rendering of one diagnostic, lines joined with newlines.
  public func render(_ d: Diagnostic) -> String {
    var lines: [String] = []
    let severity = paint(d.severity.rawValue, d.severity == .error ? "1;31" : "1;33")
    let prefix = location(d.span).map { paint("\($0):", "1") + " " } ?? ""
    lines.append("\(prefix)\(severity): \(paint(DiagnosticRenderer.bounded(d.message), "1")) [\(d.code)]")
    if let span = d.span { lines += excerpt(span) }
    for note in d.notes {
      let at = location(note.span).map { "\($0): " } ?? ""
      lines.append("\(at)\(paint("note", "1;36")): \(DiagnosticRenderer.bounded(note.message))")
      if let span = note.span { lines += excerpt(span) }
    }
    if let help = d.help { lines.append("\(paint("help", "1;36")): \(DiagnosticRenderer.bounded(help))") }
    return lines.map(TextTable.trimTrailing).joined(separator: "\n")
  }

  /// Renders several diagnostics in order.
  public func render(_ list: [Diagnostic]) -> String {
    list.map(render).joined(separator: "\n")
  }

  /// The most characters of a message shown; a longer one (a huge name quoted in it) keeps
  /// its beginning and end around an ellipsis.
  public static let messageLimit = 300

  /// `text`, cut in the middle to ``messageLimit`` characters when longer.
  public static func bounded(_ text: String) -> String {
    guard text.count > messageLimit else { return text }
    let tail = messageLimit / 3
    return String(text.prefix(messageLimit - tail - 1)) + "…" + String(text.suffix(tail))
  }

  private func location(_ span: SourceSpan?) -> String? {
    guard let span, let file = sources.file(span.file) else { return nil }
    let loc = file.location(of: span.start)
    return "\(file.name):\(loc.line):\(loc.column)"
  }

  private func excerpt(_ span: SourceSpan) -> [String] {
    guard let file = sources.file(span.file) else { return [] }
    let lineIndex = file.lineIndex(of: span.start)
    let text = file.lineText(lineIndex)
    let lineStart = file.lineStarts[lineIndex]
    let number = String(lineIndex + 1)
    let gutterWidth = max(4, number.count + 1)
    let gutter = String(repeating: " ", count: gutterWidth - number.count) + number + " | "
    let blank = String(repeating: " ", count: gutterWidth) + " | "
    // Characters before the span become blanks of the same width (tabs stay tabs).
    let lineBytes = Array(text.utf8)
    let startInLine = min(max(0, span.start - lineStart), lineBytes.count)
    let endInLine = min(max(startInLine, span.end - lineStart), lineBytes.count)
    var before = String(decoding: lineBytes[0..<startInLine], as: UTF8.self)
    var covered = String(decoding: lineBytes[startInLine..<endInLine], as: UTF8.self)
    var shownText = text
    // A very long line is shown as a window around the offending text.
    let window = 120
    if text.count > window + 40 {
      let beforeChars = Array(before)
      let keepBefore = min(beforeChars.count, 40)
      let coveredChars = Array(covered)
      let keepCovered = min(coveredChars.count, window - keepBefore)
      let afterChars = Array(String(decoding: lineBytes[endInLine...], as: UTF8.self))
      let keepAfter = min(afterChars.count, max(0, window - keepBefore - keepCovered))
      let head = keepBefore < beforeChars.count ? "…" : ""
      let tail = keepAfter < afterChars.count || keepCovered < coveredChars.count ? "…" : ""
      before = head + String(beforeChars.suffix(keepBefore))
      covered = String(coveredChars.prefix(keepCovered))
      shownText = before + covered + String(afterChars.prefix(keepAfter)) + tail
    }
    var pad = ""
    for scalar in before.unicodeScalars {
      pad += scalar == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(scalar))
    }
    let width = max(1, DisplayWidth.of(covered))
    let marker = "^" + String(repeating: "~", count: width - 1)
    return [gutter + shownText, blank + pad + paint(marker, "1;32")]
  }

  private func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
