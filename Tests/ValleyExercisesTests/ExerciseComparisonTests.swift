import Testing
import ValleyEngine
import ValleyTestSupport

@testable import ValleyExercises

/// Comparing answers as sets of rows, columns matched by position.
@Suite struct ExerciseComparisonTests {
  private func table(_ variables: [String], _ rows: [[Value]]) -> AnswerTable {
    AnswerTable(query: "", variables: variables, rows: rows)
  }

  private let expected = AnswerTable(
    query: "", variables: ["X", "Y"],
    rows: [[.symbol("a"), .integer(1)], [.symbol("b"), .integer(2)], [.symbol("c"), .integer(3)]])

  @Test func sameRowsWithOtherNamesAreCorrect() {
    let student = table(["P", "Q"], expected.rows.reversed())
    let comparison = AnswerComparison.compare(student: student, expected: expected)
    #expect(comparison.isCorrect)
    #expect(comparison.columnOrder == nil)
  }

  @Test func countsMissingAndExtraRows() {
    let student = table(["X", "Y"], [[.symbol("a"), .integer(1)], [.symbol("z"), .integer(9)]])
    let comparison = AnswerComparison.compare(student: student, expected: expected)
    #expect(!comparison.isCorrect)
    #expect(comparison.missing == [[.symbol("b"), .integer(2)], [.symbol("c"), .integer(3)]])
    #expect(comparison.extra == [[.symbol("z"), .integer(9)]])
  }

  @Test func reorderedColumnsAreAcceptedWithTheirOrder() {
    let student = table(["N", "S"], expected.rows.map { [$0[1], $0[0]] })
    let comparison = AnswerComparison.compare(student: student, expected: expected)
    #expect(comparison.isCorrect)
    #expect(comparison.columnOrder == [1, 0])
    let result = CheckResult.from(comparison, student: student, revealMissing: false)
    #expect(result.status == .correct)
    #expect(result.notes == ["accepted: the expected column order is S, N"])
  }

  @Test func partlyRightInAnotherOrderComparesInTheBestOrder() {
    let student = table(["N", "S"], [[.integer(1), .symbol("a")], [.integer(2), .symbol("b")]])
    let comparison = AnswerComparison.compare(student: student, expected: expected)
    #expect(comparison.missing.count == 1)
    #expect(comparison.extra.isEmpty)
    #expect(comparison.columnOrder == [1, 0])
  }

  @Test func differentColumnCountsAreIncorrect() {
    let student = table(["X"], [[.symbol("a")]])
    let comparison = AnswerComparison.compare(student: student, expected: expected)
    #expect(!comparison.isCorrect)
    let result = CheckResult.from(comparison, student: student, revealMissing: true)
    #expect(result.status == .incorrect)
    #expect(result.detail == "expected 2 columns; your query reports 1 column (X)")
  }

  @Test func integersAndDecimalsDiffer() {
    let wanted = table(["X"], [[.decimal(1.0)]])
    let student = table(["X"], [[.integer(1)]])
    #expect(!AnswerComparison.compare(student: student, expected: wanted).isCorrect)
  }

  @Test func groundQueriesCompareAsTrueOrFalse() {
    let holds = table([], [[]])
    let fails = table([], [])
    #expect(AnswerComparison.compare(student: holds, expected: holds).isCorrect)
    let comparison = AnswerComparison.compare(student: fails, expected: holds)
    let result = CheckResult.from(comparison, student: fails, revealMissing: false)
    #expect(result.detail == "1 missing, 0 extra")
    #expect(result.notes == ["your query does not hold, but it should"])
  }

  @Test func missingRowsAreShownOnlyWhenRevealed() {
    let student = table(["X", "Y"], [[.symbol("a"), .integer(1)], [.symbol("z"), .integer(9)]])
    let comparison = AnswerComparison.compare(student: student, expected: expected)
    let hidden = CheckResult.from(comparison, student: student, revealMissing: false)
    #expect(hidden.detail == "2 missing, 1 extra")
    #expect(hidden.notes == ["not expected, for example: X = z, Y = 9"])
    let shown = CheckResult.from(comparison, student: student, revealMissing: true)
    #expect(shown.notes.first == "missing, for example: X = b, Y = 2; X = c, Y = 3")
  }
}
