/// `:describe pred`: everything about one predicate.
struct DescribeCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "describe",
    usage: ":describe pred",
    summary: "a predicate's doc, columns, rules, sources, facts and dependents",
    example: ":describe unaddressed_limit",
    documentation: "declaration, counts, rules with their locations, sources, and the predicates that use it")

  var predicate: String
  var span: SourceSpan

  init(parsing arguments: CommandArguments) throws(Diagnostic) {
    guard let token = arguments.single, let name = token.nameText else {
      throw .error(.E521, ":describe needs one predicate name", at: arguments.span, help: "usage: :describe factor")
    }
    predicate = name
    span = token.span
  }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    session.describe(predicate, span: span, line: context.line)
  }
}

extension Session {
  /// `:describe pred`: doc, columns, counts, rules, sources and what depends on it.
  fileprivate func describe(_ name: String, span: SourceSpan, line: Int) -> [Output] {
    let catalog = knowledge.catalog
    guard let p = catalog.number(of: name) else { return [unknownPredicate(name, at: span, line: line)] }
    let info = catalog[p]
    let stored = p < knowledge.base.relations.count ? knowledge.base.relations[p].count : 0
    let total = p < knowledge.model.relations.count ? knowledge.model.relations[p].count : 0
    let rules = knowledge.rules.filter { $0.head.predicate == p }
    var lines = [declarationLine(p)]
    if let at = info.declaredAt, let file = sources.file(at.file) {
      lines.append("  declared at \(file.name):\(file.location(of: at.start).line)")
    }
    lines.append("  \(stored) stored fact\(stored == 1 ? "" : "s"), \(total - stored) derived")
    if !rules.isEmpty {
      lines.append("  rules:")
      for rule in rules {
        let location = sources.file(rule.span.file).map { "\($0.name):\($0.location(of: rule.span.start).line)" } ?? "?"
        lines.append("    \(location)  \(rule.text)")
      }
    }
    var factSources: [String] = []
    if p < knowledge.origins.count {
      for origin in knowledge.origins[p] {
        if let s = origin.source, !factSources.contains(s) { factSources.append(s) }
      }
    }
    for rule in rules {
      if let s = rule.source, !factSources.contains(s) { factSources.append(s) }
    }
    if !factSources.isEmpty {
      lines.append("  sources:")
      lines += factSources.map { "    " + $0 }
    }
    let uses = Set(knowledge.rules.filter { rule in rule.body.contains { mentions($0, p) } }.map(\.head.predicate))
    if !uses.isEmpty {
      let names = uses.map { catalog[$0].name }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      lines.append("  used by: " + names.joined(separator: ", "))
    }
    return [.text(lines.joined(separator: "\n"))]
  }

  fileprivate func mentions(_ literal: Literal, _ p: Int) -> Bool {
    switch literal {
    case .positive(let a), .negative(let a): return a.predicate == p
    case .comparison: return false
    case .aggregate(let agg): return agg.body.contains { mentions($0, p) }
    }
  }
}
