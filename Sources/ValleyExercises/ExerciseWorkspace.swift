import ValleyEngine

/// A fresh session for one exercise: the base knowledge, the exercise's `@knowledge`, and
/// then whatever one student (or the solution) adds. Nothing added here reaches any other
/// workspace.
public final class ExerciseWorkspace {
  /// The session; queries and commands typed while practising run here.
  public let session: Session
  /// Problems loading the base or the exercise's knowledge (the workspace is then unusable).
  public let setupProblems: DiagnosticReport?
  private let files: OverlayFiles

  /// What running a block of statements produced.
  public enum BlockResult: Sendable {
    /// The final query's answers, and any warnings on the way.
    case answers(AnswerTable, warnings: DiagnosticReport?)
    /// The errors that stopped it (the student's or the solution's own text).
    case failed(DiagnosticReport)
  }

  /// Makes the session for `exercise` in `environment`.
  public init(exercise: Exercise, environment: ExerciseEnvironment) {
    files = OverlayFiles()
    session = Session(loader: OverlayLoader(base: environment.loader, files: files))
    session.budget = environment.budget
    session.workingDirectory = environment.workingDirectory
    var outputs: [Output] = []
    switch environment.base {
    case .nothing: break
    case .folder(let path, let displayName):
      outputs += session.loadKnowledgeDirectory(path, displayName: displayName)
    case .files(let paths):
      outputs += session.loadKnowledgeFiles(paths)
    }
    if !outputs.contains(where: \.isError), !exercise.knowledgeFiles.isEmpty {
      outputs += session.loadKnowledgeFiles(exercise.knowledgeFiles)
    }
    let report = DiagnosticReport.of(outputs, sources: session.sources)
    setupProblems = report.hasErrors ? DiagnosticReport(report.errors, sources: report.sources) : nil
  }

  /// Makes a workspace that starts from `snapshot`: the knowledge another workspace for the
  /// same exercise had loaded (see ``template``), shared copy-on-write instead of loaded again.
  public init(snapshot: KnowledgeSnapshot, environment: ExerciseEnvironment) {
    files = OverlayFiles()
    session = Session(from: snapshot, loader: OverlayLoader(base: environment.loader, files: files))
    session.budget = environment.budget
    session.workingDirectory = environment.workingDirectory
    setupProblems = nil
  }

  /// The loaded knowledge of a fresh workspace, for ``init(snapshot:environment:)``; nil
  /// when the knowledge did not load or something was added.
  public var template: KnowledgeSnapshot? {
    setupProblems == nil ? session.snapshot() : nil
  }

  /// Adds clauses written in `text` (a masked copy of a file, see ``StatementBlock``) under the
  /// file name `name`, all or nothing; returns what loading said (diagnostics only).
  public func addClauses(_ text: String, name: String) -> [Output] {
    files.set(PathJoin.resolve(name, against: session.workingDirectory), text)
    return session.loadKnowledgeFiles([name]).filter {
      if case .diagnostics = $0 { return true }
      return false
    }
  }

  /// Runs script text named `name` (a masked query, or a line typed while practising).
  public func run(_ text: String, name: String) -> [Output] {
    var outputs: [Output] = []
    session.runScript(text: text, name: name, directory: PathJoin.directory(of: name)) {
      outputs.append($0)
    }
    return outputs
  }

  /// Runs a block's clauses and then its query; both are named `name` in diagnostics.
  public func run(_ block: StatementBlock, in file: SourceFile, name: String) -> BlockResult {
    var warnings: [Diagnostic] = []
    if let clauses = block.clauseText(in: file) {
      let report = DiagnosticReport.of(addClauses(clauses, name: name), sources: session.sources)
      if report.hasErrors { return .failed(report) }
      warnings += report.diagnostics
    }
    guard let query = block.queryText(in: file) else {
      return .failed(DiagnosticReport([], sources: session.sources))
    }
    let outputs = run(query, name: name)
    let report = DiagnosticReport.of(outputs, sources: session.sources)
    if report.hasErrors { return .failed(report) }
    warnings += report.diagnostics
    for output in outputs {
      if case .answers(let table) = output {
        return .answers(
          table, warnings: warnings.isEmpty ? nil : DiagnosticReport(warnings, sources: session.sources))
      }
    }
    return .failed(DiagnosticReport([], sources: session.sources))
  }
}
