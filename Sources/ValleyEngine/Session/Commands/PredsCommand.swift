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
    [.predicates(session.predicateListing())]
  }
}

extension Session {
  fileprivate func predicateListing() -> PredicateListing {
    let catalog = knowledge.catalog
    let order = (0..<catalog.count).sorted {
      catalog[$0].name.utf8.lexicographicallyPrecedes(catalog[$1].name.utf8)
    }
    return PredicateListing(
      search: nil,
      entries: order.map { p in
        let info = catalog[p]
        let facts = p < knowledge.model.relations.count ? knowledge.model.relations[p].count : 0
        return PredicateListing.Entry(name: info.name, arity: info.arity, facts: facts, doc: info.doc)
      })
  }
}
