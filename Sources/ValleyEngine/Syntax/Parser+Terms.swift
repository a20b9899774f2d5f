extension Parser {
  private static func precedence(_ token: Token) -> (Syntax.ArithmeticOperator, Int)? {
    if token.nameText == "mod" { return (.modulo, 2) }
    guard case .punct(let p) = token.kind else { return nil }
    switch p {
    case .plus: return (.add, 1)
    case .minus: return (.subtract, 1)
    case .star: return (.multiply, 2)
    case .slash: return (.divide, 2)
    default: return nil
    }
  }

  /// Parses a term: an arithmetic expression over constants, variables and aggregates.
  mutating func parseTerm() throws -> Syntax.Term {
    try parseExpression(minimumPrecedence: 1)
  }

  /// Precedence climbing keeps the number of stack frames per nesting level small.
  private mutating func parseExpression(minimumPrecedence: Int) throws -> Syntax.Term {
    var left = try parseUnary()
    // Each operator of a chain nests the tree one level deeper (1 + 1 + ... is left-deep),
    // so operators count toward the nesting limit like parentheses do.
    var chain = 0
    defer { depth -= chain }
    while let (op, precedence) = Parser.precedence(current), precedence >= minimumPrecedence {
      try enter(current.span)
      chain += 1
      advance()
      let right = try parseExpression(minimumPrecedence: precedence + 1)
      left = .binary(op, left, right, left.span.merged(with: right.span))
    }
    return left
  }

  private mutating func parseUnary() throws -> Syntax.Term {
    let token = current
    if token.isPunct(.minus) {
      advance()
      // A minus directly before a number is part of the literal: -3, -9223372036854775808.
      if case .integer(let magnitude) = current.kind {
        let literal = advance()
        let span = token.span.merged(with: literal.span)
        if magnitude == UInt64(Int64.max) + 1 { return .integer(Int64.min, span) }
        return .integer(-Int64(magnitude), span)
      }
      if case .decimal(let value) = current.kind {
        let literal = advance()
        return .decimal(-value, token.span.merged(with: literal.span))
      }
      try enter(token.span)
      defer { leave() }
      let operand = try parseUnary()
      return .negate(operand, token.span.merged(with: operand.span))
    }
    return try parsePrimary()
  }

  private mutating func parsePrimary() throws -> Syntax.Term {
    let token = current
    switch token.kind {
    case .variable(let name):
      advance()
      return .variable(name, token.span)
    case .string(let text):
      advance()
      return .symbol(text, token.span)
    case .integer(let magnitude):
      advance()
      guard magnitude <= UInt64(Int64.max) else {
        diagnostics.append(
          .error(
            .E102, "integer literal \(magnitude) does not fit in 64 bits", at: token.span,
            help: "integers range from -9223372036854775808 to 9223372036854775807"))
        throw Abandon()
      }
      return .integer(Int64(magnitude), token.span)
    case .decimal(let value):
      advance()
      return .decimal(value, token.span)
    case .name(let name):
      if let kind = Syntax.AggregateKind(rawValue: name), peek(1).isPunct(.leftBrace) {
        return .aggregate(try parseAggregate(kind))
      }
      advance()
      if current.isPunct(.leftParen) {
        diagnostics.append(
          .error(
            .E114, "'\(name)(...)' is a predicate, not a value", at: token.span,
            help: "Valley has no compound terms; use the predicate as a literal of the body"))
        throw Abandon()
      }
      return .symbol(name, token.span)
    case .punct(.leftParen):
      advance()
      try enter(token.span)
      defer { leave() }
      let inner = try parseTerm()
      _ = try expect(.rightParen, "to close '('")
      return inner
    default:
      throw fail(expected: "a value, a variable or '('")
    }
  }

  private mutating func parseAggregate(_ kind: Syntax.AggregateKind) throws -> Syntax.Aggregate {
    let start = advance().span
    // An aggregate nests a whole body, so it counts as ten levels (at most 100 nested
    // aggregates): that keeps every recursive pass after parsing far from the stack's end.
    try enter(start, weight: Parser.aggregateWeight)
    defer { leave(weight: Parser.aggregateWeight) }
    _ = try expect(.leftBrace, "after '\(kind.rawValue)'")
    var terms = [try parseTerm()]
    while current.isPunct(.comma) {
      advance()
      terms.append(try parseTerm())
    }
    _ = try expect(.colon, "between the aggregated terms and the body of '\(kind.rawValue)'")
    let body = try parseBody()
    let end = try expect(.rightBrace, "to close '\(kind.rawValue) {'").span
    return Syntax.Aggregate(kind: kind, terms: terms, body: body, span: start.merged(with: end))
  }
}
