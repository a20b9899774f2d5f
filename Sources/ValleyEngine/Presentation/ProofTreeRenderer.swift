/// Renders explanations as an indented tree for people, or as one JSON object.
///
/// Text layout: each node on its own line, drawn with `├─`, `└─` and `│`; a label in brackets
/// after the atom says what the node is (`[rule FILE:LINE]`, `[fact FILE:LINE]`,
/// `[ASSUMPTION]`, `[absent]`, `[check]`, `[aggregate]`); stored facts add their source and
/// note. The rules used are listed once, below the trees.
public enum ProofTreeRenderer {
  /// The explanation as text.
  public static func text(_ explanation: Explanation) -> String {
    var lines: [String] = []
    if explanation.answers.isEmpty { return "false." }
    let locations = Dictionary(uniqueKeysWithValues: explanation.rules.map { ($0.index, $0.location) })
    for (i, answer) in explanation.answers.enumerated() {
      if explanation.answers.count > 1 || !answer.bindings.isEmpty {
        let bound = answer.bindings.map { "\($0.name) = \($0.value)" }.joined(separator: ", ")
        lines.append("answer \(i + 1)" + (bound.isEmpty ? "" : ": \(bound)"))
      }
      for proof in answer.proofs {
        render(proof, prefix: "", childPrefix: "", locations: locations, into: &lines)
      }
    }
    if explanation.omitted > 0 {
      lines.append(
        "… \(explanation.omitted) more answer\(explanation.omitted == 1 ? "" : "s") not shown; narrow the goal or :set why_answers N"
      )
    }
    if !explanation.rules.isEmpty {
      lines.append("rules used:")
      for rule in explanation.rules {
        lines.append("  \(rule.location)  \(rule.text)")
        if let source = rule.source { lines.append("    source: \(source)") }
        if let note = rule.note { lines.append("    note: \(note)") }
      }
    }
    return lines.joined(separator: "\n")
  }

  private static func render(
    _ node: ProofNode, prefix: String, childPrefix: String, locations: [Int: String],
    into lines: inout [String]
  ) {
    switch node {
    case .fact(let atom, let origin, let assumption):
      lines.append(prefix + atom + (assumption ? "  [ASSUMPTION \(origin.location)]" : "  [fact \(origin.location)]"))
      let detail = childPrefix + "   "
      if let source = origin.source { lines.append(detail + "source: " + source) }
      if let note = origin.note { lines.append(detail + "note: " + note) }
    case .derived(let atom, let rule, let children):
      lines.append(prefix + atom + "  [rule \(locations[rule] ?? "#\(rule)")]")
      for (i, child) in children.enumerated() {
        let last = i == children.count - 1
        render(
          child, prefix: childPrefix + (last ? "└─ " : "├─ "),
          childPrefix: childPrefix + (last ? "   " : "│  "), locations: locations, into: &lines)
      }
    case .absent(let atom):
      lines.append(prefix + "not " + atom + "  [absent]")
    case .comparison(let text):
      lines.append(prefix + text + "  [check]")
    case .aggregate(let text):
      lines.append(prefix + text + "  [aggregate]")
    case .truncated(let atom):
      lines.append(prefix + atom + "  [… deeper; :why " + atom + ". expands it]")
    }
  }

  /// The explanation as one JSON object (see docs/explanations.md for the schema).
  public static func json(_ explanation: Explanation) -> String {
    let rulesByIndex = Dictionary(uniqueKeysWithValues: explanation.rules.map { ($0.index, $0) })
    func node(_ n: ProofNode) -> String {
      switch n {
      case .fact(let atom, let origin, let assumption):
        var fields = [
          ("atom", JSON.string(atom)), ("kind", JSON.string(assumption ? "assumption" : "fact")),
          ("at", JSON.string(origin.location)),
        ]
        if let s = origin.source { fields.append(("source", JSON.string(s))) }
        if let s = origin.note { fields.append(("note", JSON.string(s))) }
        return JSON.object(fields)
      case .derived(let atom, let rule, let children):
        return JSON.object([
          ("atom", JSON.string(atom)), ("kind", JSON.string("rule")),
          ("at", JSON.string(rulesByIndex[rule]?.location ?? "")),
          ("premises", "[" + children.map(node).joined(separator: ", ") + "]"),
        ])
      case .absent(let atom):
        return JSON.object([("atom", JSON.string(atom)), ("kind", JSON.string("absent"))])
      case .comparison(let text):
        return JSON.object([("text", JSON.string(text)), ("kind", JSON.string("check"))])
      case .aggregate(let text):
        return JSON.object([("text", JSON.string(text)), ("kind", JSON.string("aggregate"))])
      case .truncated(let atom):
        return JSON.object([("atom", JSON.string(atom)), ("kind", JSON.string("truncated"))])
      }
    }
    let answers = explanation.answers.map { answer in
      JSON.object([
        ("bindings", JSON.object(answer.bindings.map { ($0.name, JSON.string($0.value)) })),
        ("proofs", "[" + answer.proofs.map(node).joined(separator: ", ") + "]"),
      ])
    }
    let rules = explanation.rules.map { rule -> String in
      var fields = [("at", JSON.string(rule.location)), ("text", JSON.string(rule.text))]
      if let s = rule.source { fields.append(("source", JSON.string(s))) }
      if let s = rule.note { fields.append(("note", JSON.string(s))) }
      return JSON.object(fields)
    }
    return JSON.object([
      ("why", JSON.string(explanation.goal)),
      ("answers", "[" + answers.joined(separator: ", ") + "]"),
      ("omitted", String(explanation.omitted)),
      ("rules", "[" + rules.joined(separator: ", ") + "]"),
    ])
  }
}
