/// Renders what `:diff` found as plain text: a summary line, then `+ fact` and `- fact`.
public enum DiffRenderer {
  /// Plain text, without a final newline.
  public static func text(_ diff: KnowledgeDiff) -> String {
    guard let count = diff.assumptionCount else { return "no assumptions: nothing differs" }
    let plus = diff.appear.count
    let minus = diff.disappear.count
    var lines = [
      "under \(count) assumption\(count == 1 ? "" : "s"): \(plus) fact\(plus == 1 ? "" : "s") appear, \(minus) disappear"
    ]
    lines += diff.appear.map { "+ " + $0.text }
    lines += diff.disappear.map { "- " + $0.text }
    return lines.joined(separator: "\n")
  }
}
