extension Session {
  typealias FileToLoad = KnowledgeLoader.File

  /// Loads every `*.kb` file of a folder (sorted by name) as one all-or-nothing unit.
  ///
  /// With `images`, a fresh session (nothing loaded yet) takes the knowledge from the image an
  /// earlier load of the same files saved there, instead of reading, checking and evaluating
  /// them again (see `KnowledgeImage`); without such an image, it loads the files and saves
  /// one. Either way the session ends up the same, and so does what this returns.
  public func loadKnowledgeDirectory(
    _ path: String, displayName: String, images: (any KnowledgeImageStore)? = nil
  ) -> [Output] {
    guard let names = loader.list(physical(path)) else {
      return [
        .diagnostics(
          [
            .error(
              .E515, "cannot read the knowledge folder '\(displayName)'", at: nil,
              help: "set VALLEY_KNOWLEDGE to the folder that holds the .kb files")
          ], line: 0)
      ]
    }
    let files = names.filter { $0.hasSuffix(".kb") }.map {
      FileToLoad(path: PathJoin.resolve($0, against: path), displayName: displayName + "/" + $0)
    }
    guard let images, isFresh else { return load(files, line: 0, summary: .folder(displayName)) }
    // Its real path: the same folder reached from another working folder has the same image.
    let folder = loader.canonical(physical(path))
    let name = Self.imageName(forFolder: folder)
    if let restored = restoreImage(of: files, folder: folder, displayName: displayName, from: images, name: name) {
      return restored
    }
    let outputs = load(files, line: 0, summary: .folder(displayName))
    if outputs.count == 1, case .text(let summary) = outputs[0] {
      saveImage(of: files, folder: folder, displayName: displayName, summary: summary, to: images, name: name)
    }
    return outputs
  }

  /// Loads knowledge files named on the command line, all or nothing.
  public func loadKnowledgeFiles(_ paths: [String]) -> [Output] {
    load(paths.map { FileToLoad(path: $0, displayName: $0) }, line: 0, summary: .perFile)
  }

  enum LoadSummary {
    case perFile
    case folder(String)
    case reload
  }

  /// Parses, checks and evaluates `files` together; keeps the result only if all succeed.
  func load(_ files: [FileToLoad], line: Int, summary: LoadSummary) -> [Output] {
    var kb = knowledge
    var loader = knowledgeLoader()
    loader.compactFacts = true
    let (loaded, diagnostics) = loader.load(files, into: &kb)
    sources = loader.sources
    if diagnostics.contains(where: { $0.severity == .error }) {
      return [.diagnostics(diagnostics, line: line)]
    }
    knowledge = kb
    var outputs: [Output] = []
    if !diagnostics.isEmpty { outputs.append(.diagnostics(diagnostics, line: line)) }
    let total = (facts: loaded.reduce(0) { $0 + $1.facts }, rules: loaded.reduce(0) { $0 + $1.rules })
    let files = "\(loaded.count) file\(loaded.count == 1 ? "" : "s")"
    switch summary {
    case .perFile:
      for file in loaded { outputs.append(.text("loaded \(file.name): \(describe((file.facts, file.rules)))")) }
    case .reload:
      outputs.append(.text("reloaded \(files): \(describe(total))"))
    case .folder(let name):
      outputs.append(.text("loaded \(name) (\(files)): \(describe(total))"))
    }
    return outputs
  }

  /// The load pipeline over this session's files, pool and limits.
  func knowledgeLoader() -> KnowledgeLoader {
    KnowledgeLoader(
      loader: loader, workingDirectory: workingDirectory, pool: pool, budget: budget, sources: sources)
  }

  /// Reads a CSV or TSV table (TSV when the name ends in .tsv or .tab).
  func readTable(_ path: String, at span: SourceSpan?) -> Result<TableReader.Table, DiagnosticList> {
    var loader = knowledgeLoader()
    defer { sources = loader.sources }
    return loader.readTable(path, at: span)
  }

  private func describe(_ counts: (facts: Int, rules: Int)) -> String {
    "\(counts.facts) fact\(counts.facts == 1 ? "" : "s"), \(counts.rules) rule\(counts.rules == 1 ? "" : "s")"
  }
}
