import Foundation
import ValleyEngine
import ValleyExercises

/// The exercise sets a server was started with, graded as `valley grade` grades, with every
/// attempt recorded in the ``ProgressDatabase``.
///
/// Solutions and expected answers stay here: what leaves is the exercise's id, title, prompt
/// and hints, and a verdict whose feedback is written from counts and the student's own rows.
final class ExerciseRoom: @unchecked Sendable {
  /// One set and its checker (which many checks may use at once).
  struct Room {
    var id: String
    var set: ExerciseSet
    var checker: ExerciseChecker
  }

  /// Why the exercises cannot be served.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  let rooms: [Room]
  let database: ProgressDatabase

  /// Loads the exercise files and checks that every solution runs; `base` is the knowledge
  /// each exercise session starts from.
  init(files: [String], base: BaseKnowledge, database: ProgressDatabase) throws(Failure) {
    var rooms: [Room] = []
    let environment = ExerciseEnvironment(base: base)
    for path in files {
      let set = ExerciseFileParser.load(path, loader: FileSystemLoader())
      if set.hasErrors {
        throw Failure(description: set.report.rendered())
      }
      let checker = ExerciseChecker(set: set, environment: environment)
      for exercise in set.exercises {
        if case .failure(let failure) = checker.expectedAnswers(for: exercise) {
          throw Failure(description: failure.summary + "\n" + failure.report.rendered())
        }
      }
      var id = Self.setID(for: path)
      while rooms.contains(where: { $0.id == id }) { id += "_" }
      rooms.append(Room(id: id, set: set, checker: checker))
    }
    self.rooms = rooms
    self.database = database
  }

  /// The set's id: its file name without folder and extension.
  static func setID(for path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    return name.hasSuffix(".q") ? String(name.dropLast(2)) : name
  }

  /// `{"sets": [...]}`: ids, titles, prompts and hints; never a solution.
  func catalogueJSON() -> String {
    let sets = rooms.map { room in
      let exercises = room.set.exercises.map { exercise in
        JSON.object([
          ("id", JSON.string(exercise.id)), ("title", JSON.string(exercise.title)),
          ("prompt", JSON.string(exercise.prompt)),
          ("hints", "[" + exercise.hints.map(JSON.string).joined(separator: ", ") + "]"),
          ("partial_credit", exercise.partialCredit ? "true" : "false"),
        ])
      }
      return JSON.object([
        ("id", JSON.string(room.id)), ("title", JSON.string(room.id)),
        ("exercises", "[" + exercises.joined(separator: ", ") + "]"),
      ])
    }
    return JSON.object([("sets", "[" + sets.joined(separator: ", ") + "]")])
  }

  /// Whether the set and exercise exist.
  func exists(set: String, exercise: String) -> Bool {
    rooms.first { $0.id == set }?.set.exercise(exercise) != nil
  }

  /// Grades `answer` (statements as typed at the prompt) for `student`, records the attempt
  /// and returns the verdict and its feedback. Runs on an evaluation thread.
  func check(student: String, set setID: String, exercise id: String, answer: String) throws(ProgressDatabase.Failure)
    -> Verdict
  {
    guard let room = rooms.first(where: { $0.id == setID }), let exercise = room.set.exercise(id) else {
      return Verdict(correct: false, feedback: "no such exercise", score: nil)
    }
    let sheet = AnswerFileParser.parse(text: "@answer \(id)\n" + answer, name: "answer")
    let result: CheckResult
    if let file = sheet.file, let parsed = sheet.answers.first {
      result = room.checker.check(parsed, in: file, sources: sheet.sources, for: exercise)
    } else {
      result = CheckResult(.missing, "empty answer")
    }
    let correct = result.status == .correct
    let score = result.scored(for: exercise).score.map(CheckResult.hundredths)
    try database.record(student: student, set: setID, exercise: id, correct: correct, score: score, at: Date())
    return Verdict(correct: correct, feedback: Self.feedback(result), score: score)
  }

  /// What a check answers: the verdict, its feedback, and the score in hundredths when the
  /// exercise gives partial credit.
  struct Verdict: Sendable {
    var correct: Bool
    var feedback: String
    var score: Int?
  }

  /// Whether any exercise gives partial credit (the teacher's views then show scores).
  var givesPartialCredit: Bool { rooms.contains { $0.set.givesPartialCredit } }

  /// The verdict for a person: the detail line, the notes, and the errors of the answer.
  static func feedback(_ result: CheckResult) -> String {
    var lines: [String]
    switch result.status {
    case .correct: lines = ["Correct."]
    case .incorrect: lines = ["Not yet: \(result.detail)\(result.scoreText.map { " (score \($0))" } ?? "")."]
    case .error: lines = ["Your answer does not run: \(result.detail)"]
    case .missing: lines = ["There is no answer yet: end your statements with a query."]
    }
    lines += result.notes
    return lines.joined(separator: "\n")
  }
}
