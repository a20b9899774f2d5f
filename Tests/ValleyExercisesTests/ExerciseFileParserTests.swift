import Testing
import ValleyEngine
import ValleyTestSupport

@testable import ValleyExercises

/// Reading exercise files: directives, solutions, and every problem with its line and column.
@Suite struct ExerciseFileParserTests {
  /// The `file:line:col: severity: message [code]` lines of a set's problems.
  private func headlines(_ text: String) -> [String] {
    ExerciseFileParser.parse(text: text, name: "x.q").report.headlines
  }

  @Test func readsEveryDirective() throws {
    let set = ExerciseFixture.set()
    #expect(set.exercises.map(\.id) == ["e1", "e2", "e3"])
    let e2 = try #require(set.exercise("e2"))
    #expect(e2.title == "Two steps")
    #expect(e2.prompt == "Which pairs are two links apart?")
    #expect(e2.hints == ["Join link with itself.", "Use a helper rule."])
    #expect(e2.knowledgeFiles == ["ex/small.kb"])
    #expect(e2.revealMissing)
    let solution = try #require(e2.solution)
    #expect(solution.clauses.count == 1)
    #expect(solution.query != nil)
    #expect(set.exercise("e1")?.revealMissing == false)
    #expect(set.diagnostics.isEmpty)
  }

  @Test func promptsJoinAndIdsMayHoldDashesAndDots() throws {
    let set = ExerciseFileParser.parse(
      text: """
        @exercise week-2.a "T"
        @prompt "one"
        @prompt "two"
        @hint "h"
        @solution p(X).
        """, name: "x.q")
    let exercise = try #require(set.exercises.first)
    #expect(exercise.id == "week-2.a")
    #expect(exercise.prompt == "one\ntwo")
    #expect(exercise.hasSolution)
  }

  @Test func solutionRulesPlainAndAsserted() throws {
    let set = ExerciseFileParser.parse(
      text: """
        @exercise a "T"
        @prompt "p"
        @hint "h"
        @solution
        q(X) :- p(X).
        :assert r(X) :- q(X).
        ?- r(X).
        """, name: "x.q")
    let file = try #require(set.file)
    let solution = try #require(set.exercises.first?.solution)
    #expect(solution.clauses.map { file.text(of: $0) } == ["q(X) :- p(X).", "r(X) :- q(X)."])
    #expect(solution.query.map { file.text(of: $0) } == "?- r(X).")
    #expect(set.diagnostics.isEmpty)
  }

  @Test func maskedTextKeepsLinesAndColumns() throws {
    let set = ExerciseFileParser.parse(
      text: "@exercise a \"T\"\n@prompt \"p\"\n@hint \"h\"\n@solution\n  q(X) :- p(X).  % why\n:assert r(1).\nq(X).\n",
      name: "x.q")
    let file = try #require(set.file)
    let solution = try #require(set.exercises.first?.solution)
    let clauses = try #require(solution.clauseText(in: file))
    let lines = clauses.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 6)
    #expect(lines[4] == "  q(X) :- p(X).")
    #expect(lines[5] == "        r(1).")
    let query = try #require(solution.queryText(in: file))
    #expect(query.hasSuffix("\nq(X)."))
    #expect(query.split(separator: "\n", omittingEmptySubsequences: false).count == 7)
  }

  @Test func brokenFileReportsEveryProblemWithItsLine() {
    let lines = headlines(
      """
      stray text.
      @exercise a "First"
      @hint "h"
      @solution
      p(X).
      @exercise a "Again"
      @prompt "p"
      @promt "typo"
      @solution
      @exercise 'bad id' "T"
      @exercise c
      @prompt 42
      @reveal everything
      @solution
      q(X) :- p(X).
      """)
    #expect(lines.contains("x.q:1:1: error: unexpected text before the first @exercise [E601]"))
    #expect(lines.contains("x.q:2:11: error: exercise a has no @prompt [E606]"))
    #expect(lines.contains("x.q:6:11: error: exercise id 'a' is used twice [E605]"))
    #expect(lines.contains("x.q:6:11: warning: exercise a has no @hint [W601]"))
    #expect(lines.contains("x.q:8:1: error: unknown directive '@promt' [E602]"))
    #expect(lines.contains("x.q:9:1: error: the @solution of exercise a is empty [E607]"))
    #expect(lines.contains("x.q:10:11: error: 'bad id' is not a usable exercise id [E604]"))
    #expect(lines.contains("x.q:11:11: error: @exercise c needs a title in quotes [E604]"))
    #expect(lines.contains("x.q:12:9: error: @prompt takes the prompt in quotes [E604]"))
    #expect(lines.contains("x.q:13:9: error: @reveal takes the words missing and whynot [E604]"))
    #expect(lines.contains("x.q:14:1: error: exercise a has a second @solution [E613]"))
  }

  @Test func directiveBeforeTheFirstExerciseAndSecondSolution() {
    let lines = headlines(
      """
      @prompt "orphan"
      @exercise a "T"
      @prompt "p"
      @hint "h"
      @solution
      p(X).
      @solution
      q(X).
      """)
    #expect(lines.contains("x.q:1:1: error: @prompt comes before the first @exercise [E603]"))
    #expect(lines.contains("x.q:7:1: error: exercise a has a second @solution [E613]"))
  }

  @Test func commandsAndEarlyQueriesAreNotAllowedInSolutions() {
    let lines = headlines(
      """
      @exercise a "T"
      @prompt "p"
      @hint "h"
      @solution
      :load "other.kb"
      ?- p(X).
      p(X).
      @exercise b "T"
      @prompt "p"
      @hint "h"
      @solution
      q(X) :- p(X).
      """)
    #expect(lines.contains("x.q:5:1: error: ':load' cannot be part of a solution [E609]"))
    #expect(lines.contains("x.q:6:1: error: only the last statement of a solution is a query [E609]"))
    #expect(lines.contains("x.q:12:1: error: a solution must end with a query, not a clause [E608]"))
  }

  @Test func emptyFileHasNoExercises() {
    #expect(headlines("% nothing here\n") == ["error: 'x.q' has no exercises [E619]"])
  }

  @Test func unreadableFileIsReported() {
    let set = ExerciseFileParser.load("missing.q", loader: MemoryLoader(files: MemoryFiles()))
    #expect(set.report.headlines == ["error: cannot read 'missing.q': no such file [E505]"])
  }

  @Test func studentReportHidesProblemsInsideSolutions() {
    let set = ExerciseFileParser.parse(
      text: """
        @exercise a "T"
        @prompt "p"
        @hint "h"
        @solution
        hidden_rule(X) :- p(X).
        @exercise b "T"
        @promt "typo"
        @prompt "p"
        @hint "h"
        @solution
        p(X).
        """, name: "x.q")
    let shown = set.studentReport
    #expect(shown.headlines.contains("x.q:1:11: error: the solution of exercise a has errors [E610]"))
    #expect(shown.headlines.contains("x.q:7:1: error: unknown directive '@promt' [E602]"))
    #expect(!shown.rendered().contains("hidden_rule"))
    #expect(set.report.rendered().contains("hidden_rule"))
  }
}
