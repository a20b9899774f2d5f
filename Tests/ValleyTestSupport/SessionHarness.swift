import Testing
import ValleyEngine

/// Files held in memory, so tests load knowledge without touching the disk.
///
/// The contents can change between loads (to test reloading).
public final class MemoryFiles: @unchecked Sendable {
  /// The text of each file, by path.
  public var contents: [String: String]

  /// Files with the given texts.
  public init(_ contents: [String: String] = [:]) {
    self.contents = contents
  }
}

/// A ``SourceLoader`` over ``MemoryFiles``; a path is its own canonical form.
public struct MemoryLoader: SourceLoader {
  /// The files it reads.
  public let files: MemoryFiles

  /// A loader over `files`.
  public init(files: MemoryFiles) { self.files = files }

  /// The file's text as UTF-8, or `notFound`.
  public func read(_ path: String) -> Result<[UInt8], LoadFailure> {
    guard let text = files.contents[path] else { return .failure(.notFound) }
    return .success(Array(text.utf8))
  }

  /// The paths below `path` (relative to it), sorted, or nil when there are none.
  public func list(_ path: String) -> [String]? {
    let prefix = path.hasSuffix("/") ? path : path + "/"
    let names = files.contents.keys.filter { $0.hasPrefix(prefix) }.map {
      String($0.dropFirst(prefix.count))
    }
    return names.isEmpty ? nil : names.sorted()
  }

  /// `path` itself.
  public func canonical(_ path: String) -> String { path }
}

/// Thrown by the harness after it recorded an issue, to end the test.
public struct HarnessFailure: Error {}

extension Session {
  /// A session whose loader reads `files` from memory.
  public static func inMemory(_ files: [String: String] = [:]) -> (Session, MemoryFiles) {
    let storage = MemoryFiles(files)
    return (Session(loader: MemoryLoader(files: storage)), storage)
  }

  /// A session with `knowledge` loaded as `test.kb`; records an issue if loading fails.
  public static func loaded(
    _ knowledge: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> Session {
    let (session, _) = inMemory(["test.kb": knowledge])
    let outputs = session.loadKnowledgeFiles(["test.kb"])
    let errors = session.errors(in: outputs)
    if !errors.isEmpty {
      Issue.record(
        "loading failed:\n\(session.rendered(errors))\n--- knowledge ---\n\(knowledge)",
        sourceLocation: sourceLocation)
    }
    return session
  }

  /// Every diagnostic (errors and warnings) in `outputs`.
  public func diagnostics(in outputs: [Output]) -> [Diagnostic] {
    outputs.flatMap { output -> [Diagnostic] in
      if case .diagnostics(let list, _) = output { return list }
      return []
    }
  }

  /// The errors in `outputs`.
  public func errors(in outputs: [Output]) -> [Diagnostic] {
    diagnostics(in: outputs).filter { $0.severity == .error }
  }

  /// Runs `input` and returns its errors.
  public func errors(_ input: String) -> [Diagnostic] {
    errors(in: execute(input: input))
  }

  /// Runs `input` and records an issue if any statement failed.
  public func succeed(_ input: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let errors = errors(input)
    if !errors.isEmpty {
      Issue.record("'\(input)' failed:\n\(rendered(errors))", sourceLocation: sourceLocation)
    }
  }

  /// The answer table of the (last) query in `input`.
  public func table(_ input: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    -> AnswerTable
  {
    let outputs = execute(input: input)
    for output in outputs.reversed() {
      if case .answers(let table) = output { return table }
    }
    Issue.record(
      "'\(input)' gave no answers:\n\(rendered(diagnostics(in: outputs)))",
      sourceLocation: sourceLocation)
    throw HarnessFailure()
  }

  /// The answers of a query, one string per row.
  ///
  /// Each row is its values in source form joined by ", "; source form keeps `1`, `1.0` and
  /// `"1"` apart.
  public func answers(_ query: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    -> [String]
  {
    try table(query, sourceLocation: sourceLocation).rows.map {
      $0.map(ValueFormatter.source).joined(separator: ", ")
    }
  }

  /// Whether a query without named variables holds.
  public func holds(_ query: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    -> Bool
  {
    let table = try table(query, sourceLocation: sourceLocation)
    #expect(table.variables.isEmpty, "not a ground query: \(query)", sourceLocation: sourceLocation)
    return table.holds
  }

  /// The text a diagnostic's span covers.
  public func text(of span: SourceSpan?) -> String? {
    guard let span, let file = sources.file(span.file) else { return nil }
    return file.text(of: span)
  }

  /// Diagnostics rendered as the user would see them.
  public func rendered(_ diagnostics: [Diagnostic]) -> String {
    DiagnosticRenderer(sources: sources).render(diagnostics)
  }
}

/// What one statement produced, in a form that is easy to compare and safe to pass between
/// threads: the rows of its answers, or the codes of its errors.
public enum Outcome: Equatable, Sendable {
  case answers([String])
  case errors([String])
  case other
}

extension Session {
  /// The outcome of the last query or failure in `input`.
  ///
  /// It records no issues, so it can run on a thread of its own.
  public func outcome(_ input: String) -> Outcome {
    let outputs = execute(input: input)
    let errors = errors(in: outputs)
    if !errors.isEmpty { return .errors(errors.map(\.code)) }
    for output in outputs.reversed() {
      if case .answers(let table) = output {
        return .answers(table.rows.map { $0.map(ValueFormatter.source).joined(separator: ", ") })
      }
    }
    return .other
  }
}

/// Loads `knowledge` as `test.kb` into a fresh session and returns every diagnostic.
public func loadDiagnostics(_ knowledge: String) -> (session: Session, diagnostics: [Diagnostic]) {
  let (session, _) = Session.inMemory(["test.kb": knowledge])
  let outputs = session.loadKnowledgeFiles(["test.kb"])
  return (session, session.diagnostics(in: outputs))
}

extension Session {
  /// The 1-based line of a span's start.
  public func line(of span: SourceSpan?) -> Int? {
    guard let span, let file = sources.file(span.file) else { return nil }
    return file.location(of: span.start).line
  }
}

extension Session {
  /// The codes of the errors `input` reports.
  public func errorCodes(_ input: String) -> [String] {
    errors(input).map(\.code)
  }

  /// Runs `input` and returns everything it prints, as a user sees it in the table format
  /// (each output's standard output, then its standard error).
  public func printed(_ input: String) -> String {
    rendered(execute(input: input))
  }

  /// `outputs` as a user sees them in the table format.
  public func rendered(_ outputs: [Output]) -> String {
    let renderer = OutputRenderer(format: .table, sources: sources)
    return outputs.map { renderer.render($0) }.map { $0.stdout + $0.stderr }.joined()
  }

  /// The text messages `input` gives (not its answers or diagnostics), one a line.
  public func texts(_ input: String) -> String {
    execute(input: input).compactMap { output -> String? in
      if case .text(let text) = output { return text }
      return nil
    }.joined(separator: "\n")
  }

  /// What a user can see of the knowledge: its counts, every clause (`:list`) and every
  /// predicate (`:preds`). Equal snapshots before and after a failed statement show that it
  /// changed nothing.
  public func stateDump() -> String {
    let s = statistics
    return "\(s.facts) \(s.derived) \(s.rules) \(s.predicates)\n" + texts(":list") + texts(":preds")
  }
}

extension TemporaryFolder {
  /// A session over the real file system whose relative paths start in this folder.
  public func session() -> Session {
    let session = Session(loader: FileSystemLoader())
    session.workingDirectory = path
    return session
  }
}
