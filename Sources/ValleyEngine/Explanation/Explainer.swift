/// Builds proof trees from the model and the stamps evaluation left in ``Provenance``.
///
/// A derived fact is explained by a derivation found on demand (see ``DerivationSearch``): a
/// rule, instantiated with the values of its variables. Positive premises are explained in
/// turn; negated premises are shown as checked absences; comparisons, assignments and
/// aggregates with their values. Stored facts are the leaves, with their `@source` and `@note`.
public struct Explainer {
  let program: Program
  let model: FactStore
  let provenance: Provenance
  /// The stored facts, whose rows `origins` describes.
  let base: FactStore
  let origins: [OriginTable]
  let pool: ValuePool
  let sources: SourceRegistry
  let assumptionUnit: Int?
  /// Levels shown below each answer before subtrees are cut.
  public var depthLimit: Int
  /// Limits for the searches that find derivations again.
  let budget: EvaluationBudget
  /// The model with the indexes those searches built (shared by every copy of this explainer).
  let indexed: IndexedModel

  init(
    program: Program, model: FactStore, provenance: Provenance, base: FactStore, origins: [OriginTable],
    pool: ValuePool, sources: SourceRegistry, assumptionUnit: Int?, depthLimit: Int, budget: EvaluationBudget
  ) {
    self.program = program
    self.model = model
    self.provenance = provenance
    self.base = base
    self.origins = origins
    self.pool = pool
    self.sources = sources
    self.assumptionUnit = assumptionUnit
    self.depthLimit = depthLimit
    self.budget = budget
    indexed = IndexedModel(model)
  }

  /// Finds derivations of derived facts.
  var derivations: DerivationSearch {
    DerivationSearch(program: program, pool: pool, provenance: provenance, base: base, budget: budget, indexed: indexed)
  }

  /// `file:line` of a span.
  func location(_ span: SourceSpan) -> String {
    guard let file = sources.file(span.file) else { return "?" }
    return "\(file.name):\(file.location(of: span.start).line)"
  }

  /// The text of a ground atom.
  func atomText(_ predicate: Int, _ values: [Value]) -> String {
    let name = program.catalog[predicate].name
    return values.isEmpty ? name : "\(name)(\(values.map(ValueFormatter.source).joined(separator: ", ")))"
  }

  /// Why the fact `predicate(ids)` holds.
  func prove(_ predicate: Int, _ ids: [UInt32], depth: Int) -> ProofNode {
    let text = atomText(predicate, ids.map { pool[$0] })
    guard predicate < model.relations.count, let row = model.relations[predicate].rowIndex(of: ids)
    else { return .absent(atom: text) }
    // A stored fact is a leaf, even when a rule could derive it too.
    if predicate < base.relations.count, let stored = base.relations[predicate].rowIndex(of: ids),
      predicate < origins.count, stored < origins[predicate].count
    {
      let origin = origins[predicate][stored]
      return .fact(
        atom: text,
        origin: .init(location: location(origin.span), source: origin.source, note: origin.note),
        assumption: origin.unit == assumptionUnit)
    }
    if let (rule, bindings) = derivations.derivation(of: predicate, ids, row: row) {
      guard depth < depthLimit else { return .truncated(atom: text) }
      return .derived(atom: text, rule: rule, children: premises(of: rule, bindings, depth: depth + 1))
    }
    return .fact(atom: text, origin: .init(location: "?", source: nil, note: nil), assumption: false)
  }

  /// The premises of one derivation, in the order the rule lists them.
  func premises(of rule: Int, _ bindings: [UInt32], depth: Int) -> [ProofNode] {
    let r = program.rules[rule]
    return r.body.map { premise($0, names: r.variableNames, bindings, depth: depth) }
  }

  func premise(_ literal: Literal, names: [String], _ bindings: [UInt32], depth: Int) -> ProofNode {
    switch literal {
    case .positive(let atom):
      guard let ids = matchingRow(atom, names: names, bindings) else {
        return .absent(atom: instantiate(atom, names: names, bindings))
      }
      return prove(atom.predicate, ids, depth: depth)
    case .negative(let atom):
      return .absent(atom: instantiate(atom, names: names, bindings))
    case .comparison(let op, let l, let r, _):
      let left = TermText.render(l, names: names, value: { pool[bindings[$0]] })
      let right = TermText.render(r, names: names, value: { pool[bindings[$0]] })
      return .comparison(text: "\(left) \(op.rawValue) \(right)")
    case .aggregate(let agg):
      let result = ValueFormatter.source(pool[bindings[agg.result]])
      let groups = agg.grouping.filter { !names[$0].hasPrefix("_") }.map {
        "\(names[$0]) = \(ValueFormatter.source(pool[bindings[$0]]))"
      }
      let over = Set(
        agg.body.compactMap { literal -> String? in
          if case .positive(let a) = literal { return program.catalog[a.predicate].name }
          return nil
        }
      ).sorted().joined(separator: ", ")
      let name = names[agg.result].hasPrefix("_") ? "" : "\(names[agg.result]) = "
      var text = "\(name)\(agg.kind.rawValue) { ... } = \(result)"
      if !over.isEmpty { text += "  over \(over)" }
      if !groups.isEmpty { text += "  for \(groups.joined(separator: ", "))" }
      return .aggregate(text: text)
    }
  }

  /// The row a premise used: the one its variables' values give (`_` included: a derivation
  /// binds it too), or else the first stored row that matches it (columns with `_` match
  /// anything).
  func matchingRow(_ atom: Atom, names: [String], _ bindings: [UInt32]) -> [UInt32]? {
    guard atom.predicate < model.relations.count else { return nil }
    let exact = atom.arguments.map { value($0, bindings).flatMap(pool.lookup) }
    if !exact.contains(nil), model.relations[atom.predicate].contains(exact.compactMap { $0 }) {
      return exact.compactMap { $0 }
    }
    var wanted: [UInt32?] = []
    for term in atom.arguments {
      if let v = term.variableSlot, names[v] == "_" {
        wanted.append(nil)
      } else if let val = value(term, bindings) {
        wanted.append(pool.lookup(val))
        if pool.lookup(val) == nil { return nil }
      } else {
        return nil
      }
    }
    guard atom.predicate < model.relations.count else { return nil }
    let relation = model.relations[atom.predicate]
    if !wanted.contains(where: { $0 == nil }) {
      let ids = wanted.compactMap { $0 }
      return relation.contains(ids) ? ids : nil
    }
    for r in 0..<relation.count {
      let row = Array(relation.row(r))
      if zip(row, wanted).allSatisfy({ $1 == nil || $0 == $1 }) { return row }
    }
    return nil
  }

  func instantiate(_ atom: Atom, names: [String], _ bindings: [UInt32]) -> String {
    let name = program.catalog[atom.predicate].name
    if atom.arguments.isEmpty { return name }
    let args = atom.arguments.map { term -> String in
      if let v = term.variableSlot, names[v] == "_" { return "_" }
      return value(term, bindings).map(ValueFormatter.source) ?? "?"
    }
    return "\(name)(\(args.joined(separator: ", ")))"
  }

  func value(_ term: Term, _ bindings: [UInt32]) -> Value? {
    switch term {
    case .variable(let v, _): return v < bindings.count ? pool[bindings[v]] : nil
    case .constant(let c, _): return c
    case .binary(let op, let l, let r, _):
      guard let a = value(l, bindings), let b = value(r, bindings) else { return nil }
      return try? Arithmetic.apply(op, a, b)
    case .negate(let t, _):
      guard let a = value(t, bindings) else { return nil }
      return try? Arithmetic.negate(a)
    }
  }

  /// Every rule a set of proofs uses, ordered by location.
  func rulesUsed(_ nodes: [ProofNode]) -> [Explanation.RuleUse] {
    var seen = Set<Int>()
    func walk(_ node: ProofNode) {
      if case .derived(_, let rule, let children) = node {
        seen.insert(rule)
        children.forEach(walk)
      }
    }
    nodes.forEach(walk)
    return seen.sorted { a, b in
      let sa = program.rules[a].span
      let sb = program.rules[b].span
      return (sa.file, sa.start) < (sb.file, sb.start)
    }.map { i in
      let rule = program.rules[i]
      return Explanation.RuleUse(
        index: i, location: location(rule.span), text: rule.text, source: rule.source, note: rule.note)
    }
  }
}

/// Writes a term as source with variables replaced by their values.
enum TermText {
  static func render(_ term: Term, names: [String], value: (Int) -> Value) -> String {
    switch term {
    case .variable(let v, _): return ValueFormatter.source(value(v))
    case .constant(let c, _): return ValueFormatter.source(c)
    case .binary(let op, let l, let r, _):
      func side(_ t: Term) -> String {
        if case .binary = t { return "(" + render(t, names: names, value: value) + ")" }
        return render(t, names: names, value: value)
      }
      return "\(side(l)) \(op.rawValue) \(side(r))"
    case .negate(let t, _):
      return "-" + render(t, names: names, value: value)
    }
  }
}
