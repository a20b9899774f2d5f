/// Gives out SQL identifiers that are distinct in every dialect: SQLite and DuckDB compare
/// names without regard to case, and PostgreSQL keeps only the first 63 bytes of one.
struct SQLNames {
  /// The longest identifier PostgreSQL keeps, in bytes.
  static let maximumBytes = 63

  private var taken: Set<String> = []

  /// `preferred` (shortened to fit), or it with `_2`, `_3`... when that is taken.
  mutating func claim(_ preferred: String) -> String {
    let base = Self.shortened(preferred.isEmpty ? "column" : preferred, reserving: 0)
    if taken.insert(base.lowercased()).inserted { return base }
    var n = 2
    while true {
      let suffix = "_\(n)"
      let candidate = Self.shortened(preferred, reserving: suffix.utf8.count) + suffix
      if taken.insert(candidate.lowercased()).inserted { return candidate }
      n += 1
    }
  }

  /// The longest prefix of `name` (whole characters) that leaves `reserving` bytes free.
  private static func shortened(_ name: String, reserving: Int) -> String {
    var result = ""
    var bytes = 0
    for character in name {
      let size = String(character).utf8.count
      if bytes + size > maximumBytes - reserving { break }
      result.append(character)
      bytes += size
    }
    return result
  }

  /// `name` as a quoted identifier.
  static func quote(_ name: String) -> String {
    "\"" + name.doubling("\"") + "\""
  }
}

extension String {
  /// The text with every `character` written twice (how SQL escapes a quote inside quotes).
  func doubling(_ character: Character) -> String {
    var result = ""
    for c in self {
      result.append(c)
      if c == character { result.append(c) }
    }
    return result
  }
}
