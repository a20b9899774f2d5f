import ValleyEngine

/// One exercise of an exercise file (`@exercise ID "Title"` and the directives after it).
public struct Exercise: Sendable {
  /// The id (`b1`, `joins-2`): letters, digits, `_`, `-` and `.`.
  public var id: String
  /// The title shown with the prompt.
  public var title: String
  /// What the student is asked to do; several `@prompt` lines are joined by line breaks.
  public var prompt: String
  /// The hints, shown one at a time.
  public var hints: [String]
  /// Extra knowledge files for this exercise only, resolved against the exercise file's folder.
  public var knowledgeFiles: [String]
  /// Whether feedback may show examples of missing rows (`@reveal missing`).
  public var revealMissing: Bool
  /// Whether feedback on a wrong answer may explain one missing row: the row, and the first
  /// premise of the student's query that fails for it (`@reveal whynot`).
  public var revealWhyNot: Bool
  /// Whether a wrong answer earns part of the credit (`@credit partial`); see ``CheckResult/score``.
  public var partialCredit: Bool
  /// The reference statements. Never shown to a student.
  var solution: StatementBlock?
  /// The id on the `@exercise` line.
  public var idSpan: SourceSpan
  /// The `@solution` directive, if any.
  var solutionSpan: SourceSpan?
  /// Whether `@prompt` was given.
  var hasPrompt = false
  /// Whether the `@solution` block holds any statement (even one with errors).
  var solutionHasStatements = false

  /// Creates an exercise with no prompt, hints, knowledge or solution yet.
  init(id: String, title: String, idSpan: SourceSpan) {
    self.id = id
    self.title = title
    self.prompt = ""
    self.hints = []
    self.knowledgeFiles = []
    self.revealMissing = false
    self.revealWhyNot = false
    self.partialCredit = false
    self.idSpan = idSpan
  }

  /// Whether the exercise has a non-empty solution.
  public var hasSolution: Bool { solution.map { !$0.isEmpty } ?? false }
}

/// The exercises of one file, with the file's text and every problem found while reading it.
public struct ExerciseSet: Sendable {
  /// The file's name as given (shown in messages).
  public var name: String
  /// The exercises, in file order.
  public var exercises: [Exercise]
  /// The file's text, registered for diagnostics (nil when it could not be read).
  public var file: SourceFile?
  /// The files diagnostics point into.
  public var sources: SourceRegistry
  /// Problems with the file's structure (syntax of directives, missing prompts, ...).
  public var diagnostics: [Diagnostic]

  /// Whether the file has structural errors (warnings do not count).
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// The structural problems as a report.
  public var report: DiagnosticReport { DiagnosticReport(diagnostics, sources: sources) }

  /// The folder relative `@knowledge` paths resolve against.
  public var directory: String? { PathJoin.directory(of: name) }

  /// Whether any exercise of the set gives partial credit (grade sheets then show scores).
  public var givesPartialCredit: Bool { exercises.contains { $0.partialCredit } }

  /// The exercise with this id.
  public func exercise(_ id: String) -> Exercise? {
    exercises.first { $0.id == id }
  }

  /// The position of the exercise with this id.
  public func index(of id: String) -> Int? {
    exercises.firstIndex { $0.id == id }
  }

  /// Whether a diagnostic points into a solution block (such diagnostics are shown only to
  /// educators, by `valley check`, because their excerpt would show solution text).
  public func pointsIntoSolution(_ diagnostic: Diagnostic) -> Bool {
    guard let span = diagnostic.span, let file, span.file == file.id else { return false }
    return solutionRanges.contains { $0.start <= span.start && span.start < $0.end }
  }

  /// The byte ranges of the solution blocks, from the `@solution` directive to the block's end.
  var solutionRanges: [SourceSpan] = []

  /// The structural problems a student may see: those in solution blocks are replaced by
  /// one line per exercise that asks to run `valley check`.
  public var studentReport: DiagnosticReport {
    var shown: [Diagnostic] = []
    var hidden = Set<String>()
    for diagnostic in diagnostics {
      if pointsIntoSolution(diagnostic) {
        let owner = exercises.last { ($0.solutionSpan?.start ?? Int.max) <= (diagnostic.span?.start ?? 0) }
        let id = owner?.id ?? "?"
        if diagnostic.severity == .error, hidden.insert(id).inserted {
          shown.append(
            .error(
              ExerciseCode.solutionFails, "the solution of exercise \(id) has errors",
              at: owner?.idSpan, help: "run 'valley check \(name)' to see them"))
        }
      } else {
        shown.append(diagnostic)
      }
    }
    return DiagnosticReport(shown, sources: sources)
  }
}
