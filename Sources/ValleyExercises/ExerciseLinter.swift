import ValleyEngine

/// What `valley check` finds in one exercise file.
public struct LintReport: Sendable {
  /// The file's name.
  public var name: String
  /// The number of exercises read.
  public var exerciseCount: Int
  /// Every problem, in file order; each report carries the files it points into.
  public var reports: [DiagnosticReport]

  /// The number of errors.
  public var errorCount: Int { reports.reduce(0) { $0 + $1.errors.count } }
  /// The number of warnings.
  public var warningCount: Int {
    reports.reduce(0) { $0 + $1.diagnostics.filter { $0.severity == .warning }.count }
  }

  /// One line for people: `FILE: 8 exercises, no problems`.
  public var summary: String {
    let exercises = exerciseCount == 1 ? "1 exercise" : "\(exerciseCount) exercises"
    if errorCount == 0 && warningCount == 0 { return "\(name): \(exercises), no problems" }
    var parts: [String] = []
    if errorCount > 0 { parts.append(errorCount == 1 ? "1 error" : "\(errorCount) errors") }
    if warningCount > 0 { parts.append(warningCount == 1 ? "1 warning" : "\(warningCount) warnings") }
    return "\(name): \(exercises), " + parts.joined(separator: ", ")
  }
}

/// Checks an exercise file for educators (`valley check`): it parses, ids are unique, every
/// exercise has a prompt and a solution (and, preferably, hints), every `@knowledge` file
/// loads, and every solution runs and gives a non-empty answer.
///
/// Its reports may show solution text; they are meant for the people who wrote it.
public enum ExerciseLinter {
  /// Checks `set` in `environment`.
  public static func check(_ set: ExerciseSet, environment: ExerciseEnvironment) -> LintReport {
    var reports: [DiagnosticReport] = []
    if !set.diagnostics.isEmpty { reports.append(set.report) }
    let checker = ExerciseChecker(set: set, environment: environment)
    for (index, exercise) in set.exercises.enumerated() where exercise.hasSolution {
      let structural = set.diagnostics.contains {
        $0.severity == .error && set.pointsIntoSolution($0) && owner(of: $0, in: set) == index
      }
      if structural { continue }
      guard case .failure(let failure) = checker.expectedAnswers(for: exercise) else {
        if let warnings = checker.solutionWarnings[exercise.id] { reports.append(warnings) }
        continue
      }
      switch failure.kind {
      case .empty:
        break
      case .knowledge:
        reports.append(
          DiagnosticReport(
            [
              .error(
                ExerciseCode.knowledgeFails, "the knowledge of exercise \(exercise.id) does not load",
                at: exercise.idSpan, help: "fix the knowledge; its errors follow")
            ],
            sources: set.sources))
      case .solution:
        reports.append(
          DiagnosticReport(
            [
              .error(
                ExerciseCode.solutionFails, "the solution of exercise \(exercise.id) does not run",
                at: exercise.solutionSpan ?? exercise.idSpan, help: "fix the solution; its errors follow")
            ],
            sources: set.sources))
      }
      reports.append(failure.report)
    }
    return LintReport(name: set.name, exerciseCount: set.exercises.count, reports: reports)
  }

  /// The position of the exercise whose solution block holds a diagnostic.
  private static func owner(of diagnostic: Diagnostic, in set: ExerciseSet) -> Int? {
    guard let start = diagnostic.span?.start else { return nil }
    return set.exercises.lastIndex { ($0.solutionSpan?.start ?? Int.max) <= start }
  }
}
