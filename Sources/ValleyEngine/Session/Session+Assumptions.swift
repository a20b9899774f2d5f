/// One hypothetical change made with `:assume`.
struct Assumption: Sendable {
  enum Change: Sendable {
    /// An extra clause.
    case clause(Syntax.Clause, SourceFile)
    /// A stored fact hidden from the knowledge base.
    case hide(predicate: Int, ids: [UInt32])
  }

  /// As the user wrote it.
  var text: String
  var change: Change
}

extension Session {
  /// Applies one assumption to a knowledge base; returns its diagnostics.
  func apply(_ assumption: Assumption, to kb: inout KnowledgeBase) -> [Diagnostic] {
    switch assumption.change {
    case .clause(let clause, let file):
      let unit = kb.unit(named: KnowledgeBase.assumptionUnitName, canonical: KnowledgeBase.assumptionUnitName).unit
      return kb.add([(file, [clause], Syntax.CompactFacts(), [], unit)], pool: pool, budget: budget).1
    case .hide(let predicate, let ids):
      guard kb.unstore(predicate, ids) else { return [] }
      return kb.shrink(removing: [(predicate, ids)], pool: pool, budget: budget)
    }
  }

  /// Rebuilds the knowledge from the base and the remaining assumptions.
  func rebuildAssumptions(line: Int) -> [Output] {
    guard let base = assumptionBase else { return [] }
    var kb = base
    var problems: [Diagnostic] = []
    for assumption in assumptions { problems += apply(assumption, to: &kb) }
    if problems.contains(where: { $0.severity == .error }) {
      return [.diagnostics(problems, line: line)]
    }
    knowledge = kb
    if assumptions.isEmpty { assumptionBase = nil }
    return []
  }

  /// Runs a change to the knowledge (:load, :assert, :retract) on the knowledge without
  /// assumptions, then applies the assumptions again, so they stay hypothetical.
  func underAssumptions(line: Int, _ change: () -> [Output]) -> [Output] {
    guard let base = assumptionBase else { return change() }
    let effective = knowledge
    knowledge = base
    let outputs = change()
    if outputs.contains(where: \.isError) {
      knowledge = effective
      return outputs
    }
    assumptionBase = knowledge
    let problems = rebuildAssumptions(line: line)
    if !problems.isEmpty {
      assumptionBase = base
      knowledge = effective
      return problems
    }
    return outputs
  }
}
