import Testing
import ValleyEngine
import ValleyTestSupport

@testable import ValleyExercises

/// Checking answers against solutions: verdicts, counts, errors at the student's own line and
/// column, isolation of students' clauses, and solutions that never show.
@Suite struct ExerciseCheckerTests {
  @Test func correctAnswersWithOtherNamesAndRules() throws {
    let (rows, sheet) = ExerciseFixture.grade(
      """
      @answer e1
      link(From, To).
      @answer e2
      hop2(A, C) :- link(A, B), link(B, C).
      hop2(P, Q).
      @answer e3
      :assert old(P, A) :- age(P, A), A >= 29.
      old(Who, Age).
      """)
    #expect(rows["e1"]?.status == .correct)
    #expect(rows["e2"]?.status == .correct)
    #expect(rows["e3"]?.status == .correct)
    #expect(sheet.allCorrect)
  }

  @Test func wrongAnswerGivesTheRightCounts() throws {
    let (rows, sheet) = ExerciseFixture.grade(
      """
      @answer e2
      link(P, Q).
      @answer e3
      age(P, A), A > 20.
      """)
    let e2 = try #require(rows["e2"])
    #expect(e2.status == .incorrect)
    #expect(e2.detail == "2 missing, 3 extra")
    let e3 = try #require(rows["e3"])
    #expect(e3.detail == "0 missing, 1 extra")
    #expect(e3.notes == ["not expected, for example: P = bob, A = 25"])
    #expect(rows["e1"]?.status == .missing)
    #expect(!sheet.allCorrect)
  }

  @Test func partlyRightAnswerCountsOnlyWhatIsMissing() throws {
    let (rows, _) = ExerciseFixture.grade("@answer e1\nlink(a, Y), link(X, Y).\n")
    let e1 = try #require(rows["e1"])
    // Only the link from a: one of three rows, with the columns reordered (Y, X).
    #expect(e1.status == .incorrect)
    #expect(e1.detail == "2 missing, 0 extra")
  }

  @Test func missingRowsAreRevealedOnlyWhereAllowed() throws {
    let (rows, _) = ExerciseFixture.grade(
      """
      @answer e1
      link(a, Y), X = a.
      @answer e2
      t(X, C) :- link(X, B), link(B, C), X = a.
      t(X, C).
      """)
    // e1 has no @reveal missing: no expected row is shown, only the count.
    let e1 = try #require(rows["e1"])
    #expect(e1.detail == "2 missing, 0 extra")
    #expect(e1.notes == ["compared with your columns in the order X, Y"])
    // e2 says @reveal missing.
    let e2 = try #require(rows["e2"])
    #expect(e2.detail == "1 missing, 0 extra")
    #expect(e2.notes == ["missing, for example: X = b, C = d"])
  }

  @Test func reorderedColumnsAreAcceptedWithANote() throws {
    let (rows, sheet) = ExerciseFixture.grade(
      "@answer e3\nage(P, A), A > 28, N = A, Q = P.\nrev(A, P) :- age(P, A).\n@answer e1\nrev(Y, X) :- link(X, Y).\nrev(To, From).\n"
    )
    let e1 = try #require(rows["e1"])
    #expect(e1.status == .correct)
    #expect(e1.detail == "correct (same rows, columns in another order)")
    #expect(e1.notes == ["accepted: the expected column order is From, To"])
    // The e3 answer ends with a rule: an error, at its line and column.
    #expect(rows["e3"]?.status == .error)
    #expect(rows["e3"]?.detail == "alice.answers:3:1: error: an answer must end with a query, not a clause [E608]")
    #expect(!sheet.allCorrect)
  }

  @Test func malformedAnswerIsAnErrorAtTheStudentsLineAndColumn() throws {
    let (rows, _) = ExerciseFixture.grade(
      """
      @answer e1
      % a comment first
      link(X, Y

      @answer e2
      :assert two(X, Z) :- link(X, Y), lnk(Y, Z).
      two(A, B).
      @answer e3
         age(P, A), A > "x", B < 1.
      """)
    let e1 = try #require(rows["e1"])
    #expect(e1.status == .error)
    #expect(e1.detail.hasPrefix("alice.answers:3:10: error: unexpected end of input"))
    let e2 = try #require(rows["e2"])
    #expect(e2.detail == "alice.answers:6:34: error: unknown predicate 'lnk/2' [E202]")
    let rendered = try #require(e2.report?.rendered())
    #expect(rendered.contains("   6 |         two(X, Z) :- link(X, Y), lnk(Y, Z)."))
    #expect(rendered.contains("^~~"))
    let e3 = try #require(rows["e3"])
    #expect(e3.status == .error)
    #expect(e3.detail.hasPrefix("alice.answers:9:"))
    #expect(e3.detail.contains("'B'"))
  }

  @Test func runtimeErrorIsAnError() throws {
    let files = ExerciseFixture.files()
    var environment = ExerciseFixture.environment(files)
    environment.budget = EvaluationBudget(maximumDerivedFacts: 1000, timeLimit: 10)
    let set = ExerciseFixture.set()
    let sheet = Grader.grade(
      [
        AnswerFileParser.parse(
          text: "@answer e1\nn(0).\nn(Y) :- n(X), Y = X + 1.\nn(X), link(X, Y).\n", name: "r.answers")
      ],
      against: set, environment: environment)
    let e1 = try #require(sheet.rows.first)
    #expect(e1.result.status == .error)
    #expect(e1.result.detail.contains("[E403]"))
  }

  @Test func studentClausesStayInTheirOwnWorkspace() throws {
    let set = ExerciseFixture.set()
    let sheets = [
      AnswerFileParser.parse(
        text: "@answer e1\nlink(z, z).\nlink(X, Y).\n@answer e3\nage(P, A), A > 28.\n", name: "mallory.answers"),
      AnswerFileParser.parse(text: "@answer e1\nlink(X, Y).\n@answer e3\nage(P, A), A > 28.\n", name: "bob.answers"),
    ]
    let sheet = Grader.grade(sheets, against: set, environment: ExerciseFixture.environment())
    let results = sheet.rows.map { "\($0.student) \($0.exercise) \($0.result.status.rawValue)" }
    #expect(
      results == [
        "mallory e1 incorrect", "mallory e2 missing", "mallory e3 correct",
        "bob e1 correct", "bob e2 missing", "bob e3 correct",
      ])
  }

  @Test func theSolutionNeverAppearsInFeedback() throws {
    let answers = """
      @answer e1
      secret_two(X, Y).
      @answer e2
      link(X, Y).
      @answer e3
      age(P, A), A > 99.
      """
    let (_, sheet) = ExerciseFixture.grade(answers)
    var everything = ""
    for format in GradeFormat.allCases {
      everything += GradeRenderer.render(sheet, format: format)
      everything += GradeRenderer.diagnostics(sheet, format: format)
    }
    #expect(everything.contains("unknown predicate 'secret_two/2'"))  // the student's own text
    let solutionOnly = ["link(X, Y), link(Y, Z)", "A > 28", "secret_two(X, Z)"]
    for secret in solutionOnly {
      #expect(!everything.contains(secret), "output shows solution text '\(secret)'")
    }
  }

  @Test func brokenSolutionIsAnErrorWithoutShowingIt() throws {
    let set = ExerciseFixture.set(
      """
      @exercise e1 "Broken"
      @prompt "p"
      @hint "h"
      @knowledge "small.kb"
      @solution
      lnk_secret(X, Y).
      @exercise e2 "Empty"
      @prompt "p"
      @hint "h"
      @knowledge "small.kb"
      @solution
      link(X, Y), X = nobody_secret.
      """)
    let (rows, sheet) = ExerciseFixture.grade("@answer e1\nlink(X, Y).\n@answer e2\nlink(X, Y).\n", set: set)
    #expect(rows["e1"]?.status == .error)
    #expect(
      rows["e1"]?.detail == "exercise e1 cannot be checked: its solution does not run (run 'valley check ex/set.q')")
    #expect(rows["e2"]?.status == .error)
    let text = GradeRenderer.render(sheet, format: .table) + GradeRenderer.diagnostics(sheet, format: .table)
    #expect(!text.contains("secret"))
  }

  @Test func exerciseKnowledgeIsLoadedOnlyForItsExercise() throws {
    let set = ExerciseFixture.set(
      """
      @exercise with "With"
      @prompt "p"
      @hint "h"
      @knowledge "small.kb"
      @solution
      link(a, X).
      @exercise without "Without"
      @prompt "p"
      @hint "h"
      @solution
      X = 1.
      """)
    let (rows, _) = ExerciseFixture.grade(
      "@answer with\nlink(a, Y).\n@answer without\nlink(a, Y).\n", set: set)
    #expect(rows["with"]?.status == .correct)
    #expect(rows["without"]?.status == .error)
    #expect(rows["without"]?.detail == "alice.answers:4:1: error: unknown predicate 'link/2' [E202]")
  }

  @Test func oneCheckerChecksFromManyThreadsAtOnce() async throws {
    let set = ExerciseFixture.set()
    let answers = [
      "@answer e1\nlink(X, Y).\n", "@answer e2\nlink(P, Q).\n", "@answer e3\nage(P, A), A > 20.\n",
      "@answer e2\nt(X, C) :- link(X, B), link(B, C).\nt(X, C).\n", "@answer e3\nage(P, A), A > .\n",
    ]
    func verdict(_ checker: ExerciseChecker, _ text: String) -> String {
      let sheet = AnswerFileParser.parse(text: text, name: "s.answers")
      guard let file = sheet.file, let answer = sheet.answers.first, let exercise = set.exercise(answer.exerciseID)
      else { return "unparsed" }
      let result = checker.check(answer, in: file, sources: sheet.sources, for: exercise)
      return ([result.status.rawValue, result.detail] + result.notes).joined(separator: "|")
    }
    let serial = ExerciseChecker(set: set, environment: ExerciseFixture.environment())
    let expected = answers.map { verdict(serial, $0) }
    // A fresh checker, so that solutions and kept knowledge are made under contention too.
    let shared = ExerciseChecker(set: set, environment: ExerciseFixture.environment())
    let results = await withTaskGroup(of: (Int, String).self) { group in
      for round in 0..<40 {
        group.addTask { (round % answers.count, verdict(shared, answers[round % answers.count])) }
      }
      var all: [(Int, String)] = []
      for await result in group { all.append(result) }
      return all
    }
    #expect(results.count == 40)
    for (index, text) in results { #expect(text == expected[index]) }
  }
}
