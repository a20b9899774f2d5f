/// The load pipeline: reads knowledge files and the tables they `@import`, parses them and
/// adds them to a knowledge base together, all or nothing.
///
/// It reads through a ``SourceLoader`` and registers every text it reads in ``sources`` (so
/// diagnostics can show it), whether or not the load succeeds.
struct KnowledgeLoader {
  /// One file to load: where to read it and the name to show.
  struct File {
    var path: String
    var displayName: String
    /// The text that named the file (a `:load` argument), for error carets.
    var span: SourceSpan? = nil
  }

  /// What one loaded file brought.
  struct Loaded {
    var name: String
    /// Facts, the rows of its `@import` tables included.
    var facts: Int
    var rules: Int
  }

  let loader: SourceLoader
  /// The folder relative paths are read from (nil: the process's current folder).
  let workingDirectory: String?
  let pool: ValuePool
  let budget: EvaluationBudget
  var sources: SourceRegistry
  /// Whether facts with constant arguments are kept compactly (``Syntax/CompactFacts``)
  /// rather than as syntax: what a session's loads want; an analysis keeps every clause.
  var compactFacts = false

  /// Where a path shown to users is on disk.
  func physical(_ path: String) -> String {
    PathJoin.resolve(path, against: workingDirectory)
  }

  /// Reads a file's text (bytes checked to be UTF-8), with the read errors as a diagnostic
  /// naming it `name` (by default `path`).
  func read(_ path: String, shownAs name: String? = nil, at span: SourceSpan?) -> Result<[UInt8], Diagnostic> {
    loader.readUTF8(physical(path), shownAs: name ?? path, at: span)
  }

  /// What ``parse(_:into:)`` read: each file's syntax, its load unit and its tables.
  struct Parsed {
    var files: [(file: SourceFile, syntax: Syntax.KnowledgeFile, unit: Int)] = []
    var importsByUnit: [Int: [ImportedTable]] = [:]
    /// Read and syntax errors.
    var diagnostics: [Diagnostic] = []
  }

  /// Parses, checks and evaluates `files` together into `kb`. On errors (the diagnostics hold
  /// one), `kb` is to be discarded: the caller keeps its own copy.
  mutating func load(_ files: [File], into kb: inout KnowledgeBase) -> (loaded: [Loaded], diagnostics: [Diagnostic]) {
    var parsed = parse(files, into: &kb)
    if parsed.diagnostics.contains(where: { $0.severity == .error }) {
      return ([], DiagnosticLog.ordered(parsed.diagnostics))
    }
    return check(taking: &parsed, into: &kb)
  }

  /// Reads and parses `files` and the tables they import, and gives each its unit in `kb`
  /// (a file loaded again replaces its earlier clauses).
  mutating func parse(_ files: [File], into kb: inout KnowledgeBase) -> Parsed {
    var parsed = Parsed()
    var pendingImports: [ImportedTable] = []
    for entry in files {
      let file: SourceFile
      switch read(entry.path, at: entry.span) {
      case .failure(let diagnostic):
        parsed.diagnostics.append(diagnostic)
        continue
      case .success(let bytes):
        file = sources.add(name: entry.displayName, validBytes: bytes)
      }
      let meter = meter(reading: file)
      let (syntax, syntaxDiagnostics) = Parser.parseKnowledge(
        file, compactingFactsInto: compactFacts ? pool : nil, meter: meter)
      if meter.stopped { return Parsed(diagnostics: [interrupted]) }
      parsed.diagnostics += syntaxDiagnostics
      for request in syntax.imports {
        // Beside the knowledge file on disk, and named beside it as users see it (a folder's
        // files are shown as `Knowledge/<file>` wherever the folder is).
        let path = PathJoin.resolve(request.path, against: PathJoin.directory(of: entry.path))
        let shown = PathJoin.resolve(request.path, against: PathJoin.directory(of: entry.displayName))
        switch readTable(path, shownAs: shown, at: request.span) {
        case .failure(let list) where list.diagnostics.contains(where: { $0.kind == .E405 }):
          return Parsed(diagnostics: list.diagnostics)
        case .failure(let list): parsed.diagnostics += list.diagnostics
        case .success(let table):
          pendingImports.append(
            ImportedTable(
              predicate: request.predicate, table: table, source: request.source, span: request.span,
              unit: -1))
        }
      }
      let (unit, reloaded) = kb.unit(named: entry.displayName, canonical: loader.canonical(physical(entry.path)))
      if parsed.files.contains(where: { $0.unit == unit }) { continue }  // named twice in one load
      if reloaded { kb.remove(unit: unit) }
      parsed.files.append((file, syntax, unit))
      parsed.importsByUnit[unit] = pendingImports.map {
        var t = $0
        t.unit = unit
        return t
      }
      pendingImports = []
    }
    return parsed
  }

  /// Checks and evaluates what ``parse(_:into:)`` read, into `kb`; the diagnostics include the
  /// parse's own.
  func check(_ parsed: Parsed, into kb: inout KnowledgeBase) -> (loaded: [Loaded], diagnostics: [Diagnostic]) {
    var parsed = parsed
    return check(taking: &parsed, into: &kb)
  }

  /// ``check(_:into:)``, taking the compact facts out of `parsed` rather than copying them,
  /// so that they are freed as they are stored.
  func check(taking parsed: inout Parsed, into kb: inout KnowledgeBase) -> (
    loaded: [Loaded], diagnostics: [Diagnostic]
  ) {
    var files: [KnowledgeBase.ClauseFile] = []
    for i in parsed.files.indices {
      var facts = Syntax.CompactFacts()
      swap(&facts, &parsed.files[i].syntax.facts)
      let entry = parsed.files[i]
      files.append((entry.file, entry.syntax.clauses, facts, entry.syntax.declarations, entry.unit))
    }
    let imports = parsed.files.flatMap { parsed.importsByUnit[$0.unit] ?? [] }
    let (added, checkDiagnostics) = kb.add(taking: &files, imports: imports, pool: pool, budget: budget)
    // Storing the facts does not poll: a Ctrl-C pressed after the reading's last poll stops the
    // load here (unless the evaluation already stopped it), and the caller keeps nothing.
    if !checkDiagnostics.contains(where: { $0.severity == .error }), budget.shouldStop() {
      return ([], parsed.diagnostics + [interrupted])
    }
    // Rows of @import tables count as facts of the file that imports them.
    let loaded = zip(parsed.files, added).map { entry, counts in
      Loaded(
        name: entry.file.name,
        facts: counts.facts + (parsed.importsByUnit[entry.unit] ?? []).reduce(0) { $0 + $1.table.rowCount },
        rules: counts.rules)
    }
    return (loaded, parsed.diagnostics + checkDiagnostics)
  }

  /// Reads a CSV or TSV table (TSV when the name ends in .tsv or .tab), named `name` (by
  /// default `path`) in diagnostics.
  mutating func readTable(_ path: String, shownAs name: String? = nil, at span: SourceSpan?) -> Result<
    TableReader.Table, DiagnosticList
  > {
    let name = name ?? path
    switch read(path, shownAs: name, at: span) {
    case .failure(let d): return .failure(DiagnosticList([d]))
    case .success(let bytes):
      let file = sources.add(name: name, validBytes: bytes)
      let lower = path.lowercased()
      let meter = meter(reading: file)
      let table = TableReader.read(
        file, tabSeparated: lower.hasSuffix(".tsv") || lower.hasSuffix(".tab"), pool: pool, meter: meter)
      return meter.stopped ? .failure(DiagnosticList([interrupted])) : table
    }
  }

  /// What a load stopped by Ctrl-C while reading says: what an interrupted evaluation says.
  private var interrupted: Diagnostic {
    RuntimeDiagnostics.diagnostic(
      for: .cancelled, program: Program(catalog: PredicateCatalog(), rules: [], strata: []), pool: pool,
      budget: budget)
  }

  /// A meter for reading `file` that stops and reports as the budget says.
  private func meter(reading file: SourceFile) -> ProgressMeter {
    ProgressMeter(
      reading: file.name, byteCount: file.bytes.count, shouldStop: budget.shouldStop, report: budget.progress)
  }
}
