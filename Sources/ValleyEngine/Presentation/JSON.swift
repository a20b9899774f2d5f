/// Minimal JSON writing: strings with escapes, objects with keys in the given order.
public enum JSON {
  /// A JSON string literal.
  public static func string(_ s: String) -> String {
    ValueFormatter.escaped(s) { scalar in
      guard scalar.value < 0x20 else { return nil }
      let hex = String(scalar.value, radix: 16)
      return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
  }

  /// `{"k": v, ...}` with `": "` and `", "` separators; values are already JSON.
  public static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
  }

  /// A value as JSON: numbers as numbers, symbols as strings.
  public static func value(_ v: Value) -> String {
    switch v {
    case .integer(let i): return String(i)
    case .decimal(let d): return ValueFormatter.decimal(d)
    case .symbol(let s): return string(s)
    }
  }
}
