import Synchronization
import ValleyEngine

/// What every exercise session starts with, before the exercise's own `@knowledge`.
public enum BaseKnowledge: Sendable {
  /// Nothing (`--empty`).
  case nothing
  /// Every `*.kb` file of a folder, as the bundled knowledge base is loaded.
  case folder(path: String, displayName: String)
  /// Knowledge files, by path.
  case files([String])
}

/// How exercise sessions are made: the base knowledge, how files are read, and limits.
///
/// Every student answer and every solution runs in a fresh session made from this, so a
/// student's clauses never reach the base knowledge, another exercise or another student.
public struct ExerciseEnvironment: Sendable {
  /// The knowledge each session starts with.
  public var base: BaseKnowledge
  /// How files are read.
  public var loader: SourceLoader
  /// The limits of each session; lower than the prompt's, so a runaway answer fails fast.
  public var budget: EvaluationBudget
  /// The folder relative paths are read from (nil: the process's current folder).
  public var workingDirectory: String?

  /// Creates an environment. The default budget allows 2,000,000 derived facts and 30 seconds
  /// per statement.
  public init(
    base: BaseKnowledge, loader: SourceLoader = FileSystemLoader(),
    budget: EvaluationBudget = EvaluationBudget(maximumDerivedFacts: 2_000_000, timeLimit: 30),
    workingDirectory: String? = nil
  ) {
    self.base = base
    self.loader = loader
    self.budget = budget
    self.workingDirectory = workingDirectory
  }
}

/// Text held in memory under file names, for ``OverlayLoader``.
final class OverlayFiles: Sendable {
  private let texts = Mutex<[String: String]>([:])

  /// Sets (or replaces) the text of `path`.
  func set(_ path: String, _ text: String) {
    texts.withLock { $0[path] = text }
  }

  /// The text of `path`, if it is held here.
  func text(_ path: String) -> String? {
    texts.withLock { $0[path] }
  }
}

/// A ``SourceLoader`` that serves some paths from memory and the rest from another loader.
///
/// Exercise sessions load a student's clauses as a knowledge file held in memory, named after
/// the answer, so that the engine reports their errors at the answer's own lines and columns.
struct OverlayLoader: SourceLoader {
  let base: SourceLoader
  let files: OverlayFiles

  func read(_ path: String) -> Result<[UInt8], LoadFailure> {
    if let text = files.text(path) { return .success(Array(text.utf8)) }
    return base.read(path)
  }

  func list(_ path: String) -> [String]? { base.list(path) }

  /// Memory files are their own units, never the file on disk of the same name.
  func canonical(_ path: String) -> String {
    files.text(path) != nil ? "\u{0}memory:" + path : base.canonical(path)
  }
}
