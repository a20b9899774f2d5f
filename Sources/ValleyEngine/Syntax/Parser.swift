/// Turns tokens into ``Syntax`` trees: knowledge files, single clauses and queries.
///
/// The parser reports every error it can: after a bad clause it skips to the next `.` and
/// carries on (see `Parser+Recovery.swift`). Nesting (parentheses, unary minus, aggregates)
/// deeper than ``Parser/maximumDepth`` is an error, never a stack overflow.
public struct Parser {
  /// The deepest nesting of parentheses, signs and aggregates accepted.
  public static let maximumDepth = 1_000

  /// The tokens read and not yet dropped: `window[0]` is token number `windowStart`. A parser
  /// over a lexer reads tokens as it goes and drops those behind it, so a large file never
  /// exists as one array of tokens.
  private var window: [Token]
  private var windowStart = 0
  private var lexer: Lexer?
  /// The number of the current token.
  private(set) var index = 0
  var depth = 0
  /// Diagnostics found so far.
  public internal(set) var diagnostics: [Diagnostic] = []

  /// Creates a parser over tokens; the last token should be ``TokenKind/end``.
  public init(tokens: [Token]) {
    var all = tokens
    if all.last.map({ if case .end = $0.kind { return false } else { return true } }) ?? true {
      let endSpan =
        all.last.map { SourceSpan(file: $0.span.file, start: $0.span.end, end: $0.span.end) }
        ?? SourceSpan(file: 0, start: 0, end: 0)
      all.append(Token(.end, span: endSpan, line: all.last?.line ?? 0))
    }
    window = all
  }

  /// Creates a parser that reads tokens from `lexer` as it needs them.
  public init(lexer: Lexer) {
    var lexer = lexer
    window = [lexer.nextToken()]
    self.lexer = lexer
    load(1)
  }

  /// Thrown internally to abandon the current clause after an error was logged.
  struct Abandon: Error {}

  /// Reads tokens from the lexer until token number `i` is in the window (or the end is).
  private mutating func load(_ i: Int) {
    while windowStart + window.count <= i, !window[window.count - 1].isEnd, let token = lexer?.nextToken() {
      window.append(token)
    }
  }

  var current: Token { window[index - windowStart] }

  /// The text the tokens come from, when the parser reads from a lexer.
  var text: [UInt8]? { lexer?.bytes }

  /// Goes on after byte `end` of ``text`` as if every token up to there had been read, the
  /// last of them being `last` (on line `line`): for clauses read straight from the text.
  mutating func skipText(to end: Int, line: Int, last: Token) {
    guard lexer != nil else { return }
    lexer!.resume(at: end, line: line)
    window.removeAll(keepingCapacity: true)
    window.append(last)
    windowStart = index
    index += 1
    load(index + 1)
  }

  /// The token before the current one.
  var previous: Token { window[max(index - 1 - windowStart, 0)] }

  /// The token `offset` (0 or 1) after the current one; the end token past the end.
  func peek(_ offset: Int) -> Token {
    let i = index + offset - windowStart
    return i < window.count ? window[i] : window[window.count - 1]
  }

  var atEnd: Bool { current.isEnd }

  /// The token `offset` after the current one (the end token past the end), reading as many
  /// tokens as that needs; nothing is consumed.
  mutating func lookahead(_ offset: Int) -> Token {
    load(index + offset)
    let i = index + offset - windowStart
    return i < window.count ? window[i] : window[window.count - 1]
  }

  @discardableResult
  mutating func advance() -> Token {
    let token = current
    if !token.isEnd {
      index += 1
      load(index + 1)  // one token of lookahead for `peek(1)`
      // Keep the previous token; drop older ones in batches.
      if lexer != nil, index - windowStart > 4_096 {
        window.removeFirst(index - 1 - windowStart)
        windowStart = index - 1
      }
    }
    return token
  }

  mutating func expect(_ p: Punctuation, _ context: String) throws -> Token {
    if current.isPunct(p) { return advance() }
    throw fail(expected: "'\(p.rawValue)' \(context)")
  }

  /// Logs "expected X but found Y" (or the lexer's own error) and returns an error to throw.
  mutating func fail(expected: String) -> Abandon {
    let token = current
    switch token.kind {
    case .invalid(let diagnostic):
      diagnostics.append(diagnostic)
    case .end:
      diagnostics.append(
        .error(
          .E100, "unexpected end of input: expected \(expected)", at: token.span,
          help: "finish the statement with '.'"))
    default:
      diagnostics.append(.error(.E110, "expected \(expected) but found \(token.describe)", at: token.span))
    }
    return Abandon()
  }

  /// How many levels one aggregate counts for.
  static let aggregateWeight = 10

  mutating func enter(_ span: SourceSpan, weight: Int = 1) throws {
    depth += weight
    if depth > Parser.maximumDepth {
      diagnostics.append(
        .error(
          .E105, "nesting is deeper than \(Parser.maximumDepth) levels", at: span,
          help: "split the expression into smaller steps with X = ... literals"))
      throw Abandon()
    }
  }

  mutating func leave(weight: Int = 1) { depth -= weight }

  // MARK: Atoms and literals

  mutating func parseAtom(_ context: String) throws -> Syntax.Atom {
    guard case .name(let name) = current.kind else {
      if case .variable(let v) = current.kind {
        diagnostics.append(
          .error(
            .E111, "a predicate name must start with a lower-case letter, not '\(v)'",
            at: current.span))
        throw Abandon()
      }
      throw fail(expected: context)
    }
    let nameToken = advance()
    var arguments: [Syntax.Term] = []
    var end = nameToken.span
    if current.isPunct(.leftParen) {
      advance()
      if current.isPunct(.rightParen) {
        diagnostics.append(
          .error(
            .E112, "'\(name)()' has empty parentheses", at: current.span,
            help: "write a zero-arity predicate without parentheses: \(name)"))
        throw Abandon()
      }
      arguments.append(try parseTerm())
      while current.isPunct(.comma) {
        advance()
        arguments.append(try parseTerm())
      }
      end = try expect(.rightParen, "to close the arguments of '\(name)'").span
    }
    return Syntax.Atom(
      name: name, nameSpan: nameToken.span, arguments: arguments, span: nameToken.span.merged(with: end))
  }

  mutating func parseBody() throws -> [Syntax.Literal] {
    var literals = [try parseLiteral()]
    while current.isPunct(.comma) {
      advance()
      literals.append(try parseLiteral())
    }
    return literals
  }

  mutating func parseLiteral() throws -> Syntax.Literal {
    let start = current.span
    if current.isPunct(.negation) || (current.nameText == "not" && isNameToken(peek(1))) {
      advance()
      let atom = try parseAtom("a predicate after 'not'")
      return .negative(atom, start.merged(with: atom.span))
    }
    if case .name = current.kind, !startsComparison(peek(1)), !isAggregateStart {
      // A name followed by '(' or by nothing that continues an expression is an atom.
      let atom = try parseAtom("a literal")
      if comparisonOperator(current) != nil {
        diagnostics.append(
          .error(
            .E113, "'\(atom.name)(...)' is a predicate, not a value, so it cannot be compared",
            at: atom.span, help: "bind the value first: \(atom.name)(..., V), V > 3"))
        throw Abandon()
      }
      return .positive(atom)
    }
    let left = try parseTerm()
    guard let op = comparisonOperator(current) else {
      throw fail(expected: "a comparison operator such as '=' or '<' after the term")
    }
    advance()
    let right = try parseTerm()
    return .comparison(op, left, right, left.span.merged(with: right.span))
  }

  private func isNameToken(_ token: Token) -> Bool {
    if case .name = token.kind { return true }
    return false
  }

  private var isAggregateStart: Bool {
    guard let n = current.nameText, Syntax.AggregateKind(rawValue: n) != nil else { return false }
    return peek(1).isPunct(.leftBrace)
  }

  private func startsComparison(_ token: Token) -> Bool {
    if comparisonOperator(token) != nil { return true }
    if case .punct(let p) = token.kind {
      return [.plus, .minus, .star, .slash].contains(p)
    }
    return token.nameText == "mod"
  }

  func comparisonOperator(_ token: Token) -> Syntax.ComparisonOperator? {
    guard case .punct(let p) = token.kind else { return nil }
    switch p {
    case .equal: return .equal
    case .notEqual: return .notEqual
    case .less: return .less
    case .lessEqual: return .lessEqual
    case .greater: return .greater
    case .greaterEqual: return .greaterEqual
    default: return nil
    }
  }
}
