/// `:list [pred]`: clauses with their annotations, as they would be written in a file.
struct ListCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "list",
    usage: ":list [pred]",
    summary: "print clauses with their annotations",
    example: ":list factor",
    documentation:
      "the clauses of one or all predicates, each group under its `@pred` line and with the `@source` and `@note` lines in force"
  )

  var predicate: String?
  var span: SourceSpan?

  init(parsing arguments: CommandArguments) throws(Diagnostic) {
    let tokens = arguments.tokens
    if tokens.isEmpty { return }
    // Accept `:list name` and `:list name/2`.
    guard let first = tokens.first, let name = first.nameText,
      tokens.count == 1 || (tokens.count == 3 && tokens[1].isPunct(.slash))
    else { throw arguments.unexpected(":list [predicate]") }
    predicate = name
    span = first.span
  }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    session.list(predicate, span: span, line: context.line)
  }
}

extension Session {
  fileprivate func list(_ name: String?, span: SourceSpan?, line: Int) -> [Output] {
    let catalog = knowledge.catalog
    var predicates = Array(0..<catalog.count)
    if let name {
      guard let p = catalog.number(of: name) else { return [unknownPredicate(name, at: span, line: line)] }
      predicates = [p]
    }
    var lines: [String] = []
    for p in predicates {
      let info = catalog[p]
      let facts = p < knowledge.base.relations.count ? knowledge.base.relations[p].count : 0
      let rules = knowledge.rules.filter { $0.head.predicate == p }
      if name == nil && facts == 0 && rules.isEmpty { continue }
      if !lines.isEmpty { lines.append("") }
      lines.append(declarationLine(p))
      var lastSource: String?? = .none
      func sourceLine(_ source: String?) {
        if case .some(let previous) = lastSource, previous == source { return }
        lastSource = .some(source)
        lines.append(source.map { "@source " + ValueFormatter.quoted($0) } ?? "% (no @source)")
      }
      for r in 0..<facts {
        let origin = knowledge.origins[p][r]
        sourceLine(origin.source)
        if let note = origin.note { lines.append("@note " + ValueFormatter.quoted(note)) }
        let values = knowledge.base.relations[p].row(r).map { ValueFormatter.source(pool[$0]) }
        lines.append(values.isEmpty ? "\(info.name)." : "\(info.name)(\(values.joined(separator: ", "))).")
      }
      for rule in rules {
        sourceLine(rule.source)
        if let note = rule.note { lines.append("@note " + ValueFormatter.quoted(note)) }
        lines.append(rule.text)
      }
    }
    return [.text(lines.isEmpty ? "no clauses" : lines.joined(separator: "\n"))]
  }
}
