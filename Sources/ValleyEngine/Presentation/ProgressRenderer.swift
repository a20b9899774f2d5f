/// The one line a front end shows for a ``ProgressReport`` while work goes on:
///
///     reading facts.kb: 42% of 29.1 MB, 1,234,567 facts, 812,345 facts/s
///     evaluating path: 3,456,789 facts derived, 1,203,456 facts/s
///     evaluating the query: 4 s
///
/// A file is named without its folder. Plain text with no escape sequences; how it is drawn and erased is the front end's
/// business.
public enum ProgressRenderer {
  /// The line for `report`, cut with "…" to `width` columns when it is wider.
  public static func line(_ report: ProgressReport, width: Int = .max) -> String {
    let rate = "\(grouped(Int(report.factsPerSecond.rounded()))) facts/s"
    let text: String
    switch report.activity {
    case .reading(let path):
      // The file's own name is enough to tell which one: a long path would crowd out the rest.
      let file = path.split(separator: "/").last.map(String.init) ?? path
      let percent = Int(((report.fractionDone ?? 0) * 100).rounded(.down))
      text =
        "reading \(file): \(percent)% of \(size(report.byteCount)), \(grouped(report.facts)) "
        + "\(report.facts == 1 ? "fact" : "facts"), \(rate)"
    case .evaluating(let predicate?):
      text =
        "evaluating \(predicate): \(grouped(report.facts)) \(report.facts == 1 ? "fact" : "facts") derived, \(rate)"
    case .evaluating(nil):
      text = "evaluating the query: \(report.elapsed.components.seconds) s"
    }
    return TextTable.cut(text, to: max(width, 1))
  }

  /// `n` with a comma between groups of three digits: 1,234,567.
  static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = n < 0 ? "-" : ""
    for (i, digit) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return out
  }

  /// A byte count in the largest unit in which it rounds to at least 1.0, with one decimal
  /// above bytes: 980 bytes, 12.3 KB, 29.1 MB, 1.2 GB (powers of 1,000).
  static func size(_ bytes: Int) -> String {
    let units = [(1_000_000_000, "GB"), (1_000_000, "MB"), (1_000, "KB")]
    for (unit, name) in units {
      let tenths = (bytes * 10 + unit / 2) / unit  // rounded to the nearest tenth
      if tenths >= 10 { return "\(tenths / 10).\(tenths % 10) \(name)" }
    }
    return "\(bytes) \(bytes == 1 ? "byte" : "bytes")"
  }
}
