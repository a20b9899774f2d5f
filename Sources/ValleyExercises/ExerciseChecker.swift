import Synchronization
import ValleyEngine

/// Checks answers against an exercise set's solutions.
///
/// Each solution runs once, in a workspace of its own, and its answers are kept for every
/// answer checked after. Each answer runs in a fresh workspace too, made from the exercise's
/// loaded knowledge, which is kept after the first time.
///
/// A checker may be used from several threads at once (a classroom server checks many
/// students' answers at the same time): what it keeps is behind a lock, and the answers
/// themselves run outside it.
public final class ExerciseChecker: @unchecked Sendable {
  /// The exercises.
  public let set: ExerciseSet
  /// How workspaces are made.
  public let environment: ExerciseEnvironment
  /// What the checker keeps, by exercise id: expected answers; each exercise's loaded
  /// knowledge (base and `@knowledge`), so that every answer starts from it instead of loading
  /// the files again; warnings from solutions that ran.
  private struct Kept {
    var expected: [String: Result<AnswerTable, SolutionFailure>] = [:]
    var templates: [String: KnowledgeSnapshot] = [:]
    var solutionWarnings: [String: DiagnosticReport] = [:]
  }
  private let kept = Mutex(Kept())

  /// Warnings from solutions that ran (a singleton variable, say), by exercise id; for
  /// educators only.
  public var solutionWarnings: [String: DiagnosticReport] { kept.withLock { $0.solutionWarnings } }

  /// Why a solution gives nothing to compare with. Shown only to educators (`valley check`):
  /// the report's excerpts may show solution text.
  public struct SolutionFailure: Error, Sendable {
    /// The problem, for educators.
    public var report: DiagnosticReport
    /// One line for students, without solution text.
    public var summary: String
    /// What failed.
    public var kind: Kind

    /// What failed.
    public enum Kind: Sendable {
      /// The base knowledge or the exercise's `@knowledge` did not load.
      case knowledge
      /// The solution is missing or does not run.
      case solution
      /// The solution runs but gives no answer.
      case empty
    }
  }

  /// Creates a checker for `set`.
  public init(set: ExerciseSet, environment: ExerciseEnvironment) {
    self.set = set
    self.environment = environment
  }

  /// The solution's answers for `exercise`, computed once. A solution that does not run or
  /// that gives no answer is a failure.
  public func expectedAnswers(for exercise: Exercise) -> Result<AnswerTable, SolutionFailure> {
    if let known = kept.withLock({ $0.expected[exercise.id] }) { return known }
    // Two threads may both run a new solution; they get the same answers, and one is kept.
    let result = runSolution(exercise)
    kept.withLock { $0.expected[exercise.id] = $0.expected[exercise.id] ?? result }
    return result
  }

  private func runSolution(_ exercise: Exercise) -> Result<AnswerTable, SolutionFailure> {
    let summary =
      "exercise \(exercise.id) cannot be checked: its solution does not run (run 'valley check \(set.name)')"
    guard let solution = exercise.solution, solution.query != nil, let file = set.file else {
      return .failure(
        SolutionFailure(report: DiagnosticReport([], sources: set.sources), summary: summary, kind: .solution))
    }
    let workspace = self.workspace(for: exercise)
    if let problems = workspace.setupProblems {
      return .failure(
        SolutionFailure(
          report: problems, summary: "exercise \(exercise.id) cannot be checked: its knowledge does not load",
          kind: .knowledge))
    }
    switch workspace.run(solution, in: file, name: set.name) {
    case .failed(let report):
      return .failure(SolutionFailure(report: report, summary: summary, kind: .solution))
    case .answers(let table, let warnings):
      if let warnings { kept.withLock { $0.solutionWarnings[exercise.id] = warnings } }
      if table.rows.isEmpty {
        let empty = Diagnostic.error(
          ExerciseCode.emptySolution, "the solution of exercise \(exercise.id) gives no answer",
          at: solution.query, help: "a solution must give at least one row (or hold, for a query without variables)")
        return .failure(
          SolutionFailure(report: DiagnosticReport([empty], sources: set.sources), summary: summary, kind: .empty))
      }
      return .success(table)
    }
  }

  /// A fresh workspace for `exercise`: from its kept knowledge when it loaded before, else
  /// loaded from the files (and kept when it loads).
  func workspace(for exercise: Exercise) -> ExerciseWorkspace {
    if let template = kept.withLock({ $0.templates[exercise.id] }) {
      return ExerciseWorkspace(snapshot: template, environment: environment)
    }
    let workspace = ExerciseWorkspace(exercise: exercise, environment: environment)
    if let template = workspace.template {
      kept.withLock { $0.templates[exercise.id] = $0.templates[exercise.id] ?? template }
    }
    return workspace
  }

  /// Checks the student's answers `table` for `exercise`.
  public func check(_ table: AnswerTable, for exercise: Exercise) -> CheckResult {
    switch expectedAnswers(for: exercise) {
    case .failure(let failure):
      return CheckResult(.error, failure.summary)
    case .success(let wanted):
      return CheckResult.from(
        AnswerComparison.compare(student: table, expected: wanted), student: table, expected: wanted,
        for: exercise)
    }
  }

  /// Checks the answers `table` of the query `queryText`, which ran in `session`; under
  /// `@reveal whynot`, a wrong answer's feedback also explains one missing row in that session.
  public func check(_ table: AnswerTable, of queryText: String, in session: Session, for exercise: Exercise)
    -> CheckResult
  {
    var result = check(table, for: exercise)
    if let row = result.missingExample {
      result.notes += WhyNotHint.lines(
        query: queryText, row: row, variables: table.variables, session: session)
    }
    return result
  }

  /// Checks one answer from an answer file, in a fresh workspace.
  public func check(_ answer: Answer, in file: SourceFile, sources: SourceRegistry, for exercise: Exercise)
    -> CheckResult
  {
    if !answer.diagnostics.isEmpty {
      return failure(DiagnosticReport(answer.diagnostics, sources: sources))
    }
    guard answer.block.query != nil else {
      return CheckResult(.missing, "empty answer")
    }
    if case .failure(let failure) = expectedAnswers(for: exercise) {
      return CheckResult(.error, failure.summary)
    }
    let workspace = self.workspace(for: exercise)
    if workspace.setupProblems != nil {
      return CheckResult(.error, "exercise \(exercise.id) cannot be checked: its knowledge does not load")
    }
    switch workspace.run(answer.block, in: file, name: file.name) {
    case .failed(let report):
      return failure(report)
    case .answers(let table, _):
      return check(table, of: answer.block.queryText(in: file) ?? "", in: workspace.session, for: exercise)
    }
  }

  /// An error result whose detail is the first error's headline.
  func failure(_ report: DiagnosticReport) -> CheckResult {
    let errors = DiagnosticReport(report.errors, sources: report.sources)
    let detail = errors.headlines.first ?? "the answer does not run"
    let more = errors.diagnostics.count > 1 ? ["and \(errors.diagnostics.count - 1) more error(s)"] : []
    return CheckResult(.error, detail, notes: more, report: errors)
  }
}
