import Testing
import ValleyEngine
import ValleyTestSupport

@testable import ValleyExercises

/// Grade sheets: missing and duplicate answers, unknown exercises, and the three formats.
@Suite struct ExerciseGraderTests {
  @Test func duplicateAndUnknownAnswers() throws {
    let (rows, sheet) = ExerciseFixture.grade(
      """
      @answer e1
      link(X, Y).
      @answer e1
      link(X, Y).
      @answer e9
      link(X, Y).
      """)
    #expect(rows["e1"]?.status == .error)
    #expect(rows["e1"]?.detail == "alice.answers:3:9: error: exercise e1 is answered more than once [E615]")
    let problems = sheet.fileProblems.flatMap(\.headlines)
    #expect(problems == ["alice.answers:5:9: warning: 'ex/set.q' has no exercise 'e9' [W602]"])
  }

  @Test func emptyAnswerIsMissing() {
    let (rows, _) = ExerciseFixture.grade("@answer e1\n% nothing yet\n")
    #expect(rows["e1"]?.status == .missing)
    #expect(rows["e1"]?.detail == "empty answer")
  }

  @Test func unreadableAnswerFileIsAnErrorForEveryExercise() {
    let sheet = Grader.grade(
      [AnswerFileParser.load("gone.answers", loader: MemoryLoader(files: MemoryFiles()))],
      against: ExerciseFixture.set(), environment: ExerciseFixture.environment())
    #expect(sheet.rows.map(\.result.status) == [.error, .error, .error])
    #expect(sheet.fileProblems.flatMap(\.headlines) == ["error: cannot read 'gone.answers': no such file [E505]"])
  }

  @Test func studentsWithTheSameFileNameKeepTheirPaths() {
    let sheets = [
      AnswerFileParser.parse(text: "", name: "a/answers.txt"),
      AnswerFileParser.parse(text: "", name: "b/answers.txt"),
      AnswerFileParser.parse(text: "", name: "c/carol.txt"),
    ]
    #expect(Grader.studentNames(sheets) == ["a/answers.txt", "b/answers.txt", "carol"])
  }

  @Test func tableCsvAndJson() throws {
    let (_, sheet) = ExerciseFixture.grade(
      """
      @answer e1
      link(X, Y).
      @answer e3
      age(P, A), A > 20, lnk(P).
      """)
    let table = GradeRenderer.render(sheet, format: .table)
    #expect(
      table == """
        student  exercise  result   detail
        -------  --------  -------  -----------------------------------------------------------
        alice    e1        correct  correct
        alice    e2        missing  no answer
        alice    e3        error    alice.answers:4:20: error: unknown predicate 'lnk/1' [E202]

        alice: 1 of 3 correct

        """)
    let stderr = GradeRenderer.diagnostics(sheet, format: .table)
    #expect(stderr.contains("   4 | age(P, A), A > 20, lnk(P)."))
    let csv = GradeRenderer.render(sheet, format: .csv)
    #expect(csv.hasPrefix("student,exercise,result,detail\r\nalice,e1,correct,correct\r\n"))
    let json = GradeRenderer.render(sheet, format: .json).split(separator: "\n")
    #expect(json.count == 3)
    #expect(
      json.last
        == #"{"student": "alice", "exercise": "e3", "result": "error", "detail": "alice.answers:4:20: error: unknown predicate 'lnk/1' [E202]", "line": 4, "column": 20}"#
    )
    #expect(GradeRenderer.diagnostics(sheet, format: .json).isEmpty)
  }
}
