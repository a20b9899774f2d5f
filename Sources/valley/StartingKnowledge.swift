import ValleyEngine

/// What a new session holds before its first statement.
enum StartingKnowledge {
  /// The bundled knowledge base (`Knowledge/`), from its image when there is one
  /// (``ImageCache``).
  case bundled
  /// Knowledge files named on the command line, instead of the bundled ones.
  case files([String])
  /// Nothing (`--empty`).
  case nothing

  /// The knowledge chosen by the command line: files when any are named, else the bundled
  /// knowledge base unless `empty`.
  init(files: [String], empty: Bool) {
    if !files.isEmpty {
      self = .files(files)
    } else {
      self = empty ? .nothing : .bundled
    }
  }

  /// Loads this knowledge into `session`, all or nothing, and returns what loading said.
  func load(into session: Session) -> [Output] {
    switch self {
    case .bundled:
      return session.loadKnowledgeDirectory(
        KnowledgeLocator.locate(), displayName: KnowledgeLocator.displayName, images: ImageCache.store())
    case .files(let paths):
      return session.loadKnowledgeFiles(paths)
    case .nothing:
      return []
    }
  }
}
