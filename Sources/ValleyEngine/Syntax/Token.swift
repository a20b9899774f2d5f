/// The punctuation and operators of the Valley language.
public enum Punctuation: String, Sendable, Hashable {
  case leftParen = "("
  case rightParen = ")"
  case leftBrace = "{"
  case rightBrace = "}"
  case comma = ","
  case period = "."
  case colon = ":"
  case implies = ":-"
  case queryMark = "?-"
  case equal = "="
  case notEqual = "!="
  case less = "<"
  case lessEqual = "<="
  case greater = ">"
  case greaterEqual = ">="
  case plus = "+"
  case minus = "-"
  case star = "*"
  case slash = "/"
  case negation = "\\+"
}

/// What a token is.
public enum TokenKind: Sendable, Hashable {
  /// A bare name that starts with a lower-case or caseless letter: a symbol or predicate name.
  case name(String)
  /// A variable: starts with an upper-case letter or `_`.
  case variable(String)
  /// Quoted text (single or double quotes), escapes already decoded.
  case string(String)
  /// An integer literal's magnitude; the parser applies a leading minus and range checks.
  case integer(UInt64)
  /// A decimal literal.
  case decimal(Double)
  /// `@name`, the start of an annotation.
  case annotation(String)
  /// Punctuation or an operator.
  case punct(Punctuation)
  /// Text the lexer could not read; the diagnostic says why.
  indirect case invalid(Diagnostic)
  /// The end of the input.
  case end
}

/// One token with the span of text it came from.
public struct Token: Sendable, Hashable {
  /// What the token is.
  public var kind: TokenKind
  /// Where it is.
  public var span: SourceSpan
  /// The 0-based line the token starts on.
  public var line: Int

  /// Creates a token.
  public init(_ kind: TokenKind, span: SourceSpan, line: Int) {
    self.kind = kind
    self.span = span
    self.line = line
  }

  /// Whether the token is the given punctuation.
  public func isPunct(_ p: Punctuation) -> Bool {
    if case .punct(let q) = kind { return p == q }
    return false
  }

  /// Whether the token is the end of the input.
  public var isEnd: Bool {
    if case .end = kind { return true }
    return false
  }

  /// The name, if the token is a bare name.
  public var nameText: String? {
    if case .name(let n) = kind { return n }
    return nil
  }

  /// A short description for messages such as "expected ')' but found ...".
  public var describe: String {
    switch kind {
    case .name(let n): return "'\(n)'"
    case .variable(let v): return "variable '\(v)'"
    case .string: return "quoted text"
    case .integer(let i): return "number \(i)"
    case .decimal(let d): return "number \(d)"
    case .annotation(let a): return "'@\(a)'"
    case .punct(let p): return "'\(p.rawValue)'"
    case .invalid: return "invalid text"
    case .end: return "end of input"
    }
  }
}
