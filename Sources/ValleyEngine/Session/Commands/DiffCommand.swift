/// `:diff`: the facts that appear or disappear under the assumptions.
struct DiffCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "diff",
    usage: ":diff",
    summary: "facts that appear or disappear under the assumptions",
    example: ":diff",
    documentation: "the facts that appear (`+`) or disappear (`-`) under the assumptions")

  init(parsing arguments: CommandArguments) throws(Diagnostic) { try arguments.expectNone(":diff") }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    session.diff()
  }
}

extension Session {
  /// `:diff`: facts that appear or disappear under the assumptions.
  fileprivate func diff() -> [Output] {
    guard let base = assumptionBase else {
      return [.diff(KnowledgeDiff(assumptionCount: nil, appear: [], disappear: []))]
    }
    var appear: [KnowledgeDiff.Fact] = []
    var disappear: [KnowledgeDiff.Fact] = []
    let catalog = knowledge.catalog
    for p in 0..<catalog.count {
      let now = p < knowledge.model.relations.count ? knowledge.model.relations[p] : Relation(arity: catalog[p].arity)
      let before = p < base.model.relations.count ? base.model.relations[p] : Relation(arity: catalog[p].arity)
      let name = catalog[p].name
      for r in 0..<now.count where !before.contains(now.row(r)) {
        appear.append(KnowledgeDiff.Fact(predicate: name, values: now.row(r).map { pool[$0] }))
      }
      for r in 0..<before.count where !now.contains(before.row(r)) {
        disappear.append(KnowledgeDiff.Fact(predicate: name, values: before.row(r).map { pool[$0] }))
      }
    }
    func sorted(_ facts: [KnowledgeDiff.Fact]) -> [KnowledgeDiff.Fact] {
      facts.sorted { a, b in
        if a.predicate != b.predicate { return a.predicate.utf8.lexicographicallyPrecedes(b.predicate.utf8) }
        for (x, y) in zip(a.values, b.values) where x != y { return Value.sortsBefore(x, y) }
        return false
      }
    }
    return [
      .diff(KnowledgeDiff(assumptionCount: assumptions.count, appear: sorted(appear), disappear: sorted(disappear)))
    ]
  }
}
