import Foundation
import Glibc
import Testing
import ValleyEngine

// Helpers shared by RobustnessTests and FileRobustnessTests.

/// A scratch folder, removed when the value goes away.
final class RobustnessScratch {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("valley-robust-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    // Restore permissions so the folder can be removed.
    if let names = try? FileManager.default.subpathsOfDirectory(atPath: url.path) {
      for name in names { chmod(url.appendingPathComponent(name).path, 0o755) }
    }
    try? FileManager.default.removeItem(at: url)
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: url.appendingPathComponent(name))
  }

  func write(_ name: String, bytes: [UInt8]) throws {
    try Data(bytes).write(to: url.appendingPathComponent(name))
  }

  /// The folder's entries, sorted.
  func entries() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
  }

  /// A session over the real file system whose relative paths start in this folder.
  func session() -> Session {
    let session = Session(loader: FileSystemLoader())
    session.workingDirectory = url.path
    return session
  }
}

extension Session {
  /// What the user can see of the knowledge: counts, every clause and every predicate.
  func snapshot() -> String {
    let s = statistics
    return "\(s.facts) \(s.derived) \(s.rules) \(s.predicates)\n" + texts(":list") + texts(":preds")
  }

  /// The text messages of `input`.
  func texts(_ input: String) -> String {
    execute(input: input).compactMap { output -> String? in
      if case .text(let text) = output { return text }
      return nil
    }.joined(separator: "\n")
  }

  /// The codes of the errors `input` reports.
  func errorCodes(_ input: String) -> [String] {
    execute(input: input).flatMap { output -> [String] in
      if case .diagnostics(let list, _) = output { return list.filter { $0.severity == .error }.map(\.code) }
      return []
    }
  }

  /// Everything `input` prints, diagnostics rendered as a user sees them.
  func renderedErrors(_ input: String) -> String {
    render(execute(input: input))
  }

  func render(_ outputs: [Output]) -> String {
    let renderer = OutputRenderer(format: .table, sources: sources)
    return outputs.map { renderer.render($0) }.map { $0.stdout + $0.stderr }.joined()
  }

  func expectNoErrors(_ input: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let outputs = execute(input: input)
    if outputs.contains(where: \.isError) {
      Issue.record("'\(input.prefix(200))' failed:\n\(render(outputs).prefix(2000))", sourceLocation: sourceLocation)
      throw RobustnessFailure()
    }
  }

  /// The answers of the last query of `input`, each row as source text.
  func answers(_ input: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [[String]] {
    let outputs = execute(input: input)
    for output in outputs.reversed() {
      if case .answers(let table) = output { return table.rows.map { $0.map(ValueFormatter.source) } }
    }
    Issue.record("'\(input.prefix(200))' gave no answers:\n\(render(outputs).prefix(2000))", sourceLocation: sourceLocation)
    throw RobustnessFailure()
  }
}

struct RobustnessFailure: Error {}
