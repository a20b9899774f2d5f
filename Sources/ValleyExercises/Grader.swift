import ValleyEngine

/// One line of a grade sheet: one student's result on one exercise.
public struct GradeRow: Sendable {
  /// The student (the answer file's name without folder and extension).
  public var student: String
  /// The exercise id.
  public var exercise: String
  /// The verdict.
  public var result: CheckResult
}

/// Everything `valley grade` found.
public struct GradeSheet: Sendable {
  /// One row per student and exercise, students in the order given, exercises in file order.
  public var rows: [GradeRow]
  /// Problems with the answer files themselves (unreadable, text before the first `@answer`,
  /// answers to unknown exercises), each with the files it points into.
  public var fileProblems: [DiagnosticReport]
  /// Whether the set gives partial credit somewhere, so that the sheet shows scores.
  public var scored = false

  /// Whether every answer is correct.
  public var allCorrect: Bool {
    !rows.isEmpty && rows.allSatisfy { $0.result.status == .correct }
      && !fileProblems.contains { $0.hasErrors }
  }
}

/// Grades answer files against an exercise set (`valley grade`).
public enum Grader {
  /// Grades every sheet. Each answer runs in a fresh workspace, so one student's clauses never
  /// affect another student or another exercise. An exercise a sheet does not answer is
  /// `missing`; an answer to an exercise the set lacks is a warning (`W602`).
  public static func grade(_ sheets: [AnswerSheet], against set: ExerciseSet, environment: ExerciseEnvironment)
    -> GradeSheet
  {
    let checker = ExerciseChecker(set: set, environment: environment)
    var rows: [GradeRow] = []
    var problems: [DiagnosticReport] = []
    let names = studentNames(sheets)
    for (sheet, student) in zip(sheets, names) {
      var sheetProblems = sheet.diagnostics
      for answer in sheet.answers where set.exercise(answer.exerciseID) == nil {
        let suggestion = Suggestions.closest(to: answer.exerciseID, among: set.exercises.map(\.id))
        sheetProblems.append(
          .warning(
            ExerciseCode.unknownAnswer, "'\(set.name)' has no exercise '\(answer.exerciseID)'",
            at: answer.idSpan, help: suggestion.map { "did you mean '\($0)'?" } ?? "this answer is not graded"))
      }
      if !sheetProblems.isEmpty {
        problems.append(DiagnosticReport(sheetProblems.inSourceOrder(), sources: sheet.sources))
      }
      for exercise in set.exercises {
        let result: CheckResult
        let answers = sheet.answers(to: exercise.id)
        if let file = sheet.file, let answer = answers.first {
          if answers.count > 1 {
            let duplicate = Diagnostic.error(
              ExerciseCode.duplicateAnswer, "exercise \(exercise.id) is answered more than once",
              at: answers[1].idSpan, notes: [Diagnostic.Note("first answered here", at: answer.idSpan)],
              help: "keep one @answer \(exercise.id)")
            result = checker.failure(DiagnosticReport([duplicate], sources: sheet.sources))
          } else {
            result = checker.check(answer, in: file, sources: sheet.sources, for: exercise)
          }
        } else if sheet.file == nil {
          result = CheckResult(.error, "the answer file cannot be read")
        } else {
          result = CheckResult(.missing, "no answer")
        }
        rows.append(GradeRow(student: student, exercise: exercise.id, result: result.scored(for: exercise)))
      }
    }
    var sheet = GradeSheet(rows: rows, fileProblems: problems)
    sheet.scored = set.givesPartialCredit
    return sheet
  }

  /// The students' names: each file's name without folder and extension, or the path as
  /// given when two files would get the same name.
  static func studentNames(_ sheets: [AnswerSheet]) -> [String] {
    var counts: [String: Int] = [:]
    for sheet in sheets { counts[sheet.student, default: 0] += 1 }
    return sheets.map { (counts[$0.student] ?? 0) > 1 ? $0.name : $0.student }
  }
}
