import ValleyEngine

/// The verdict on one answer to one exercise.
///
/// Nothing in a result ever holds solution text: ``detail`` and ``notes`` are written from the
/// comparison's counts and from the student's own rows (the expected rows appear only as
/// examples of missing rows, and only when the exercise says `@reveal missing`).
public struct CheckResult: Sendable {
  /// The four outcomes of grading.
  public enum Status: String, Sendable, CaseIterable {
    /// The rows are the expected ones.
    case correct
    /// The query runs but gives other rows.
    case incorrect
    /// The answer does not run (its diagnostics say where), or the exercise is broken.
    case error
    /// No answer was given.
    case missing
  }

  /// The outcome.
  public var status: Status
  /// One line: `2 missing, 1 extra`, an error's `file:line:col: error: ...`, ...
  public var detail: String
  /// More lines for a person: a note on the column order, examples of rows.
  public var notes: [String]
  /// The errors, for `error` results caused by the student's text.
  public var report: DiagnosticReport?

  /// Creates a result.
  public init(_ status: Status, _ detail: String, notes: [String] = [], report: DiagnosticReport? = nil) {
    self.status = status
    self.detail = detail
    self.notes = notes
    self.report = report
  }

  /// How many example rows feedback shows.
  public static let exampleLimit = 3

  /// The verdict for a comparison.
  public static func from(
    _ comparison: AnswerComparison, student: AnswerTable, revealMissing: Bool
  ) -> CheckResult {
    if let counts = comparison.columnCounts {
      let yours =
        student.variables.isEmpty
        ? "your query has no variables"
        : "your query reports \(columns(counts.student)) (\(student.variables.joined(separator: ", ")))"
      let wanted = counts.expected == 0 ? "a query with no variables (true or false)" : columns(counts.expected)
      return CheckResult(.incorrect, "expected \(wanted); \(yours)")
    }
    if comparison.isCorrect {
      guard let order = comparison.columnOrder else { return CheckResult(.correct, "correct") }
      let moved = order.map { student.variables[$0] }.joined(separator: ", ")
      return CheckResult(
        .correct, "correct (same rows, columns in another order)",
        notes: ["accepted: the expected column order is \(moved)"])
    }
    let detail = "\(comparison.missing.count) missing, \(comparison.extra.count) extra"
    var notes: [String] = []
    if student.variables.isEmpty {
      notes.append(student.holds ? "your query holds, but it should not" : "your query does not hold, but it should")
      return CheckResult(.incorrect, detail, notes: notes)
    }
    if let order = comparison.columnOrder {
      notes.append(
        "compared with your columns in the order \(order.map { student.variables[$0] }.joined(separator: ", "))")
    }
    let header = (comparison.columnOrder ?? Array(student.variables.indices)).map { student.variables[$0] }
    if revealMissing, !comparison.missing.isEmpty {
      notes.append("missing, for example: " + examples(comparison.missing, header: header))
    }
    if !comparison.extra.isEmpty {
      notes.append("not expected, for example: " + examples(comparison.extra, header: header))
    }
    return CheckResult(.incorrect, detail, notes: notes)
  }

  private static func columns(_ n: Int) -> String {
    n == 1 ? "1 column" : "\(n) columns"
  }

  /// Up to ``exampleLimit`` rows as `X = a, Y = b`, separated by `; `.
  static func examples(_ rows: [[Value]], header: [String]) -> String {
    let shown = rows.prefix(exampleLimit).map { row in
      zip(header, row).map { "\($0) = \(ValueFormatter.source($1))" }.joined(separator: ", ")
    }
    let more = rows.count > exampleLimit ? "; ..." : ""
    return shown.joined(separator: "; ") + more
  }
}
