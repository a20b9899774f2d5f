import ValleyEngine

/// The token types the server reports, in legend order (the protocol's standard names).
enum SemanticTokenKind: String, CaseIterable {
  /// A predicate name.
  case function
  case variable
  /// A bare symbol.
  case enumMember
  /// Quoted text.
  case string
  case number
  case comment
  /// `@source`, `@note`, `@pred`, `@import`.
  case decorator
  /// `not`, `mod`, the aggregate functions, command names.
  case keyword
  /// Comparison and arithmetic operators, `:-` and `?-`.
  case `operator`

  /// The modifiers, in legend order: a `@pred` name is a declaration, a clause head a
  /// definition.
  static let modifiers = ["declaration", "definition"]
}

extension LanguageServer {
  /// `textDocument/semanticTokens/full`: every token of the document by what it is, read by
  /// the engine's lexer (comments included) and resolved against the syntax tree.
  func semanticTokens(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let (_, analysis, source) = try DocumentPoint.document(params, server: self)
    let (tokens, comments) = Lexer.tokenizeKeepingComments(source)
    var roles: [Int: SymbolIndex.Role] = [:]
    for occurrence in analysis.index.occurrences where occurrence.span.file == source.id {
      roles[occurrence.span.start] = occurrence.role
    }
    var commandNames = Set<Int>()
    if let script = analysis.script(uri: analysis.uris[source.id] ?? "") {
      for case .command(_, let nameSpan, _, _, _) in script.analysis.statements { commandNames.insert(nameSpan.end) }
    }
    var marks: [(span: SourceSpan, kind: SemanticTokenKind, modifiers: Int)] = comments.map { ($0.span, .comment, 0) }
    for (i, token) in tokens.enumerated() {
      let kind: SemanticTokenKind
      var modifiers = 0
      switch token.kind {
      case .name(let name):
        if let role = roles[token.span.start] {
          kind = .function
          modifiers = role == .declaration ? 1 : role == .definition ? 2 : 0
        } else if Syntax.reservedWords.contains(name) || commandNames.contains(token.span.end) {
          kind = .keyword
        } else if i + 1 < tokens.count, tokens[i + 1].isPunct(.leftParen) {
          kind = .function  // an atom in a statement that did not parse
        } else {
          kind = .enumMember
        }
      case .variable: kind = .variable
      case .string: kind = .string
      case .integer, .decimal: kind = .number
      case .annotation: kind = .decorator
      case .punct(let p):
        switch p {
        case .leftParen, .rightParen, .leftBrace, .rightBrace, .comma, .period, .colon: continue
        default: kind = .operator
        }
      case .invalid, .end: continue
      }
      marks.append((token.span, kind, modifiers))
    }
    marks.sort { $0.span.start < $1.span.start }
    let kinds = SemanticTokenKind.allCases
    var data: [JSONValue] = []
    var previous = Position(line: 0, character: 0)
    for mark in marks {
      for piece in Self.lines(of: mark.span, in: source) where piece.length > 0 {
        let deltaLine = piece.start.line - previous.line
        let deltaStart = deltaLine == 0 ? piece.start.character - previous.character : piece.start.character
        data += [
          .int(deltaLine), .int(deltaStart), .int(piece.length), .int(kinds.firstIndex(of: mark.kind) ?? 0),
          .int(mark.modifiers),
        ]
        previous = piece.start
      }
    }
    return ["data": .array(data)]
  }

  /// A span cut at line breaks: where each piece starts and its length in UTF-16 units.
  static func lines(of span: SourceSpan, in source: SourceFile) -> [(start: Position, length: Int)] {
    let start = source.position(of: span.start)
    let end = source.position(of: span.end)
    guard end.line > start.line else { return [(start, end.character - start.character)] }
    var pieces: [(Position, Int)] = []
    for line in start.line...end.line {
      let from = line == start.line ? start.character : 0
      let to: Int
      if line == end.line {
        to = end.character
      } else {
        var lineEnd = line + 1 < source.lineStarts.count ? source.lineStarts[line + 1] - 1 : source.bytes.count
        if lineEnd > source.lineStarts[line], source.bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        to = source.position(of: lineEnd).character
      }
      pieces.append((Position(line: line, character: from), to - from))
    }
    return pieces
  }
}
