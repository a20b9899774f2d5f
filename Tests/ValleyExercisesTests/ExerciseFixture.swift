import Testing
import ValleyEngine
import ValleyTestSupport

@testable import ValleyExercises

/// A small exercise set over inline knowledge, held in memory, so the exercise tests do not
/// depend on the bundled knowledge base.
enum ExerciseFixture {
  /// The knowledge every fixture exercise adds with `@knowledge "small.kb"`.
  static let knowledge = """
    link(a, b).
    link(b, c).
    link(c, d).
    age(ann, 30).
    age(bob, 25).
    age(cid, 41).
    """

  /// Text that appears only in solutions; no output a student sees may contain it.
  static let secrets = ["secret_two", "link(X, Y), link(Y, Z)", "A > 28"]

  /// Three exercises: plain facts, a join with a helper rule (`@reveal missing`), a comparison.
  static let exercises = """
    % fixture
    @exercise e1 "Links"
    @prompt "List every link."
    @hint "Use link/2."
    @knowledge "small.kb"
    @solution
    link(X, Y).

    @exercise e2 "Two steps"
    @prompt "Which pairs are two links apart?"
    @hint "Join link with itself."
    @hint "Use a helper rule."
    @reveal missing
    @knowledge "small.kb"
    @solution
    secret_two(X, Z) :- link(X, Y), link(Y, Z).
    secret_two(X, Z).

    @exercise e3 "Older than 28"
    @prompt "Who is older than 28? Two columns: the person and the age."
    @hint "Compare the age."
    @knowledge "small.kb"
    @solution
    age(P, A), A > 28.
    """

  /// The exercise file's name.
  static let setName = "ex/set.q"

  /// The files the fixture reads, plus `extra`.
  static func files(_ extra: [String: String] = [:]) -> MemoryFiles {
    MemoryFiles(["ex/small.kb": knowledge, setName: exercises].merging(extra) { $1 })
  }

  /// An environment with nothing as base knowledge, reading `files`.
  static func environment(_ files: MemoryFiles = files()) -> ExerciseEnvironment {
    ExerciseEnvironment(base: .nothing, loader: MemoryLoader(files: files))
  }

  /// The fixture set, parsed; records an issue if it has problems.
  static func set(_ text: String = exercises, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> ExerciseSet
  {
    let set = ExerciseFileParser.parse(text: text, name: setName)
    if set.hasErrors {
      Issue.record("fixture set has errors:\n\(set.report.rendered())", sourceLocation: sourceLocation)
    }
    return set
  }

  /// Grades one answer file's text against the fixture set; returns the rows by exercise id.
  static func grade(_ answers: String, name: String = "alice.answers", set: ExerciseSet = set())
    -> (rows: [String: CheckResult], sheet: GradeSheet)
  {
    let sheet = Grader.grade(
      [AnswerFileParser.parse(text: answers, name: name)], against: set, environment: environment())
    var rows: [String: CheckResult] = [:]
    for row in sheet.rows { rows[row.exercise] = row.result }
    return (rows, sheet)
  }
}
