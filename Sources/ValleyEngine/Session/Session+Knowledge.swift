extension Session {
  /// One file to load: where to read it and the name to show.
  struct FileToLoad {
    var path: String
    var displayName: String
    /// The text that named the file (a `:load` argument), for error carets.
    var span: SourceSpan? = nil
  }

  /// Loads every `*.kb` file of a folder (sorted by name) as one all-or-nothing unit.
  public func loadKnowledgeDirectory(_ path: String, displayName: String) -> [Output] {
    guard let names = loader.list(physical(path)) else {
      return [
        .diagnostics(
          [.error(.E515, "cannot read the knowledge folder '\(displayName)'", at: nil,
                  help: "set VALLEY_KNOWLEDGE to the folder that holds the .kb files")], line: 0)
      ]
    }
    let files = names.filter { $0.hasSuffix(".kb") }.map {
      FileToLoad(path: PathJoin.resolve($0, against: path), displayName: displayName + "/" + $0)
    }
    return load(files, line: 0, summary: .folder(displayName))
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
    var diagnostics: [Diagnostic] = []
    var parsed: [(file: SourceFile, syntax: Syntax.KnowledgeFile, unit: Int)] = []
    var pendingImports: [ImportedTable] = []
    var importsByUnit: [Int: [ImportedTable]] = [:]
    for entry in files {
      let text: String
      switch readSource(entry.path, at: entry.span) {
      case .failure(let diagnostic):
        diagnostics.append(diagnostic)
        continue
      case .success(let t):
        text = t
      }
      let file = sources.add(name: entry.displayName, text: text)
      let (syntax, syntaxDiagnostics) = Parser.parseKnowledge(file)
      diagnostics += syntaxDiagnostics
      for request in syntax.imports {
        let path = PathJoin.resolve(request.path, against: PathJoin.directory(of: entry.displayName))
        switch readTable(path, at: request.span) {
        case .failure(let list): diagnostics += list.diagnostics
        case .success(let table):
          pendingImports.append(
            ImportedTable(
              predicate: request.predicate, table: table, source: request.source, span: request.span,
              unit: -1))
        }
      }
      let (unit, reloaded) = kb.unit(named: entry.displayName, canonical: loader.canonical(physical(entry.path)))
      if parsed.contains(where: { $0.unit == unit }) { continue }  // named twice in one load
      if reloaded { kb.remove(unit: unit) }
      parsed.append((file, syntax, unit))
      importsByUnit[unit] = pendingImports.map { var t = $0; t.unit = unit; return t }
      pendingImports = []
    }
    if diagnostics.contains(where: { $0.severity == .error }) {
      return [.diagnostics(DiagnosticLog.ordered(diagnostics), line: line)]
    }
    let (added, checkDiagnostics) = kb.add(
      parsed.map { ($0.file, $0.syntax.clauses, $0.syntax.declarations, $0.unit) },
      imports: parsed.flatMap { importsByUnit[$0.unit] ?? [] }, pool: pool, budget: budget)
    diagnostics += checkDiagnostics
    if diagnostics.contains(where: { $0.severity == .error }) {
      return [.diagnostics(diagnostics, line: line)]
    }
    knowledge = kb
    // Rows of @import tables count as facts of the file that imports them.
    let totals = zip(parsed, added).map { entry, counts in
      (facts: counts.facts + (importsByUnit[entry.unit] ?? []).reduce(0) { $0 + $1.table.rowCount },
       rules: counts.rules)
    }
    var outputs: [Output] = []
    if !diagnostics.isEmpty { outputs.append(.diagnostics(diagnostics, line: line)) }
    switch summary {
    case .perFile:
      for (i, entry) in parsed.enumerated() {
        outputs.append(.text("loaded \(entry.file.name): \(describe(totals[i]))"))
      }
    case .reload:
      let total = totals.reduce((0, 0)) { ($0.0 + $1.facts, $0.1 + $1.rules) }
      outputs.append(.text("reloaded \(parsed.count) file\(parsed.count == 1 ? "" : "s"): \(describe(total))"))
    case .folder(let name):
      let total = totals.reduce((0, 0)) { ($0.0 + $1.facts, $0.1 + $1.rules) }
      outputs.append(
        .text("loaded \(name) (\(parsed.count) file\(parsed.count == 1 ? "" : "s")): \(describe(total))"))
    }
    return outputs
  }

  private func describe(_ counts: (facts: Int, rules: Int)) -> String {
    "\(counts.facts) fact\(counts.facts == 1 ? "" : "s"), \(counts.rules) rule\(counts.rules == 1 ? "" : "s")"
  }

  /// Reads a CSV or TSV table (TSV when the name ends in .tsv or .tab).
  func readTable(_ path: String, at span: SourceSpan?) -> Result<TableReader.Table, DiagnosticList> {
    switch readSource(path, at: span) {
    case .failure(let d): return .failure(DiagnosticList([d]))
    case .success(let text):
      let file = sources.add(name: path, text: text)
      let lower = path.lowercased()
      return TableReader.read(file, tabSeparated: lower.hasSuffix(".tsv") || lower.hasSuffix(".tab"))
    }
  }


  // MARK: :assert and :retract



  private func endToken(after tokens: [Token], in file: SourceFile) -> Token {
    let end = tokens.last?.span.end ?? 0
    return Token(.end, span: SourceSpan(file: file.id, start: end, end: end), line: tokens.last?.line ?? 0)
  }
}
