import ValleyEngine
import ValleyExercises

/// What the exercise subcommands (`exercise`, `check`, `grade`) share: the knowledge each
/// exercise session starts with, and how problems with an exercise file are shown.
enum ExerciseSupport {
  /// Sessions start with the bundled knowledge base, or with nothing under `--empty`.
  static func environment(empty: Bool) -> ExerciseEnvironment {
    ExerciseEnvironment(
      base: empty
        ? .nothing : .folder(path: KnowledgeLocator.locate(), displayName: KnowledgeLocator.displayName))
  }

  /// Reads an exercise file. When it has structural errors, writes them as a student may see
  /// them (problems inside solutions are summarised, never shown) and returns nil.
  static func loadForStudents(_ path: String) -> ExerciseSet? {
    let set = ExerciseFileParser.load(path, loader: FileSystemLoader())
    guard set.hasErrors else { return set }
    let report = set.studentReport
    Terminal.write(
      stdout: "",
      stderr: DiagnosticReport(report.errors, sources: report.sources).rendered(color: Terminal.wantsColor)
        + "\n\(path): the exercise file has errors; run 'valley check \(path)' for details\n")
    return nil
  }
}

/// Reads lines from standard input that is not a terminal: no prompt, no echo, no editing.
struct PipedLineReader: LineReader {
  mutating func readLine(prompt: String) -> LineInput {
    guard let line = Swift.readLine(strippingNewline: true) else { return .end }
    return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
  }

  mutating func close() {}
}
