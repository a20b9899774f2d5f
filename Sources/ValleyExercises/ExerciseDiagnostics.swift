import ValleyEngine

/// The stable diagnostic codes of exercise files, answer files and practice sessions.
///
/// Errors are `E6xx` and warnings `W6xx`; docs/exercises.md lists them. A code never changes
/// meaning once published.
public enum ExerciseCode {
  /// Text outside a `@solution` block that is not a directive or a comment.
  public static let unexpectedText = DiagnosticCode.E601
  /// An annotation that is not an exercise directive.
  public static let unknownDirective = DiagnosticCode.E602
  /// A directive before the first `@exercise`.
  public static let directiveOutsideExercise = DiagnosticCode.E603
  /// A directive's argument is missing or malformed.
  public static let badArgument = DiagnosticCode.E604
  /// Two exercises with the same id.
  public static let duplicateID = DiagnosticCode.E605
  /// An exercise without `@prompt`.
  public static let missingPrompt = DiagnosticCode.E606
  /// An exercise without `@solution`, or with an empty one.
  public static let missingSolution = DiagnosticCode.E607
  /// A solution or answer that does not end with a query.
  public static let noFinalQuery = DiagnosticCode.E608
  /// A query or command before the last statement of a solution or answer.
  public static let misplacedStatement = DiagnosticCode.E609
  /// The solution does not run (the engine's diagnostics follow).
  public static let solutionFails = DiagnosticCode.E610
  /// The solution runs but gives no answer.
  public static let emptySolution = DiagnosticCode.E611
  /// An exercise's `@knowledge` file does not load.
  public static let knowledgeFails = DiagnosticCode.E612
  /// A second `@solution` in one exercise.
  public static let secondSolution = DiagnosticCode.E613
  /// Text before the first `@answer` of an answer file.
  public static let textBeforeAnswer = DiagnosticCode.E614
  /// Two answers to the same exercise.
  public static let duplicateAnswer = DiagnosticCode.E615
  /// A command that practice does not allow (`:load`).
  public static let notWhilePractising = DiagnosticCode.E616
  /// An exercise id that the set does not have.
  public static let unknownExercise = DiagnosticCode.E617
  /// `:check` before any query.
  public static let nothingToCheck = DiagnosticCode.E618
  /// An exercise file without exercises.
  public static let noExercises = DiagnosticCode.E619
  /// An exercise without hints.
  public static let noHints = DiagnosticCode.W601
  /// An answer to an exercise the set does not have.
  public static let unknownAnswer = DiagnosticCode.W602
  /// Progress could not be saved; the previous progress file is kept.
  public static let progressNotSaved = DiagnosticCode.W603
  /// The progress file could not be read; practice starts over.
  public static let progressUnreadable = DiagnosticCode.W604
}

/// Diagnostics together with the source files they point into, so that they can be rendered
/// (with file, line, column and caret) after the session that produced them is gone.
public struct DiagnosticReport: Sendable {
  /// The diagnostics, in the order they should be shown.
  public var diagnostics: [Diagnostic]
  /// The files their spans point into.
  public var sources: SourceRegistry

  /// Creates a report.
  public init(_ diagnostics: [Diagnostic], sources: SourceRegistry) {
    self.diagnostics = diagnostics
    self.sources = sources
  }

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// The errors only.
  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

  /// The full rendering, as the engine renders diagnostics; ends without a newline.
  public func rendered(color: Bool = false) -> String {
    DiagnosticRenderer(sources: sources, color: color).render(diagnostics)
  }

  /// One `file:line:col: error: message [CODE]` line per diagnostic.
  public var headlines: [String] {
    let renderer = DiagnosticRenderer(sources: sources)
    return diagnostics.map(renderer.headline)
  }

  /// The line and column where a diagnostic points, if it points into a known file.
  public func location(of diagnostic: Diagnostic) -> SourceLocation? {
    guard let span = diagnostic.span, let file = sources.file(span.file) else { return nil }
    return file.location(of: span.start)
  }

  /// The diagnostics of `outputs`, with `sources`.
  static func of(_ outputs: [Output], sources: SourceRegistry) -> DiagnosticReport {
    DiagnosticReport(
      outputs.flatMap { output -> [Diagnostic] in
        if case .diagnostics(let list, _) = output { return list }
        return []
      }, sources: sources)
  }
}

extension Array where Element == Diagnostic {
  /// Sorted by file and position, errors before warnings at the same place.
  func inSourceOrder() -> [Diagnostic] {
    var log = DiagnosticLog()
    log.add(contentsOf: self)
    return log.sorted()
  }
}
