/// How values are written: as source (reads back the same) or as plain text for data formats.
public enum ValueFormatter {
  /// Source form: integers as digits; decimals in the shortest form that reads back the same,
  /// always with a `.` or an exponent (`1000.0`, `1e+30` as `1e+30`); symbols bare when they
  /// read back as a bare name, otherwise in double quotes with escapes.
  public static func source(_ value: Value) -> String {
    switch value {
    case .integer(let i): return String(i)
    case .decimal(let d): return decimal(d)
    case .symbol(let s): return isBareName(s) ? s : quoted(s)
    }
  }

  /// Plain text: symbols without quotes (for TSV, CSV and table cells of data exports).
  public static func plain(_ value: Value) -> String {
    if case .symbol(let s) = value { return s }
    return source(value)
  }

  /// The shortest round-tripping decimal text, with `.0` added to whole numbers.
  public static func decimal(_ d: Double) -> String {
    var text = "\(d)"
    if !text.contains(".") && !text.contains("e") && !text.contains("n") && !text.contains("i") {
      text += ".0"
    }
    return text
  }

  /// Double-quoted text with `\"`, `\\`, `\n`, `\t`, `\r` and `\u{...}` for other controls.
  public static func quoted(_ s: String) -> String {
    escaped(s) { scalar in
      scalar.value < 0x20 || scalar.value == 0x7F
        ? "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}" : nil
    }
  }

  /// `s` in double quotes with `\"`, `\\`, `\n`, `\t` and `\r` escaped; `other` may escape
  /// further scalars (returning nil keeps a scalar as it is). Shared by source text and JSON.
  public static func escaped(_ s: String, other: (Unicode.Scalar) -> String?) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if let replacement = other(scalar) {
          out += replacement
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// Whether `s` lexes as one bare name (so it can be written without quotes).
  public static func isBareName(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first else { return false }
    guard first != "_", !first.properties.isUppercase, first.properties.isAlphabetic else {
      return false
    }
    if Syntax.reservedWords.contains(s) { return false }
    return s.unicodeScalars.allSatisfy {
      $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil
        || $0.properties.generalCategory == .nonspacingMark
        || $0.properties.generalCategory == .spacingMark
    }
  }
}
