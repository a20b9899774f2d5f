/// `:import pred "file.csv"`: a CSV or TSV table's rows become facts of a predicate.
struct ImportCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "import",
    usage: ":import pred \"file.csv\"",
    summary: "load a CSV or TSV file with a header as facts of pred",
    example: ":import sales \"sales.csv\"",
    documentation: "load a CSV or TSV file with a header as facts of `pred` (see below)")

  var predicate: String
  var path: String
  var span: SourceSpan

  init(parsing arguments: CommandArguments) throws(Diagnostic) {
    let tokens = arguments.tokens
    guard tokens.count == 2, let predicate = tokens[0].nameText, case .string(let path) = tokens[1].kind else {
      throw .error(
        .E528, ":import needs a predicate name and a file name in quotes",
        at: arguments.span, help: "usage: :import sales \"sales.csv\"")
    }
    self.predicate = predicate
    self.path = path
    span = tokens[1].span
  }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    if let refused = session.refusingFiles(":import", at: span, line: context.line) { return refused }
    let resolved = PathJoin.resolve(path, against: session.currentDirectory)
    return session.underAssumptions(line: context.line) {
      session.importTable(predicate, path: resolved, span: span, line: context.line)
    }
  }
}

extension Session {
  /// `:import pred "file.csv"`: the table's rows become facts of `pred`, all or nothing.
  /// Importing the same file again replaces what it gave before.
  fileprivate func importTable(_ predicate: String, path: String, span: SourceSpan, line: Int) -> [Output] {
    let table: TableReader.Table
    switch readTable(path, at: span) {
    case .failure(let list): return [.diagnostics(DiagnosticLog.ordered(list.diagnostics), line: line)]
    case .success(let t): table = t
    }
    var kb = knowledge
    let (unit, reloaded) = kb.unit(
      named: path, canonical: "import:" + predicate + ":" + loader.canonical(physical(path)))
    if reloaded { kb.remove(unit: unit) }
    let before = kb.base.totalCount
    let imported = ImportedTable(predicate: predicate, table: table, source: path, span: span, unit: unit)
    let (_, diagnostics) = kb.add([], imports: [imported], pool: pool, budget: budget)
    if diagnostics.contains(where: { $0.severity == .error }) {
      return [.diagnostics(diagnostics, line: line)]
    }
    knowledge = kb
    let added = kb.base.totalCount - before
    return [
      .text(
        "imported \(table.rowCount) row\(table.rowCount == 1 ? "" : "s") of \(path) into \(predicate)/\(table.columns.count) (\(added) new fact\(added == 1 ? "" : "s"))"
      )
    ]
  }
}
