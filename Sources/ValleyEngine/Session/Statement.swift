/// One statement of a script or of prompt input, as tokens.
public enum Statement: Sendable {
  /// A query (any input that does not start with `:`), up to and including its `.`.
  case query([Token])
  /// `:name arguments`; `span` covers the whole command.
  case command(name: String, nameSpan: SourceSpan, arguments: [Token], span: SourceSpan, line: Int)

  /// The text the statement covers.
  public var span: SourceSpan {
    switch self {
    case .query(let tokens):
      guard let first = tokens.first, let last = tokens.last else { return SourceSpan(file: 0, start: 0, end: 0) }
      return first.span.merged(with: last.span)
    case .command(_, _, _, let span, _): return span
    }
  }

  /// The first token's 1-based line.
  public var line: Int {
    switch self {
    case .query(let tokens): (tokens.first?.line ?? 0) + 1
    case .command(_, _, _, _, let line): line + 1
    }
  }
}

/// Splits a token stream into statements.
///
/// A query runs to the next `.`. A command runs to the end of its line, except the commands
/// that take a clause or goal (those whose ``CommandSpec/extent`` is `.clause`), which run
/// to the clause's `.` and may span lines. A trailing `.` after a line command is allowed.
public enum StatementSplitter {
  /// Commands whose argument is a clause or goal ending in `.` (see ``CommandSpec/Extent``).
  public static var clauseCommands: Set<String> { Commands.clauseCommandNames }

  /// The statements of `tokens` (which end with ``TokenKind/end``), and whether the last one
  /// is unfinished (no closing `.` before the end of input).
  public static func split(_ tokens: [Token]) -> (statements: [Statement], unfinished: Bool) {
    var statements: [Statement] = []
    var i = 0
    var unfinished = false
    func isEnd(_ k: Int) -> Bool {
      if case .end = tokens[k].kind { return true }
      return false
    }
    while i < tokens.count, !isEnd(i) {
      let start = tokens[i]
      if start.isPunct(.colon), i + 1 < tokens.count, case .name(let name) = tokens[i + 1].kind,
        tokens[i + 1].line == start.line
      {
        let nameToken = tokens[i + 1]
        var j = i + 2
        var arguments: [Token] = []
        if clauseCommands.contains(name) {
          while !isEnd(j) {
            arguments.append(tokens[j])
            j += 1
            if arguments.last?.isPunct(.period) == true { break }
          }
          if arguments.last?.isPunct(.period) != true { unfinished = true }
        } else {
          while !isEnd(j), tokens[j].line == start.line {
            arguments.append(tokens[j])
            j += 1
          }
          if arguments.last?.isPunct(.period) == true { arguments.removeLast() }
        }
        let end = (j > i + 2 ? tokens[j - 1] : nameToken).span
        statements.append(
          .command(
            name: name, nameSpan: start.span.merged(with: nameToken.span),
            arguments: arguments, span: start.span.merged(with: end), line: start.line))
        i = j
        continue
      }
      var j = i
      var query: [Token] = []
      var brokenText = false
      while !isEnd(j) {
        query.append(tokens[j])
        j += 1
        if query.last?.isPunct(.period) == true { break }
        // Unterminated quoted text swallowed the rest of its line: the statement ends there.
        if case .invalid(let d) = tokens[j - 1].kind, d.kind == .E103 {
          brokenText = true
          break
        }
      }
      if query.last?.isPunct(.period) != true && !brokenText { unfinished = true }
      statements.append(.query(query))
      i = j
    }
    return (statements, unfinished)
  }
}
