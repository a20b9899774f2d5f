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
  /// The share of the credit earned, from 0 to 1, when the exercise gives partial credit
  /// (`@credit partial`); nil otherwise. See ``score(_:expectedCount:)``.
  public var score: Double?
  /// One missing row in the student's column order, kept when the exercise says
  /// `@reveal whynot` so that the checker can explain it (never shown as such).
  var missingExample: [Value]?

  /// Creates a result.
  public init(_ status: Status, _ detail: String, notes: [String] = [], report: DiagnosticReport? = nil) {
    self.status = status
    self.detail = detail
    self.notes = notes
    self.report = report
  }

  /// The result with a score when `exercise` gives partial credit: its own, or 0 for a verdict
  /// that has none (an error, no answer).
  public func scored(for exercise: Exercise) -> CheckResult {
    guard exercise.partialCredit, score == nil else { return self }
    var result = self
    result.score = 0
    return result
  }

  /// The score with two decimals (`0.67`), when there is one.
  public var scoreText: String? { score.map { Self.decimal(hundredths: Self.hundredths($0)) } }

  /// A score in hundredths, rounded (0...100).
  public static func hundredths(_ score: Double) -> Int { Int((min(max(score, 0), 1) * 100).rounded()) }

  /// Hundredths written with two decimals: 67 as `0.67`, 750 as `7.50`.
  public static func decimal(hundredths: Int) -> String {
    let cents = String(hundredths % 100)
    return "\(hundredths / 100).\(cents.count == 1 ? "0" + cents : cents)"
  }

  /// How many example rows feedback shows.
  public static let exampleLimit = 3

  /// The share of the credit a comparison earns: the rows both give, over the rows either
  /// gives (expected rows plus extra rows). 1 for a correct answer, 0 when no expected row is
  /// given or the number of columns differs; a missing row and an extra row cost the same.
  public static func score(_ comparison: AnswerComparison, expectedCount: Int) -> Double {
    if comparison.isCorrect { return 1 }
    guard comparison.columnCounts == nil else { return 0 }
    let matched = expectedCount - comparison.missing.count
    let either = expectedCount + comparison.extra.count
    return either > 0 ? Double(max(0, matched)) / Double(either) : 0
  }

  /// The verdict for a comparison, with a score when the exercise gives partial credit.
  static func from(
    _ comparison: AnswerComparison, student: AnswerTable, expected: AnswerTable, for exercise: Exercise
  ) -> CheckResult {
    var result = from(comparison, student: student, revealMissing: exercise.revealMissing)
    if exercise.partialCredit {
      result.score = score(comparison, expectedCount: expected.rows.count)
    }
    if exercise.revealWhyNot, comparison.columnCounts == nil, !student.variables.isEmpty,
      let first = comparison.missing.first
    {
      if let order = comparison.columnOrder {
        var row = first
        for (expectedColumn, studentColumn) in order.enumerated() { row[studentColumn] = first[expectedColumn] }
        result.missingExample = row
      } else {
        result.missingExample = first
      }
    }
    return result
  }

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
