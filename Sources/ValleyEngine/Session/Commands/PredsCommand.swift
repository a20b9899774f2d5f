/// `:preds`: every predicate with its arity, number of facts and doc.
struct PredsCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "preds",
    usage: ":preds",
    summary: "predicates with arity, number of facts and doc",
    example: ":preds",
    documentation: "every predicate with arity, number of facts (stored and derived) and doc")

  init(parsing arguments: CommandArguments) throws(Diagnostic) { try arguments.expectNone(":preds") }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    [.text(session.predicateTable())]
  }
}

extension Session {
  fileprivate func predicateTable() -> String {
    let catalog = knowledge.catalog
    let order = (0..<catalog.count).sorted {
      catalog[$0].name.utf8.lexicographicallyPrecedes(catalog[$1].name.utf8)
    }
    var rows: [[String]] = []
    for p in order {
      let info = catalog[p]
      let facts = p < knowledge.model.relations.count ? knowledge.model.relations[p].count : 0
      rows.append(["\(info.name)/\(info.arity)", String(facts), TextTable.cut(info.doc ?? "", to: 64)])
    }
    if rows.isEmpty { return "no predicates" }
    return TextTable.render(header: ["predicate", "facts", "doc"], rows: rows, rightAligned: [1])
  }
}
