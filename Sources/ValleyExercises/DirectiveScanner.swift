import ValleyEngine

/// Splits the tokens of an exercise or answer file at its directive lines.
///
/// A directive is an annotation token (`@exercise`, `@answer`, ...) that is the first token on
/// its line. Its arguments are the other tokens of that line; its body is every token after
/// that up to the next directive. Comments never produce tokens, so they may stand anywhere.
struct DirectiveScanner {
  /// One directive line and the tokens that follow it.
  struct Segment {
    /// The directive's name, without `@`.
    var name: String
    /// The `@name` token.
    var token: Token
    /// The other tokens on the directive's line.
    var arguments: [Token]
    /// The tokens after the directive's line, up to the next directive.
    var body: [Token]
  }

  /// Splits `tokens` (which end with the end token). `isDirective` says which annotation
  /// names start a segment; other annotations stay in the body they appear in.
  /// Returns the tokens before the first directive and the segments.
  static func scan(_ tokens: [Token], isDirective: (String) -> Bool) -> (leading: [Token], segments: [Segment]) {
    var leading: [Token] = []
    var segments: [Segment] = []
    var previousLine = -1
    var i = 0
    while i < tokens.count {
      let token = tokens[i]
      if case .end = token.kind { break }
      let startsLine = token.line > previousLine
      previousLine = token.line
      if startsLine, case .annotation(let name) = token.kind, isDirective(name) {
        var segment = Segment(name: name, token: token, arguments: [], body: [])
        i += 1
        while i < tokens.count, tokens[i].line == token.line, !isEnd(tokens[i]) {
          segment.arguments.append(tokens[i])
          i += 1
        }
        segments.append(segment)
        continue
      }
      if segments.isEmpty {
        leading.append(token)
      } else {
        segments[segments.count - 1].body.append(token)
      }
      i += 1
    }
    return (leading, segments)
  }

  private static func isEnd(_ token: Token) -> Bool {
    if case .end = token.kind { return true }
    return false
  }

  /// An id: the run of tokens at the start of `arguments` with nothing between them (so
  /// `b-1` and `joins.2` are ids), or one quoted text. Returns the id, its span and the
  /// number of tokens it took, or nil when the arguments do not start with an id.
  static func id(in arguments: [Token], of file: SourceFile) -> (text: String, span: SourceSpan, count: Int)? {
    guard let first = arguments.first else { return nil }
    if case .string(let text) = first.kind { return (text, first.span, 1) }
    switch first.kind {
    case .name, .variable, .integer: break
    default: return nil
    }
    var span = first.span
    var count = 1
    while count < arguments.count, arguments[count].span.start == span.end {
      if case .string = arguments[count].kind { break }
      span = span.merged(with: arguments[count].span)
      count += 1
    }
    return (file.text(of: span), span, count)
  }

  /// Whether `id` is usable as an exercise id: letters, digits, `_`, `-` and `.`.
  static func isValidID(_ id: String) -> Bool {
    !id.isEmpty && id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
  }

  /// The lexer's own diagnostic, if a token is unreadable text.
  static func invalid(_ token: Token) -> Diagnostic? {
    if case .invalid(let diagnostic) = token.kind { return diagnostic }
    return nil
  }
}
