/// A JSON value, as the protocol's messages carry them.
///
/// Objects keep their members in order, so that what the server writes never depends on hash
/// order. Numbers keep their text, so that a request id is echoed exactly as it came.
public enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  /// A number, as written (`12`, `-3.5`, `1e3`).
  case number(String)
  case string(String)
  case array([JSONValue])
  /// Members in order; a key should appear once.
  case object([(String, JSONValue)])

  /// A whole number.
  public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

  /// The member `key` of an object; nil for other values or a missing key.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// The text of a string.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// A whole number that fits an `Int` (written without fraction or exponent, or with a zero
  /// fraction such as `3.0`).
  public var intValue: Int? {
    guard case .number(let text) = self else { return nil }
    if let i = Int(text) { return i }
    if let d = Double(text), d.rounded() == d, abs(d) < 9e15 { return Int(d) }
    return nil
  }

  /// The value of a boolean.
  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// The elements of an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// Whether the value is `null`.
  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// Equal values; numbers compare by value (`1` equals `1.0`), objects member by member in order.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a), .number(let b)): a == b || (Double(a) != nil && Double(a) == Double(b))
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  /// Hashes consistently with `==`.
  public func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let b): hasher.combine(b)
    case .number(let n): hasher.combine(Double(n) ?? 0)
    case .string(let s): hasher.combine(s)
    case .array(let a): hasher.combine(a)
    case .object(let members):
      for (key, value) in members {
        hasher.combine(key)
        hasher.combine(value)
      }
    }
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
  /// A string.
  public init(stringLiteral value: String) { self = .string(value) }
  /// A whole number.
  public init(integerLiteral value: Int) { self = .int(value) }
  /// A boolean.
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  /// An array.
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  /// Members in the order written.
  public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
  /// `null`.
  public init(nilLiteral: ()) { self = .null }
}
