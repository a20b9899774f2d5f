extension FormatDocument {
  /// The items of a knowledge file, or its syntax errors (the parser's, as `:load` reports them).
  ///
  /// The parser checks the file; the items follow its tokens: `@source "..."` and
  /// `@note "..."` are two tokens, `@import pred "file"` three, `@pred` runs to the end of the
  /// declaration the parser read, and a clause runs to its `.`.
  static func knowledgeItems(_ tokens: [Token]) -> ([FormatItem], [Diagnostic]) {
    let end = Token(
      .end,
      span: SourceSpan(
        file: tokens.last?.span.file ?? 0, start: tokens.last?.span.end ?? 0,
        end: tokens.last?.span.end ?? 0), line: tokens.last?.line ?? 0)
    let (parsed, diagnostics) = Parser.parseKnowledge(tokens + [end])
    if diagnostics.contains(where: { $0.severity == .error }) { return ([], diagnostics) }
    var items: [FormatItem] = []
    var declarations = parsed.declarations[...]
    var index = 0
    while index < tokens.count {
      var stop = index + 1
      var role = FormatItem.Role.annotation
      switch tokens[index].kind {
      case .annotation("source"), .annotation("note"):
        stop = index + 2
        if case .annotation("note") = tokens[index].kind { role = .note }
      case .annotation("import"):
        stop = index + 3
      case .annotation("pred"):
        let last = declarations.popFirst()?.span.end ?? tokens[index].span.end
        while stop < tokens.count, tokens[stop].span.end <= last { stop += 1 }
      default:
        role = .clause
        while stop < tokens.count, !tokens[stop - 1].isPunct(.period) { stop += 1 }
      }
      stop = min(stop, tokens.count)
      let slice = Array(tokens[index..<stop])
      items.append(role == .clause ? .clause(role: .clause, tokens: slice) : FormatItem(role: role, tokens: slice))
      index = stop
    }
    return (items, diagnostics)
  }
}
