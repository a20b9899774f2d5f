import Foundation
import Testing
import ValleyEngine
import ValleyTestSupport

@testable import ValleyExercises

/// Practice at the prompt: queries, rules, :check, hints, moving on, saved progress.
@Suite struct ExercisePracticeTests {
  /// A practice session over the fixture, its progress kept in `folder` (or not at all).
  private func practice(folder: String?) -> PracticeSession {
    PracticeSession(
      set: ExerciseFixture.set(), environment: ExerciseFixture.environment(),
      store: folder.map { ProgressStore(folder: $0, exerciseFile: ExerciseFixture.setName) })
  }

  /// Everything the session prints for `inputs` (one chunk each), standard output and error.
  private func transcript(_ practice: PracticeSession, _ inputs: [String]) -> String {
    var text = ""
    for input in inputs {
      practice.handle(input) { output in
        let rendered = practice.render(output)
        text += rendered.stdout + rendered.stderr
      }
    }
    return text
  }

  @Test func startShowsTheFirstExercise() {
    let session = practice(folder: nil)
    let text = session.start().map { session.render($0).stdout }.joined()
    #expect(text.contains("Exercises from ex/set.q: 3 exercises, 0 solved."))
    #expect(text.contains("Exercise e1 (1 of 3): Links\n  List every link."))
    #expect(text.contains("(1 hint available: type :hint.)"))
  }

  @Test func checkComparesTheLastQuery() {
    let session = practice(folder: nil)
    _ = session.start()
    let text = transcript(session, [":check", "link(X, Y), X = a.", ":check", "link(X, Y).", ":check"])
    #expect(text.contains("there is no query to check yet [E618]"))
    #expect(text.contains("Not yet: 2 missing, 0 extra."))
    #expect(text.contains("Correct! Exercise e1 is solved (1 of 3)."))
    #expect(session.progress.status("e1") == .solved)
  }

  @Test func rulesTypedPlainlyAreAddedWithTheirColumns() {
    let session = practice(folder: nil)
    _ = session.start()
    let text = transcript(
      session,
      [":goto e2", "two(X, Z) :- link(X, Y), link(Y, Z).", "two(A, B).", ":check", "bad(X) :- lnk(X, Y).", "p(a) :- "])
    #expect(text.contains("asserted 1 rule"))
    #expect(text.contains("Correct! Exercise e2 is solved"))
    #expect(text.contains("<input:5>:1:11: error: unknown predicate 'lnk/2' [E202]"))
  }

  @Test func hintsComeOneAtATime() {
    let session = practice(folder: nil)
    _ = session.start()
    let text = transcript(session, [":goto e2", ":hint", ":hint", ":hint"])
    #expect(text.contains("Hint 1 of 2: Join link with itself."))
    #expect(text.contains("Hint 2 of 2: Use a helper rule."))
    #expect(text.contains("No more hints: you have seen all 2."))
    #expect(session.progress.hintsShown["e2"] == 2)
  }

  @Test func skipNextGotoAndProgress() {
    let session = practice(folder: nil)
    _ = session.start()
    let text = transcript(session, [":skip", ":next", ":next", ":goto e9", ":progress"])
    #expect(text.contains("Exercise e2 (2 of 3): Two steps"))
    #expect(text.contains("Exercise e3 (3 of 3): Older than 28"))
    #expect(text.contains("This is the last exercise. Not solved yet: e1, e2, e3"))
    #expect(text.contains("there is no exercise 'e9' [E617]"))
    #expect(text.contains("e1        Links          skipped"))
    #expect(text.contains("e3        Older than 28  open (current)"))
    #expect(text.contains("0 of 3 solved"))
  }

  @Test func clausesDoNotCarryOverToTheNextExercise() {
    let session = practice(folder: nil)
    _ = session.start()
    let text = transcript(session, [":assert extra(1).", "extra(X).", ":next", "extra(X)."])
    #expect(text.contains("1 answer"))
    #expect(text.contains("unknown predicate 'extra/1' [E202]"))
  }

  @Test func loadIsRefusedAndQuitStops() {
    let session = practice(folder: nil)
    _ = session.start()
    var outputs: [Output] = []
    session.handle(":load \"ex/set.q\"\n:quit\nlink(X, Y).") { outputs.append($0) }
    let text = outputs.map { session.render($0).stderr }.joined()
    #expect(text.contains("':load' is not available while practising [E616]"))
    guard case .quit? = outputs.last else {
      Issue.record("expected :quit to end the chunk")
      return
    }
  }

  @Test func progressIsSavedAndResumed() throws {
    let scratch = try TemporaryFolder()
    defer { scratch.remove() }
    let folder = scratch.path
    let first = practice(folder: folder)
    _ = first.start()
    _ = transcript(first, ["link(X, Y).", ":check", ":next", ":hint"])
    let second = practice(folder: folder)
    #expect(second.current.id == "e2")
    #expect(second.progress.status("e1") == .solved)
    #expect(second.progress.hintsShown["e2"] == 1)
    let text = second.start().map { second.render($0).stdout }.joined()
    #expect(text.contains("3 exercises, 1 solved. Resuming at exercise e2."))
  }

  @Test func failedSaveWarnsAndKeepsTheOldFile() throws {
    let scratch = try TemporaryFolder()
    defer { scratch.remove() }
    let folder = scratch.path
    let session = practice(folder: folder)
    _ = session.start()
    let store = ProgressStore(folder: folder, exerciseFile: ExerciseFixture.setName)
    let before = try String(contentsOfFile: store.path, encoding: .utf8)
    try FileManager.default.createDirectory(atPath: store.path + ".tmp", withIntermediateDirectories: false)
    let text = transcript(session, [":hint"])
    #expect(text.contains("your progress was not saved"))
    #expect(text.contains("the previous progress file is kept [W603]"))
    #expect(try String(contentsOfFile: store.path, encoding: .utf8) == before)
  }

  @Test func theSolutionNeverAppears() {
    let session = practice(folder: nil)
    var text = session.start().map {
      let r = session.render($0)
      return r.stdout + r.stderr
    }.joined()
    text += transcript(
      session,
      [
        ":help", ":list", ":preds", "link(X, Y).", ":check", ":next", ":hint", ":hint", ":hint", "link(X, Y).",
        ":check", ":prompt", ":progress", ":next", "age(P, A).", ":check", ":format json",
        "age(P, A).", ":check",
      ])
    for secret in ExerciseFixture.secrets {
      #expect(!text.contains(secret), "practice shows solution text '\(secret)'")
    }
    #expect(text.contains("Not yet: 2 missing, 3 extra."))
    #expect(text.contains("Not yet: 0 missing, 1 extra."))
  }
}
