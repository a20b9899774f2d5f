/// Why a text is not JSON.
public struct JSONParseError: Error, Sendable, Equatable {
  /// What was wrong.
  public var message: String
  /// The byte offset where it was noticed.
  public var offset: Int
}

/// Reads JSON text (RFC 8259) into a ``JSONValue``.
///
/// Nesting deeper than ``maximumDepth`` is an error rather than a deep recursion, and so is
/// anything after the value but blanks.
public struct JSONParser {
  /// The deepest nesting of arrays and objects accepted.
  public static let maximumDepth = 256

  private let bytes: [UInt8]
  private var position = 0
  private var depth = 0

  private init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// Parses one JSON value from UTF-8 bytes.
  public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    var parser = JSONParser(bytes)
    let value = try parser.value()
    parser.skipBlanks()
    guard parser.position == bytes.count else { throw parser.failure("text after the JSON value") }
    return value
  }

  /// Parses one JSON value from text.
  public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  private func failure(_ message: String) -> JSONParseError {
    JSONParseError(message: message, offset: position)
  }

  private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func skipBlanks() {
    while let b = current, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { position += 1 }
  }

  private mutating func expect(_ word: String, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
    for byte in word.utf8 {
      guard current == byte else { throw failure("expected '\(word)'") }
      position += 1
    }
    return value
  }

  private mutating func value() throws(JSONParseError) -> JSONValue {
    skipBlanks()
    guard let byte = current else { throw failure("unexpected end of JSON") }
    switch byte {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try expect("true", .bool(true))
    case UInt8(ascii: "f"): return try expect("false", .bool(false))
    case UInt8(ascii: "n"): return try expect("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw failure("unexpected character")
    }
  }

  private mutating func enter() throws(JSONParseError) {
    depth += 1
    if depth > JSONParser.maximumDepth { throw failure("nesting deeper than \(JSONParser.maximumDepth)") }
  }

  private mutating func object() throws(JSONParseError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    position += 1
    var members: [(String, JSONValue)] = []
    skipBlanks()
    if current == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipBlanks()
      guard current == UInt8(ascii: "\"") else { throw failure("expected a member name") }
      let key = try string()
      skipBlanks()
      guard current == UInt8(ascii: ":") else { throw failure("expected ':'") }
      position += 1
      let member = try value()
      members.append((key, member))  // a repeated key: the first one is read
      skipBlanks()
      switch current {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "}"):
        position += 1
        return .object(members)
      default: throw failure("expected ',' or '}'")
      }
    }
  }

  private mutating func array() throws(JSONParseError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    position += 1
    var elements: [JSONValue] = []
    skipBlanks()
    if current == UInt8(ascii: "]") {
      position += 1
      return .array(elements)
    }
    while true {
      elements.append(try value())
      skipBlanks()
      switch current {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "]"):
        position += 1
        return .array(elements)
      default: throw failure("expected ',' or ']'")
      }
    }
  }

  private mutating func number() throws(JSONParseError) -> JSONValue {
    let start = position
    if current == UInt8(ascii: "-") { position += 1 }
    func digits(_ parser: inout JSONParser) -> Int {
      var n = 0
      while let b = parser.current, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
        parser.position += 1
        n += 1
      }
      return n
    }
    guard digits(&self) > 0 else { throw failure("expected digits") }
    if current == UInt8(ascii: ".") {
      position += 1
      guard digits(&self) > 0 else { throw failure("expected digits after '.'") }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      position += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
      guard digits(&self) > 0 else { throw failure("expected digits in the exponent") }
    }
    return .number(String(decoding: bytes[start..<position], as: UTF8.self))
  }

  private mutating func string() throws(JSONParseError) -> String {
    position += 1
    var out: [UInt8] = []
    while true {
      guard let byte = current else { throw failure("unterminated string") }
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(decoding: out, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard let escape = current else { throw failure("unterminated escape") }
        position += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          let scalar = try unicodeEscape()
          out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default: throw failure("unknown escape")
        }
      case 0..<0x20:
        throw failure("control character in a string")
      default:
        out.append(byte)
      }
    }
  }

  /// The scalar of `\uXXXX` (the `\u` already read), joining a surrogate pair; a lone
  /// surrogate becomes U+FFFD.
  private mutating func unicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
    let high = try hex4()
    if (0xD800...0xDBFF).contains(high), current == UInt8(ascii: "\\"), position + 1 < bytes.count,
      bytes[position + 1] == UInt8(ascii: "u")
    {
      let save = position
      position += 2
      let low = try hex4()
      if (0xDC00...0xDFFF).contains(low) {
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
      }
      position = save
    }
    return Unicode.Scalar(high) ?? "\u{FFFD}"
  }

  private mutating func hex4() throws(JSONParseError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let b = current else { throw failure("short \\u escape") }
      let digit: UInt32
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
      default: throw failure("bad \\u escape")
      }
      value = value * 16 + digit
      position += 1
    }
    return value
  }
}
