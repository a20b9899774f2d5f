import Testing
import ValleyEngine
import ValleyTestSupport

@testable import ValleyExercises

/// Reading answer files: `@answer ID` blocks, and the student's name.
@Suite struct ExerciseAnswerFileTests {
  @Test func splitsAnswersAtAnswerLines() throws {
    let sheet = AnswerFileParser.parse(
      text: """
        % Alice
        @answer e1
        link(X, Y).
        @answer e2
        two(X, Z) :- link(X, Y), link(Y, Z).
        :assert three(X) :- two(X, _).
        two(A, B).
        @answer e3
        """, name: "class/alice.answers")
    #expect(sheet.student == "alice")
    #expect(sheet.diagnostics.isEmpty)
    #expect(sheet.answers.map(\.exerciseID) == ["e1", "e2", "e3"])
    let e2 = try #require(sheet.answers(to: "e2").first)
    #expect(e2.block.clauses.count == 2)
    #expect(e2.block.query != nil)
    #expect(sheet.answers(to: "e3").first?.block.isEmpty == true)
  }

  @Test func textBeforeTheFirstAnswerIsAnError() {
    let sheet = AnswerFileParser.parse(text: "p(X).\n@answer e1\np(X).\n", name: "a.answers")
    let report = DiagnosticReport(sheet.diagnostics, sources: sheet.sources)
    #expect(report.headlines == ["a.answers:1:1: error: unexpected text before the first @answer [E614]"])
  }

  @Test func anAnswerEndingWithARuleIsAnError() throws {
    let sheet = AnswerFileParser.parse(text: "@answer e1\n\n  p(X) :- q(X).\n", name: "a.answers")
    let answer = try #require(sheet.answers.first)
    let report = DiagnosticReport(answer.diagnostics, sources: sheet.sources)
    #expect(report.headlines == ["a.answers:3:3: error: an answer must end with a query, not a clause [E608]"])
  }

  @Test func studentNames() {
    #expect(AnswerSheet.studentName(for: "alice.answers") == "alice")
    #expect(AnswerSheet.studentName(for: "class/bob.v2.txt") == "bob.v2")
    #expect(AnswerSheet.studentName(for: "carol") == "carol")
    #expect(AnswerSheet.studentName(for: ".hidden") == ".hidden")
  }
}
