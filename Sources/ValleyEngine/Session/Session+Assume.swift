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
  /// `:assume CLAUSE.` or `:assume not FACT.`: a hypothetical change over the knowledge base.
  func assume(_ tokens: [Token], in file: SourceFile, line: Int) -> [Output] {
    let text = tokens.isEmpty ? "" : file.text(of: tokens[0].span.merged(with: tokens[tokens.count - 1].span))
    var clauseTokens = tokens
    let hiding = tokens.first.map { $0.isPunct(.negation) || $0.nameText == "not" } ?? false
    if hiding { clauseTokens.removeFirst() }
    let end = tokens.last?.span.end ?? 0
    let endToken = Token(.end, span: SourceSpan(file: file.id, start: end, end: end), line: tokens.last?.line ?? 0)
    let (parsed, syntaxErrors) = Parser.parseSingleClause(clauseTokens + [endToken])
    guard let clause = parsed, !syntaxErrors.contains(where: { $0.severity == .error }) else {
      return [.diagnostics(syntaxErrors, line: line)]
    }
    let assumption: Assumption
    if hiding {
      var lowering = Lowering(catalog: knowledge.catalog)
      guard let predicate = lowering.resolve(clause.head) else {
        return [.diagnostics(lowering.diagnostics, line: line)]
      }
      guard clause.body.isEmpty, case .fact(_, let values)? = lowering.lower(clause, unit: 0, file: file)
      else {
        return [.diagnostics([.error("E518", ":assume not takes a fact with constant arguments", at: clause.span)], line: line)]
      }
      let ids = values.compactMap { pool.lookup($0) }
      guard ids.count == values.count, predicate < knowledge.base.relations.count,
        knowledge.base.relations[predicate].contains(ids)
      else {
        return [
          .diagnostics(
            [.error("E519", "\(file.text(of: clause.head.span)) is not a stored fact, so it cannot be hidden",
                    at: clause.head.span, help: "only stored facts can be assumed away; derived facts follow from them")],
            line: line)
        ]
      }
      assumption = Assumption(text: text, change: .hide(predicate: predicate, ids: ids))
    } else {
      assumption = Assumption(text: text, change: .clause(clause, file))
    }
    let base = assumptionBase ?? knowledge
    var kb = knowledge
    let problems = apply(assumption, to: &kb)
    if problems.contains(where: { $0.severity == .error }) { return [.diagnostics(problems, line: line)] }
    assumptionBase = base
    knowledge = kb
    assumptions.append(assumption)
    var outputs: [Output] = problems.isEmpty ? [] : [.diagnostics(problems, line: line)]
    outputs.append(.text("assumption \(assumptions.count): \(text)  (:diff shows what changes)"))
    return outputs
  }

  /// Applies one assumption to a knowledge base; returns its diagnostics.
  func apply(_ assumption: Assumption, to kb: inout KnowledgeBase) -> [Diagnostic] {
    switch assumption.change {
    case .clause(let clause, let file):
      let unit = kb.unit(named: KnowledgeBase.assumptionUnitName, canonical: KnowledgeBase.assumptionUnitName).unit
      return kb.add([(file, [clause], [], unit)], pool: pool, budget: budget).1
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

  func listAssumptions() -> [Output] {
    guard !assumptions.isEmpty else { return [.text("no assumptions")] }
    return [.text(assumptions.enumerated().map { "\($0.offset + 1). \($0.element.text)" }.joined(separator: "\n"))]
  }

  func drop(_ number: Int?, span: SourceSpan?, line: Int) -> [Output] {
    guard let number, number >= 1, number <= assumptions.count else {
      return [
        .diagnostics(
          [.error("E520", "there is no assumption \(number.map(String.init) ?? "")", at: span,
                  help: assumptions.isEmpty ? "there are no assumptions" : ":assumptions lists them, numbered from 1")],
          line: line)
      ]
    }
    let dropped = assumptions.remove(at: number - 1)
    let problems = rebuildAssumptions(line: line)
    if !problems.isEmpty {
      assumptions.insert(dropped, at: number - 1)
      return problems
    }
    return [.text("dropped assumption \(number): \(dropped.text)")]
  }

  func resetAssumptions() -> [Output] {
    guard let base = assumptionBase else { return [.text("no assumptions")] }
    let count = assumptions.count
    knowledge = base
    assumptions = []
    assumptionBase = nil
    return [.text("dropped \(count) assumption\(count == 1 ? "" : "s"); back to the knowledge base")]
  }

  /// `:diff`: facts that appear or disappear under the assumptions.
  func diff() -> [Output] {
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
    return [.diff(KnowledgeDiff(assumptionCount: assumptions.count, appear: sorted(appear), disappear: sorted(disappear)))]
  }
}
