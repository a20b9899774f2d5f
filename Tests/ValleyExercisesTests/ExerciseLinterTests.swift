import Testing
import ValleyEngine
import ValleyTestSupport

@testable import ValleyExercises

/// `valley check`'s engine: solutions run, give rows, and their own warnings are shown.
@Suite struct ExerciseLinterTests {
  @Test func goodSetHasNoProblems() {
    let report = ExerciseLinter.check(ExerciseFixture.set(), environment: ExerciseFixture.environment())
    #expect(report.errorCount == 0)
    #expect(report.warningCount == 0)
    #expect(report.summary == "ex/set.q: 3 exercises, no problems")
  }

  @Test func failingEmptyAndWarningSolutions() {
    let set = ExerciseFileParser.parse(
      text: """
        @exercise fails "T"
        @prompt "p"
        @hint "h"
        @solution
        nothing_here(X).
        @exercise empty "T"
        @prompt "p"
        @hint "h"
        @knowledge "small.kb"
        @solution
        link(X, a).
        @exercise warns "T"
        @prompt "p"
        @hint "h"
        @knowledge "small.kb"
        @solution
        from(X) :- link(X, Y).
        from(X).
        @exercise noknowledge "T"
        @prompt "p"
        @hint "h"
        @knowledge "absent.kb"
        @solution
        p(X).
        """, name: "ex/set.q")
    let report = ExerciseLinter.check(set, environment: ExerciseFixture.environment())
    let lines = report.reports.flatMap(\.headlines)
    #expect(lines.contains("ex/set.q:4:1: error: the solution of exercise fails does not run [E610]"))
    #expect(lines.contains("ex/set.q:5:1: error: unknown predicate 'nothing_here/1' [E202]"))
    #expect(lines.contains("ex/set.q:11:1: error: the solution of exercise empty gives no answer [E611]"))
    #expect(lines.contains("ex/set.q:17:20: warning: variable 'Y' appears only once in this rule [W101]"))
    #expect(lines.contains("ex/set.q:19:11: error: the knowledge of exercise noknowledge does not load [E612]"))
    #expect(lines.contains("error: cannot read 'ex/absent.kb': no such file [E505]"))
    #expect(report.summary == "ex/set.q: 4 exercises, 5 errors, 1 warning")
  }
}
