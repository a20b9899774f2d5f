import ValleyEngine

/// Writes a knowledge base as a Soufflé program (stub).
struct SouffleWriter {
  let snapshot: KnowledgeSnapshot
  let kinds: [[KindSet]]

  func write(header: [String]) -> Result<String, ExportFailure> {
    .success(header.map { "// " + $0 }.joined(separator: "\n") + "\n")
  }
}
