import Testing
import ValleyEngine
import ValleyTestSupport

@testable import ValleyExercises

/// `@reveal whynot` (one missing row explained by the first premise of the student's query that
/// fails for it) and `@credit partial` (a score for a partly right answer).
@Suite struct ExerciseFeedbackTests {
  /// The fixture's exercises e2 and e3 again, with the new directives.
  static let exercises = """
    @exercise w1 "Two steps, explained"
    @prompt "Which pairs are two links apart?"
    @hint "Join link with itself."
    @reveal whynot
    @knowledge "small.kb"
    @solution
    secret_two(X, Z) :- link(X, Y), link(Y, Z).
    secret_two(X, Z).

    @exercise p1 "Older than 28, partly"
    @prompt "Who is older than 28? Two columns: the person and the age."
    @hint "Compare the age."
    @credit partial
    @reveal missing whynot
    @knowledge "small.kb"
    @solution
    age(P, A), A > 28.

    @exercise f1 "All or nothing"
    @prompt "List every link."
    @hint "Use link/2."
    @credit full
    @knowledge "small.kb"
    @solution
    link(X, Y).
    """

  private func grade(_ answers: String) -> (rows: [String: CheckResult], sheet: GradeSheet) {
    ExerciseFixture.grade(answers, set: ExerciseFixture.set(Self.exercises))
  }

  @Test func directivesAreRead() throws {
    let set = ExerciseFixture.set(Self.exercises)
    let w1 = try #require(set.exercise("w1"))
    #expect(w1.revealWhyNot && !w1.revealMissing && !w1.partialCredit)
    let p1 = try #require(set.exercise("p1"))
    #expect(p1.revealWhyNot && p1.revealMissing && p1.partialCredit)
    #expect(set.exercise("f1")?.partialCredit == false)
    #expect(set.givesPartialCredit)
  }

  @Test func badDirectiveArgumentsAreErrors() {
    let set = ExerciseFileParser.parse(
      text: "@exercise a \"A\"\n@prompt \"p\"\n@hint \"h\"\n@credit half\n@reveal whynot all\n@solution\np(X).\n",
      name: "x.q")
    let lines = set.report.headlines
    #expect(lines.contains("x.q:4:9: error: @credit takes one word: partial or full [E604]"))
    #expect(lines.contains("x.q:5:16: error: @reveal takes the words missing and whynot [E604]"))
  }

  @Test func whyNotNamesTheFirstPremiseThatFailsForOneMissingRow() throws {
    // The student stops one step short: link(X, Y), link(Y, Z), Z = c gives only (a, c).
    let (rows, _) = grade("@answer w1\nlink(X, _Y), link(_Y, Z), Z = c.\n")
    let w1 = try #require(rows["w1"])
    #expect(w1.detail == "1 missing, 0 extra")
    // The missing row is (b, d); bound into the query, Z = c is what fails.
    #expect(
      w1.notes == [
        "for example, your query does not give X = b, Z = d: it fails at d = c (the comparison is false for every binding found so far)"
      ])
  }

  @Test func whyNotFollowsTheStudentsColumnOrder() throws {
    // Columns in the other order (Z first): (c, a) matches (a, c) once the columns are swapped.
    let (rows, _) = grade("@answer w1\nlink(_Y, Z), link(X, _Y), X = a.\n")
    let w1 = try #require(rows["w1"])
    #expect(w1.status == .incorrect)
    let hint = try #require(w1.notes.last)
    #expect(w1.detail == "1 missing, 0 extra")
    #expect(
      hint
        == "for example, your query does not give Z = d, X = b: it fails at b = a (the comparison is false for every binding found so far)"
    )
  }

  @Test func whyNotWithoutPermissionShowsNothing() throws {
    // e2 of the plain fixture says only @reveal missing.
    let (rows, _) = ExerciseFixture.grade("@answer e2\nlink(X, Y), link(Y, Z), Z = c.\n")
    #expect(rows["e2"]?.notes.contains { $0.hasPrefix("for example") } == false)
  }

  @Test func partialCreditScoresRowsBothGiveOverRowsEitherGives() throws {
    // Expected: (ann, 30), (cid, 41). The student gives (cid, 41) and (bob, 25):
    // one row in common, three rows in all.
    let (rows, sheet) = grade("@answer p1\nage(P, A), A > 20, P != ann.\n@answer f1\nlink(a, Y), X = a.\n")
    let p1 = try #require(rows["p1"])
    #expect(p1.status == .incorrect)
    #expect(p1.scoreText == "0.33")
    // f1 gives no partial credit: no score of its own, 0 on the sheet.
    #expect(rows["f1"]?.score == nil)
    #expect(rows["w1"]?.score == nil)
    let table = GradeRenderer.render(sheet, format: .table)
    #expect(table.contains("alice: 0 of 3 correct, score 0.33 of 3"))
    let csv = GradeRenderer.render(sheet, format: .csv)
    #expect(csv.hasPrefix("student,exercise,result,score,detail\r\n"))
    #expect(csv.contains("alice,p1,incorrect,0.33,"))
    #expect(csv.contains("alice,f1,incorrect,0.00,"))
    let json = GradeRenderer.render(sheet, format: .json)
    #expect(json.contains(#""exercise": "p1", "result": "incorrect", "score": 0.33"#))
  }

  @Test func scoresAtTheEdges() throws {
    let (rows, _) = grade(
      "@answer p1\nage(P, A), A > 28.\n@answer w1\nlink(X, Y).\n")
    #expect(rows["p1"]?.scoreText == "1.00")
    let (broken, _) = grade("@answer p1\nage(P, A), A > .\n")
    #expect(broken["p1"]?.status == .error)
    #expect(broken["p1"]?.scoreText == "0.00")
    let (none, _) = grade("@answer w1\nlink(X, Y).\n")
    #expect(none["p1"]?.status == .missing)
    #expect(none["p1"]?.scoreText == "0.00")
    let (wide, _) = grade("@answer p1\nage(P, A), A > 28, B = A.\n")
    #expect(wide["p1"]?.scoreText == "0.00")
  }

  @Test func setsWithoutPartialCreditKeepTheirColumns() {
    let (_, sheet) = ExerciseFixture.grade("@answer e1\nlink(X, Y).\n")
    #expect(GradeRenderer.render(sheet, format: .csv).hasPrefix("student,exercise,result,detail\r\n"))
    #expect(!GradeRenderer.render(sheet, format: .table).contains("score"))
  }

  @Test func theHintNeverShowsTheSolution() throws {
    let (rows, _) = grade("@answer w1\nlink(X, _Y), link(_Y, Z), Z = c.\n@answer p1\nage(P, A), A > 35.\n")
    for result in rows.values {
      for text in [result.detail] + result.notes {
        for secret in ["secret_two", "link(X, Y), link(Y, Z)", "A > 28"] {
          #expect(!text.contains(secret), "\(text)")
        }
      }
    }
  }

  @Test func practiceCheckExplainsInTheLiveSessionAndShowsTheScore() {
    let practice = PracticeSession(
      set: ExerciseFixture.set(Self.exercises), environment: ExerciseFixture.environment(), store: nil)
    _ = practice.start()
    var text = ""
    // A rule typed at the practice prompt is part of the query the hint explains.
    for input in ["near(X, Z) :- link(X, _Y), link(_Y, Z), Z = c.", "near(X, Z).", ":check"] {
      practice.handle(input) { text += practice.render($0).stdout }
    }
    #expect(text.contains("Not yet: 1 missing, 0 extra."))
    #expect(text.contains("your query does not give X = b, Z = d: it fails at near(b, d)"))
    text = ""
    for input in [":next", "age(P, A), A > 20, P != ann.", ":check"] {
      practice.handle(input) { text += practice.render($0).stdout }
    }
    #expect(text.contains("Not yet: 1 missing, 1 extra (score 0.33)."), "\(text)")
  }
}
