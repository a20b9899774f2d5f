/// Turns Valley source text into tokens.
///
/// The lexer never stops at an error: unreadable text becomes an ``TokenKind/invalid(_:)``
/// token carrying its diagnostic, so that the parser can report every problem in a file.
public struct Lexer {
  /// The text.
  let bytes: [UInt8]
  private let file: Int
  private var position = 0
  private var line = 0
  private let recordsComments: Bool
  /// The comments passed so far, in order, when the lexer was made with `recordingComments`.
  public private(set) var comments: [SourceComment] = []

  /// Creates a lexer over a source file. With `recordingComments`, the lexer keeps every
  /// comment it skips in ``comments`` (for formatters and editors); the tokens are the same.
  public init(_ source: SourceFile, recordingComments: Bool = false) {
    self.bytes = source.bytes
    self.file = source.id
    self.recordsComments = recordingComments
  }

  /// Lexes the whole file. The last token is always ``TokenKind/end``.
  public static func tokenize(_ source: SourceFile) -> [Token] {
    var lexer = Lexer(source)
    return lexer.run()
  }

  /// Lexes the whole file and returns its comments too, in source order.
  public static func tokenizeKeepingComments(_ source: SourceFile) -> (tokens: [Token], comments: [SourceComment]) {
    var lexer = Lexer(source, recordingComments: true)
    let tokens = lexer.run()
    return (tokens, lexer.comments)
  }

  private mutating func run() -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(min(bytes.count / 3 + 1, 1 << 16))
    while true {
      let token = nextToken()
      tokens.append(token)
      if token.isEnd { return tokens }
    }
  }

  /// The next token; ``TokenKind/end`` at the end of the text, and again if asked again.
  public mutating func nextToken() -> Token {
    // A first line starting with "#!" lets a script run as an executable.
    if position == 0, bytes.count >= 2, bytes[0] == UInt8(ascii: "#"), bytes[1] == UInt8(ascii: "!") {
      while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
      record(.shebang, from: 0, line: 0)
    }
    if let invalid = skipTrivia() { return invalid }
    guard position < bytes.count else { return Token(.end, span: span(position, position), line: line) }
    return next()
  }

  /// Goes on from byte `position` of the text, on the 0-based line `line`, as if it had
  /// read everything before (the caller read that part itself).
  mutating func resume(at position: Int, line: Int) {
    self.position = position
    self.line = line
  }

  private func span(_ start: Int, _ end: Int) -> SourceSpan {
    SourceSpan(file: file, start: start, end: end)
  }

  private func peek(_ offset: Int = 0) -> UInt8? {
    let i = position + offset
    return i < bytes.count ? bytes[i] : nil
  }

  /// Skips blanks and comments; returns an invalid token for an unterminated block comment.
  private mutating func skipTrivia() -> Token? {
    while let byte = peek() {
      switch byte {
      case UInt8(ascii: "\n"):
        line += 1
        position += 1
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
        position += 1
      case UInt8(ascii: "%"):
        let start = position
        while let b = peek(), b != UInt8(ascii: "\n") { position += 1 }
        record(.line, from: start, line: line)
      case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
        let start = position
        let startLine = line
        position += 2
        var closed = false
        while let b = peek() {
          if b == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
            position += 2
            closed = true
            break
          }
          if b == UInt8(ascii: "\n") { line += 1 }
          position += 1
        }
        if !closed {
          let diagnostic = Diagnostic.error(
            .E104, "unterminated block comment", at: span(start, start + 2),
            help: "close the comment with */")
          return Token(.invalid(diagnostic), span: span(start, start + 2), line: startLine)
        }
        record(.block, from: start, line: startLine)
      default:
        return nil
      }
    }
    return nil
  }

  private mutating func record(_ kind: SourceComment.Kind, from start: Int, line: Int) {
    guard recordsComments else { return }
    comments.append(SourceComment(kind: kind, span: span(start, position), line: line))
  }

  private mutating func next() -> Token {
    let start = position
    let byte = bytes[position]
    if byte >= 0x80 || isASCIILetter(byte) || byte == UInt8(ascii: "_") {
      return identifier(start)
    }
    if isDigit(byte) {
      return number(start)
    }
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "'"):
      return quoted(start, quote: byte)
    case UInt8(ascii: "@"):
      position += 1
      let nameStart = position
      while let b = peek(), isASCIILetter(b) || isDigit(b) || b == UInt8(ascii: "_") {
        position += 1
      }
      let name = String(decoding: bytes[nameStart..<position], as: UTF8.self)
      if name.isEmpty {
        return invalid(start, .E101, "'@' must be followed by an annotation name such as @source")
      }
      return Token(.annotation(name), span: span(start, position), line: line)
    default:
      return punctuation(start)
    }
  }

  private mutating func punctuation(_ start: Int) -> Token {
    let byte = bytes[position]
    let second = peek(1)
    func make(_ p: Punctuation, _ length: Int) -> Token {
      position += length
      return Token(.punct(p), span: span(start, position), line: line)
    }
    switch byte {
    case UInt8(ascii: "("): return make(.leftParen, 1)
    case UInt8(ascii: ")"): return make(.rightParen, 1)
    case UInt8(ascii: "{"): return make(.leftBrace, 1)
    case UInt8(ascii: "}"): return make(.rightBrace, 1)
    case UInt8(ascii: ","): return make(.comma, 1)
    case UInt8(ascii: "."): return make(.period, 1)
    case UInt8(ascii: ":"): return second == UInt8(ascii: "-") ? make(.implies, 2) : make(.colon, 1)
    case UInt8(ascii: "?"):
      if second == UInt8(ascii: "-") { return make(.queryMark, 2) }
    case UInt8(ascii: "="):
      if second == UInt8(ascii: "<") { return make(.lessEqual, 2) }
      return make(.equal, 1)
    case UInt8(ascii: "!"):
      if second == UInt8(ascii: "=") { return make(.notEqual, 2) }
    case UInt8(ascii: "\\"):
      if second == UInt8(ascii: "=") { return make(.notEqual, 2) }
      if second == UInt8(ascii: "+") { return make(.negation, 2) }
    case UInt8(ascii: "<"):
      return second == UInt8(ascii: "=") ? make(.lessEqual, 2) : make(.less, 1)
    case UInt8(ascii: ">"):
      return second == UInt8(ascii: "=") ? make(.greaterEqual, 2) : make(.greater, 1)
    case UInt8(ascii: "+"): return make(.plus, 1)
    case UInt8(ascii: "-"): return make(.minus, 1)
    case UInt8(ascii: "*"): return make(.star, 1)
    case UInt8(ascii: "/"): return make(.slash, 1)
    default: break
    }
    let char = byte < 0x80 ? String(UnicodeScalar(byte)) : "?"
    position += 1
    return invalid(start, .E101, "unexpected character '\(char)'")
  }

  private mutating func invalid(
    _ start: Int, _ code: DiagnosticCode, _ message: String, help: String? = nil
  ) -> Token {
    let s = span(start, max(position, start + 1))
    return Token(.invalid(.error(code, message, at: s, help: help)), span: s, line: line)
  }

  // MARK: Names and variables

  private mutating func identifier(_ start: Int) -> Token {
    guard let first = decodeScalar() else {
      return invalid(start, .E101, "unexpected byte in source text")
    }
    let isVariable: Bool
    if first.isASCII {
      // ASCII without the Unicode tables: `_` and capitals start variables.
      let v = first.value
      isVariable = v == 0x5F || (v >= 0x41 && v <= 0x5A)
      if !isVariable, !(v >= 0x61 && v <= 0x7A) { return invalid(start, .E101, "unexpected character '\(first)'") }
    } else if first == "_" {
      isVariable = true
    } else if first.properties.isUppercase {
      isVariable = true
    } else if first.properties.isAlphabetic {
      isVariable = false
    } else {
      return invalid(start, .E101, "unexpected character '\(first)'")
    }
    while position < bytes.count {
      // ASCII letters, digits and `_` without decoding (almost every name is ASCII).
      let byte = bytes[position]
      if byte < 0x80 {
        if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
          || byte == 0x5F
        {
          position += 1
          continue
        }
        break
      }
      let save = position
      guard let scalar = decodeScalar() else { break }
      if scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        || scalar.properties.generalCategory == .nonspacingMark
        || scalar.properties.generalCategory == .spacingMark
      {
        continue
      }
      position = save
      break
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    return Token(isVariable ? .variable(text) : .name(text), span: span(start, position), line: line)
  }

  /// Decodes one Unicode scalar at `position` and advances past it.
  private mutating func decodeScalar() -> Unicode.Scalar? {
    let b0 = bytes[position]
    var length = 1
    var value = UInt32(b0)
    if b0 >= 0xF0 {
      length = 4
      value = UInt32(b0 & 0x07)
    } else if b0 >= 0xE0 {
      length = 3
      value = UInt32(b0 & 0x0F)
    } else if b0 >= 0xC0 {
      length = 2
      value = UInt32(b0 & 0x1F)
    }
    guard position + length <= bytes.count else { return nil }
    for i in 1..<max(1, length) {
      value = (value << 6) | UInt32(bytes[position + i] & 0x3F)
    }
    position += length
    return Unicode.Scalar(value)
  }

  // MARK: Numbers

  /// The value of the ASCII digits `bytes[start..<end]`, or nil when it does not fit in 64
  /// bits (what `UInt64(text)` gives, without making the text).
  private static func digitsValue(_ bytes: [UInt8], _ start: Int, _ end: Int) -> UInt64? {
    var value: UInt64 = 0
    var i = start
    while i < end {
      let (shifted, over) = value.multipliedReportingOverflow(by: 10)
      let (sum, carry) = shifted.addingReportingOverflow(UInt64(bytes[i] &- UInt8(ascii: "0")))
      if over || carry { return nil }
      value = sum
      i += 1
    }
    return value
  }

  private mutating func number(_ start: Int) -> Token {
    while let b = peek(), isDigit(b) { position += 1 }
    var isDecimal = false
    if peek() == UInt8(ascii: "."), let d = peek(1), isDigit(d) {
      isDecimal = true
      position += 1
      while let b = peek(), isDigit(b) { position += 1 }
    }
    if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      var look = 1
      if let s = peek(1), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { look = 2 }
      if let d = peek(look), isDigit(d) {
        isDecimal = true
        position += look
        while let b = peek(), isDigit(b) { position += 1 }
      }
    }
    if !isDecimal, let value = Lexer.digitsValue(bytes, start, position), value <= UInt64(Int64.max) + 1 {
      return Token(.integer(value), span: span(start, position), line: line)
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    if isDecimal {
      guard let value = Double(text), value.isFinite else {
        return invalid(start, .E102, "decimal literal \(text) is out of range")
      }
      return Token(.decimal(value), span: span(start, position), line: line)
    }
    guard let value = UInt64(text), value <= UInt64(Int64.max) + 1 else {
      return invalid(
        start, .E102, "integer literal \(text) does not fit in 64 bits",
        help: "integers range from -9223372036854775808 to 9223372036854775807")
    }
    return Token(.integer(value), span: span(start, position), line: line)
  }

  // MARK: Quoted text

  private mutating func quoted(_ start: Int, quote: UInt8) -> Token {
    position += 1
    var out: [UInt8] = []
    while let b = peek() {
      if b == quote {
        position += 1
        return Token(
          .string(String(decoding: out, as: UTF8.self)), span: span(start, position), line: line)
      }
      if b == UInt8(ascii: "\n") { break }
      if b == UInt8(ascii: "\\") {
        let escapeStart = position
        position += 1
        guard let e = peek(), e != UInt8(ascii: "\n") else { break }
        position += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): out.append(e)
        case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
        case UInt8(ascii: "u"):
          guard let scalar = unicodeEscape() else {
            skipToQuote(quote)
            return invalid(
              escapeStart, .E103, "invalid \\u escape",
              help: "write a Unicode escape as \\u{AC00} (1 to 6 hex digits)")
          }
          out.append(contentsOf: Array(String(scalar).utf8))
        default:
          skipToQuote(quote)
          return invalid(
            escapeStart, .E103, "unknown escape '\\\(String(UnicodeScalar(e)))' in quoted text",
            help: "the escapes are \\\" \\' \\\\ \\n \\t \\r and \\u{...}")
        }
        continue
      }
      out.append(b)
      position += 1
    }
    let s = span(start, start + 1)
    return Token(
      .invalid(
        .error(
          .E103, "unterminated quoted text", at: s,
          help: "close the text with a matching quote on the same line (use \\n for a line break)")),
      span: s, line: line)
  }

  private mutating func unicodeEscape() -> Unicode.Scalar? {
    guard peek() == UInt8(ascii: "{") else { return nil }
    position += 1
    var value: UInt32 = 0
    var digits = 0
    while let b = peek(), let d = hexValue(b) {
      value = value &* 16 &+ d
      digits += 1
      position += 1
      if digits > 6 { return nil }
    }
    guard digits > 0, peek() == UInt8(ascii: "}") else { return nil }
    position += 1
    return Unicode.Scalar(value)
  }

  private mutating func skipToQuote(_ quote: UInt8) {
    while let b = peek(), b != UInt8(ascii: "\n") {
      position += 1
      if b == quote { return }
    }
  }

  private func hexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(b - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(b - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(b - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

  private func isASCIILetter(_ b: UInt8) -> Bool {
    (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
      || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
  }
}
