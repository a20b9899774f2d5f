import ValleyEngine

/// One pass of the engine's checks over a workspace: the knowledge files of each folder
/// loaded together (as `valley FOLDER/*.kb` would), each folder seeing the predicates of the
/// others; and the scripts that run over them; with an index of their names.
struct Analysis: Sendable {
  /// A script checked against the knowledge files.
  struct Script: Sendable {
    var uri: String
    var source: SourceFile
    var analysis: ScriptAnalysis
  }

  /// Every knowledge file read, by folder, then path.
  private(set) var files: [KnowledgeAnalysis.File] = []
  /// The workspace's predicates: each with its arity, columns and doc.
  let catalog: PredicateCatalog
  /// Facts and rules per predicate, over all folders.
  private(set) var definitions: [String: KnowledgeAnalysis.Definitions] = [:]
  /// The knowledge files' diagnostics.
  private(set) var knowledgeDiagnostics: [Diagnostic] = []
  /// Every text read, knowledge files, tables and scripts.
  private(set) var sources = SourceRegistry()
  /// The scripts, by URI order.
  private(set) var scripts: [Script] = []
  /// Names and clauses of all of them.
  let index: SymbolIndex
  /// The URI of each source file id.
  private(set) var uris: [Int: String] = [:]

  /// The limits of evaluating the rules while checking: small, so that a rule that grows
  /// without end shows the engine's limit error within half a second of a keystroke.
  static let budget = EvaluationBudget(maximumDerivedFacts: 250_000, timeLimit: 0.5)

  /// Checks the knowledge files at `paths` and the open scripts `scripts` (URI and text).
  init(paths: [String], scripts documents: [Workspace.Document], workspace: Workspace) {
    let loader = workspace.loader
    var folders: [String: [String]] = [:]
    for path in paths { folders[PathJoin.directory(of: path) ?? "", default: []].append(path) }
    // With one folder there is nothing else to see: its own catalog is the workspace's.
    let context = folders.count > 1 ? KnowledgeAnalysis.catalog(of: paths, loader: loader) : nil
    var single: PredicateCatalog?
    for folder in folders.keys.sorted() {
      let group = KnowledgeAnalysis(
        paths: folders[folder] ?? [], loader: loader, budget: Analysis.budget, sources: sources, context: context)
      single = group.catalog
      sources = group.sources
      files += group.files
      knowledgeDiagnostics += group.diagnostics
      for (name, counts) in group.definitions {
        let sum = definitions[name] ?? .init(facts: 0, rules: 0)
        definitions[name] = .init(facts: sum.facts + counts.facts, rules: sum.rules + counts.rules)
      }
    }
    catalog = context ?? single ?? PredicateCatalog()
    for file in files { uris[file.source.id] = workspace.uri(ofPath: file.path) }
    for document in documents {
      let source = sources.add(name: document.path, text: document.text)
      let folder = PathJoin.directory(of: document.path)
      let analysis = ScriptAnalysis(source, catalog: catalog) { load in
        let path = PathJoin.resolve(load.path, against: folder)
        if case .failure(let problem) = loader.readText(path, shownAs: load.path, at: load.span) { return problem }
        return nil
      }
      scripts.append(Script(uri: document.uri, source: source, analysis: analysis))
      uris[source.id] = document.uri
    }
    index = SymbolIndex(
      knowledge: files.map { ($0.source, $0.syntax) }, scripts: scripts.map { ($0.source, $0.analysis) })
  }

  /// The source file with an id.
  func source(_ id: Int) -> SourceFile? { sources.file(id) }

  /// The source file of a URI among those analysed.
  func source(uri: String) -> SourceFile? {
    uris.filter { $0.value == uri }.keys.min().flatMap(source)
  }

  /// The knowledge file of a source id.
  func knowledgeFile(_ id: Int) -> KnowledgeAnalysis.File? {
    files.first { $0.source.id == id }
  }

  /// The script with a URI.
  func script(uri: String) -> Script? { scripts.first { $0.uri == uri } }

  /// Every diagnostic by the URI of its file. A diagnostic without a place goes to
  /// `unplaced` (the caller picks where to show it). Knowledge files with no diagnostics
  /// get an empty list.
  func diagnosticsByURI(unplaced: [String]) -> [String: [Diagnostic]] {
    var result: [String: [Diagnostic]] = [:]
    for uri in uris.values { result[uri] = [] }
    let all = knowledgeDiagnostics + scripts.flatMap(\.analysis.diagnostics)
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
