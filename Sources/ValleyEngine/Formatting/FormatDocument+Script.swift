extension FormatDocument {
  /// The items of a query script or exercise file, or its syntax errors.
  ///
  /// A line that starts with an annotation (`@exercise b1 "Title"`, `@solution`) is an
  /// exercise directive: the whole line is one item that keeps its spacing. The tokens between
  /// directive lines are cut into statements by the session's own ``StatementSplitter``, so
  /// each item is exactly one statement as `valley run` reads it. Queries and clauses must
  /// parse; a command must be known and its arguments well formed (``Commands``).
  static func scriptItems(_ tokens: [Token], in file: SourceFile) -> ([FormatItem], [Diagnostic]) {
    var items: [FormatItem] = []
    var diagnostics: [Diagnostic] = []
    var run: [Token] = []
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      let startsLine = index == 0 || tokens[index - 1].line < token.line
      guard startsLine, case .annotation = token.kind else {
        run.append(token)
        index += 1
        continue
      }
      statements(run, in: file, items: &items, diagnostics: &diagnostics)
      run = []
      var stop = index + 1
      while stop < tokens.count, tokens[stop].line == token.line { stop += 1 }
      var directive = FormatItem(role: .directive, tokens: Array(tokens[index..<stop]))
      directive.preservedFrom = 1
      for case .invalid(let diagnostic) in directive.tokens.map(\.kind) { diagnostics.append(diagnostic) }
      items.append(directive)
      index = stop
    }
    statements(run, in: file, items: &items, diagnostics: &diagnostics)
    return (items, diagnostics)
  }

  /// Cuts `run` (tokens with no directive among them) into statements and checks each one.
  private static func statements(
    _ run: [Token], in file: SourceFile, items: inout [FormatItem], diagnostics: inout [Diagnostic]
  ) {
    guard !run.isEmpty else { return }
    let (statements, _) = StatementSplitter.split(run + [endToken(after: run, in: file)])
    var next = 0
    for statement in statements {
      var tokens: [Token] = []
      while next < run.count, run[next].span.end <= statement.span.end {
        tokens.append(run[next])
        next += 1
      }
      guard !tokens.isEmpty else { continue }
      switch statement {
      case .query:
        let start = tokens[0].isPunct(.queryMark) ? 1 : 0
        switch goal(tokens, in: file) {
        case .success(let isClause):
          items.append(
            isClause
              ? .clause(role: .clause, tokens: tokens) : .query(role: .query, tokens: tokens, from: start))
        case .failure(let errors): diagnostics += errors.diagnostics
        }
      case .command(let name, let nameSpan, let arguments, _, _):
        if case .failure(let problem) = Commands.parse(name: name, nameSpan: nameSpan, arguments: arguments) {
          diagnostics.append(problem)
          continue
        }
        guard StatementSplitter.clauseCommands.contains(name) else {
          var item = FormatItem(role: .lineCommand, tokens: tokens)
          item.joined = [1]
          item.preservedFrom = 2
          items.append(item)
          continue
        }
        switch goal(arguments, in: file) {
        case .success(let isClause):
          var item =
            isClause
            ? FormatItem.clause(role: .clauseCommand, tokens: tokens, from: 2)
            : FormatItem.query(role: .clauseCommand, tokens: tokens, from: 2)
          item.joined = [1]
          items.append(item)
        case .failure(let errors): diagnostics += errors.diagnostics
        }
      }
    }
  }

  /// Whether `tokens` read as a clause (true) or as a query (false), or the errors of the
  /// reading that fits them best: a clause's when they hold `:-`, else a query's.
  private static func goal(_ tokens: [Token], in file: SourceFile) -> Result<Bool, Errors> {
    let input = tokens + [endToken(after: tokens, in: file)]
    let (query, queryErrors) = Parser.parseQuery(input)
    if query != nil, !queryErrors.contains(where: { $0.severity == .error }) { return .success(false) }
    let (clause, clauseErrors) = Parser.parseSingleClause(input)
    if clause != nil, !clauseErrors.contains(where: { $0.severity == .error }) { return .success(true) }
    let isRule = tokens.contains { $0.isPunct(.implies) }
    return .failure(Errors(diagnostics: isRule ? clauseErrors : queryErrors))
  }

  /// The end token a parser needs after `tokens`.
  private static func endToken(after tokens: [Token], in file: SourceFile) -> Token {
    let end = tokens.last?.span.end ?? 0
    return Token(.end, span: SourceSpan(file: file.id, start: end, end: end), line: tokens.last?.line ?? 0)
  }
}
