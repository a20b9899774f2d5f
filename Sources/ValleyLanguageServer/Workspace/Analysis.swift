import ValleyEngine

/// One pass of the engine's checks: knowledge files loaded together, and the scripts that run
/// over them, with an index of their names.
struct Analysis: Sendable {
  /// A script checked against the knowledge files.
  struct Script: Sendable {
    var uri: String
    var source: SourceFile
    var analysis: ScriptAnalysis
  }

  /// The knowledge files' analysis; its `sources` also hold the scripts.
  private(set) var knowledge: KnowledgeAnalysis
  /// The scripts, by URI order.
  private(set) var scripts: [Script] = []
  /// Names and clauses of all of them.
  let index: SymbolIndex
  /// The URI of each source file id.
  private(set) var uris: [Int: String] = [:]

  /// Checks the knowledge files at `paths` and the open scripts `scripts` (URI and text).
  init(paths: [String], scripts documents: [Workspace.Document], workspace: Workspace) {
    let loader = workspace.loader
    knowledge = KnowledgeAnalysis(paths: paths, loader: loader)
    for file in knowledge.files { uris[file.source.id] = workspace.uri(ofPath: file.path) }
    var sources = knowledge.sources
    for document in documents {
      let source = sources.add(name: document.path, text: document.text)
      let folder = PathJoin.directory(of: document.path)
      let analysis = ScriptAnalysis(source, catalog: knowledge.catalog) { load in
        let path = PathJoin.resolve(load.path, against: folder)
        if case .failure(let problem) = loader.readText(path, shownAs: load.path, at: load.span) { return problem }
        return nil
      }
      scripts.append(Script(uri: document.uri, source: source, analysis: analysis))
      uris[source.id] = document.uri
    }
    knowledge.sources = sources
    index = SymbolIndex(
      knowledge: knowledge.files.map { ($0.source, $0.syntax) }, scripts: scripts.map { ($0.source, $0.analysis) })
  }

  /// The source file with an id.
  func source(_ id: Int) -> SourceFile? { knowledge.sources.file(id) }

  /// The source file of a URI among those analysed.
  func source(uri: String) -> SourceFile? {
    uris.filter { $0.value == uri }.keys.min().flatMap(source)
  }

  /// The knowledge file of a source id.
  func knowledgeFile(_ id: Int) -> KnowledgeAnalysis.File? {
    knowledge.files.first { $0.source.id == id }
  }

  /// The script with a URI.
  func script(uri: String) -> Script? { scripts.first { $0.uri == uri } }

  /// Every diagnostic by the URI of its file. A diagnostic without a place goes to
  /// `unplaced` (the caller picks where to show it). Knowledge files with no diagnostics
  /// get an empty list.
  func diagnosticsByURI(unplaced: [String]) -> [String: [Diagnostic]] {
    var result: [String: [Diagnostic]] = [:]
    for uri in uris.values { result[uri] = [] }
    let all = knowledge.diagnostics + scripts.flatMap(\.analysis.diagnostics)
    for diagnostic in all {
      if let span = diagnostic.span, let file = source(span.file) {
        result[uris[span.file] ?? DocumentURI.uri(ofPath: file.name), default: []].append(diagnostic)
      } else {
        for uri in unplaced { result[uri, default: []].append(diagnostic) }
      }
    }
    return result
  }
}
