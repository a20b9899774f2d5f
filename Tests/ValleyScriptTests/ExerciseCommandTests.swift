import Foundation
import Testing
import ValleyEngine
import ValleyExercises
import ValleyTestSupport

/// End-to-end runs of `valley exercise`, `valley check` and `valley grade` with the built
/// binary: exit statuses, piped practice with saved progress, the bundled exercise sets and
/// their worked answers, and that no output ever shows a solution.
@Suite struct ExerciseCommandTests {
  /// An exercise set over inline knowledge; its solutions use text found nowhere else.
  static let exercises = """
    @exercise e1 "Links"
    @prompt "List every link."
    @hint "Use link/2."
    @knowledge "small.kb"
    @solution
    link(X, Y).

    @exercise e2 "Two steps"
    @prompt "Which pairs are two links apart?"
    @hint "Join link with itself."
    @reveal missing
    @knowledge "small.kb"
    @solution
    secret_helper(X, Z) :- link(X, Y), link(Y, Z).
    secret_helper(X, Z).
    """

  static let knowledge = "link(a, b).\nlink(b, c).\nlink(c, d).\n"

  /// Text that only the solutions hold.
  static let secrets = ["secret_helper", "link(X, Y), link(Y, Z)"]

  /// A folder with the set, its knowledge and `answers`, removed afterwards.
  private func workspace(_ answers: [String: String] = [:]) throws -> TemporaryFolder {
    try TemporaryFolder(["set.q": Self.exercises, "small.kb": Self.knowledge].merging(answers) { $1 })
  }

  @Test func checkPassesOnTheBundledExerciseSets() throws {
    let result = try ExerciseBinary.run(
      ["check", "Queries/exercises/beginner.q", "Queries/exercises/intermediate.q"],
      in: TestPackage.root)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("Queries/exercises/beginner.q: 10 exercises, no problems"))
    #expect(result.stdout.contains("Queries/exercises/intermediate.q: 10 exercises, no problems"))
  }

  @Test(arguments: ["beginner", "intermediate"])
  func teacherAnswersGradeAllCorrect(set: String) throws {
    let result = try ExerciseBinary.run(
      [
        "grade", "--format", "json", "--exercises", "Queries/exercises/\(set).q",
        "Queries/exercises/answers/\(set)-solutions.answers",
      ], in: TestPackage.root)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let rows = try ExerciseBinary.jsonLines(result.stdout)
    #expect(rows.count >= 8)
    for row in rows {
      #expect(row["result"] as? String == "correct", "\(row)")
      #expect(row["student"] as? String == "\(set)-solutions")
    }
  }

  @Test func wrongBundledAnswersAreCountedAndExitOne() throws {
    let scratch = try TemporaryFolder([
      "wrong.answers": "@answer b1\nfactor(F, limiting).\n@answer b2\nfactor(F, limiting).\n"
    ])
    let result = try ExerciseBinary.run(
      [
        "grade", "--format", "json", "--exercises",
        TestPackage.root + "/Queries/exercises/beginner.q", "wrong.answers",
      ], in: scratch.path)
    #expect(result.status == 1)
    let rows = try ExerciseBinary.jsonLines(result.stdout)
    let results = Dictionary(
      rows.compactMap { row in (row["exercise"] as? String).map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
    let b1 = try #require(results["b1"])
    #expect(b1["result"] as? String == "incorrect")
    let detail = try #require(b1["detail"] as? String)
    #expect(detail.range(of: #"^[1-9][0-9]* missing, [1-9][0-9]* extra$"#, options: .regularExpression) != nil)
    #expect(results["b2"]?["result"] as? String == "correct")
    #expect(results["b3"]?["result"] as? String == "missing")
  }

  @Test func gradeGivesCountsErrorsAndNotes() throws {
    let scratch = try workspace([
      "alice.answers": "@answer e1\nrev(Y, X) :- link(X, Y).\nrev(B, A).\n@answer e2\nlink(X, Y).\n",
      "bob.answers":
        "@answer e1\n% oops\nlink(X, Y\n\n@answer e2\n:assert two(X, Z) :- link(X, Y), lnk(Y, Z).\ntwo(A, B).\n",
    ])
    let result = try ExerciseBinary.run(
      ["grade", "--empty", "--exercises", "set.q", "alice.answers", "bob.answers"], in: scratch.path)
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        "alice    e1        correct    correct (same rows, columns in another order); accepted: the expected column order is A, B"
      ))
    #expect(
      result.stdout.contains("alice    e2        incorrect  2 missing, 3 extra; missing, for example: X = a, Y = c"))
    #expect(result.stdout.contains("bob      e1        error      bob.answers:3:10: error: unexpected end of input"))
    #expect(
      result.stdout.contains("bob      e2        error      bob.answers:6:34: error: unknown predicate 'lnk/2' [E202]"))
    #expect(result.stdout.contains("alice: 1 of 2 correct"))
    #expect(
      result.stderr.contains(
        "   6 |         two(X, Z) :- link(X, Y), lnk(Y, Z).\n     |                                  ^~~"))

    let json = try ExerciseBinary.run(
      ["grade", "--empty", "--format", "json", "--exercises", "set.q", "bob.answers"], in: scratch.path)
    let rows = try ExerciseBinary.jsonLines(json.stdout)
    let e2 = try #require(rows.last)
    #expect(e2["line"] as? Int == 6)
    #expect(e2["column"] as? Int == 34)
    #expect(json.stderr.isEmpty)

    let csv = try ExerciseBinary.run(
      ["grade", "--empty", "--format", "csv", "--exercises", "set.q", "alice.answers"], in: scratch.path)
    #expect(csv.stdout.hasPrefix("student,exercise,result,detail\r\n"))
  }

  @Test func allCorrectExitsZeroAndUsageErrorsExitTwo() throws {
    let scratch = try workspace([
      "good.answers": "@answer e1\nlink(P, Q).\n@answer e2\nt(A, C) :- link(A, B), link(B, C).\nt(P, Q).\n"
    ])
    let good = try ExerciseBinary.run(["grade", "--empty", "--exercises", "set.q", "good.answers"], in: scratch.path)
    #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
    for arguments in [
      ["grade", "good.answers"], ["grade", "--exercises", "set.q"],
      ["grade", "--format", "xml", "--exercises", "set.q", "good.answers"], ["check"],
    ] {
      let usage = try ExerciseBinary.run(arguments, in: scratch.path)
      #expect(usage.status == 2, "\(arguments)")
    }
  }

  @Test func brokenExerciseFileGivesErrorsWithLines() throws {
    let broken = """
      @exercise a "First"
      @hint "h"
      @promt "typo"
      @solution
      secret_broken(X).
      @exercise a "Again"
      @prompt "p"
      @solution
      nope(X) :- p(X).
      """
    let scratch = try TemporaryFolder(["broken.q": broken, "x.answers": "@answer a\np(X).\n"])
    let check = try ExerciseBinary.run(["check", "--empty", "broken.q"], in: scratch.path)
    #expect(check.status == 1)
    #expect(check.stdout.contains("broken.q: 2 exercises, "))
    #expect(check.stderr.contains("broken.q:1:11: error: exercise a has no @prompt [E606]"))
    #expect(check.stderr.contains("broken.q:3:1: error: unknown directive '@promt' [E602]"))
    #expect(check.stderr.contains("broken.q:6:11: error: exercise id 'a' is used twice [E605]"))
    #expect(check.stderr.contains("broken.q:9:1: error: a solution must end with a query, not a clause [E608]"))
    #expect(check.stderr.contains("broken.q:5:1: error: unknown predicate 'secret_broken/1' [E202]"))

    // Students never see the text of a broken solution.
    for arguments in [
      ["grade", "--empty", "--exercises", "broken.q", "x.answers"], ["exercise", "--empty", "broken.q"],
    ] {
      let result = try ExerciseBinary.run(arguments, in: scratch.path)
      #expect(result.status == 1)
      #expect(result.stderr.contains("broken.q:3:1: error: unknown directive '@promt' [E602]"))
      #expect(result.stderr.contains("run 'valley check broken.q'"))
      #expect(!result.stderr.contains("nope(X) :- p(X)"))
    }
  }

  @Test func practiceWithPipedInputSavesAndResumes() throws {
    let scratch = try workspace()
    let state = scratch.path + "/state"
    let first = try ExerciseBinary.run(
      ["exercise", "--empty", "set.q"], in: scratch.path, state: state,
      input: "link(X, Y), X = a.\n:check\nlink(X, Y).\n:check\n:next\n:hint\n")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("Exercise e1 (1 of 2): Links"))
    #expect(first.stdout.contains("Not yet: 2 missing, 0 extra."))
    #expect(first.stdout.contains("Correct! Exercise e1 is solved (1 of 2)."))
    #expect(first.stdout.contains("Hint 1 of 1: Join link with itself."))
    #expect(!first.stdout.contains("?-"))  // no prompt when input is not a terminal
    let files = try FileManager.default.contentsOfDirectory(atPath: state + "/valley/progress")
    #expect(files.count == 1)
    #expect(files.first?.hasPrefix("set-") == true)

    let second = try ExerciseBinary.run(
      ["exercise", "--empty", "set.q"], in: scratch.path, state: state,
      input: "two(X, Z) :- link(X, Y), link(Y, Z).\ntwo(A, B).\n:check\n:progress\n")
    #expect(second.stdout.contains("2 exercises, 1 solved. Resuming at exercise e2."))
    #expect(second.stdout.contains("asserted 1 rule"))
    #expect(second.stdout.contains("Correct! Exercise e2 is solved (2 of 2)."))
    #expect(second.stdout.contains("2 of 2 solved"))
  }

  @Test func noOutputEverShowsTheSolution() throws {
    let scratch = try workspace([
      "a.answers": "@answer e1\nsecret(X).\nlink(X, Y), X = b.\n@answer e2\nlink(X, Y).\n@answer e3\np.\n",
      "b.answers": "@answer e2\nlink(X, Y\n",
    ])
    var outputs: [String] = []
    for format in ["table", "csv", "json"] {
      let result = try ExerciseBinary.run(
        ["grade", "--empty", "--format", format, "--exercises", "set.q", "a.answers", "b.answers"], in: scratch.path)
      outputs.append(result.stdout + result.stderr)
    }
    let practice = try ExerciseBinary.run(
      ["exercise", "--empty", "set.q"], in: scratch.path, state: scratch.path + "/state",
      input: ":help\n:list\n:preds\nlink(X, Y), X = b.\n:check\n:hint\n:hint\n:next\nlink(X,Y).\n:check\n"
        + ":hint\n:hint\n:prompt\n:format json\nlink(X, Y).\n:check\n:progress\n:skip\n:goto e1\n:quit\n")
    outputs.append(practice.stdout + practice.stderr)
    #expect(practice.stdout.contains("Not yet: 2 missing, 3 extra."))
    for output in outputs {
      for secret in Self.secrets {
        #expect(!output.contains(secret), "solution text '\(secret)' in:\n\(output)")
      }
    }
  }
}

/// Runs the built `valley` binary in a folder, with piped input and its own state folder.
private enum ExerciseBinary {
  /// Runs valley with `arguments` in `folder`; `XDG_STATE_HOME` is `state` (a fresh folder by
  /// default), so progress never touches the user's own.
  static func run(_ arguments: [String], in folder: String, state: String? = nil, input: String = "") throws
    -> ProcessResult
  {
    let fresh = try TemporaryFolder()
    defer { fresh.remove() }
    return try ValleyProcess.run(
      arguments, standardInputText: input, directory: folder,
      environment: ["XDG_STATE_HOME": state ?? fresh.path])
  }

  /// Each line of JSON Lines output as an object.
  static func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
      try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
    }
  }
}
