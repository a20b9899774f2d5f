import Foundation

/// A part of a document that the code generates (the command table, the code table), kept
/// equal to what the code says: with `VALLEY_RECORD_DOCS` set, the part between two markers
/// is rewritten first.
public enum GeneratedSection {
  /// Whether `path` (relative to the package) holds `expected`, after rewriting the text
  /// between `start` and `end` with it when recording.
  public static func matches(
    _ expected: String, in path: String, after start: String, before end: String
  ) throws -> Bool {
    let url = URL(fileURLWithPath: TestPackage.root + "/" + path)
    var text = try String(contentsOf: url, encoding: .utf8)
    if ProcessInfo.processInfo.environment["VALLEY_RECORD_DOCS"] != nil,
      let from = text.range(of: start),
      let to = text.range(of: end, range: from.upperBound..<text.endIndex)
    {
      text.replaceSubrange(from.upperBound..<to.lowerBound, with: expected)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return text.contains(expected)
  }
}
