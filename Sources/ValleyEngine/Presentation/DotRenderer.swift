/// Writes graphs in Graphviz's DOT language (nodes and edges in a stable order).
public enum DotRenderer {
  /// A DOT string literal.
  static func quote(_ s: String) -> String {
    "\""
      + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n") + "\""
  }

  /// The predicate dependency graph: an edge from each head to each predicate its rules read;
  /// negated edges are dashed and red, aggregate edges dotted and blue.
  public static func dependencies(_ graph: DependencyGraph, catalog: PredicateCatalog) -> String {
    var lines = ["digraph dependencies {", "  rankdir=LR;", "  node [shape=box, fontname=\"Helvetica\"];"]
    var used = Set<Int>()
    var edges = Set<String>()
    for edge in graph.edges {
      used.insert(edge.from)
      used.insert(edge.to)
      var style = ""
      switch edge.kind {
      case .positive: break
      case .negative: style = " [style=dashed, color=red, label=\"not\"]"
      case .aggregate: style = " [style=dotted, color=blue, label=\"aggregate\"]"
      }
      edges.insert("  \(quote(catalog[edge.from].name)) -> \(quote(catalog[edge.to].name))\(style);")
    }
    for p in used.sorted(by: { catalog[$0].name.utf8.lexicographicallyPrecedes(catalog[$1].name.utf8) }) {
      lines.append("  \(quote(catalog[p].name));")
    }
    lines += edges.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// An explanation as a graph: each fact a node, each premise an edge to it.
  public static func proofs(_ explanation: Explanation) -> String {
    var lines = ["digraph why {", "  rankdir=BT;", "  node [shape=box, fontname=\"Helvetica\"];"]
    var nodes: [String: String] = [:]
    var edges = Set<String>()
    func add(_ node: ProofNode) -> String {
      let (label, attributes): (String, String)
      switch node {
      case .fact(let atom, let origin, let assumption):
        label = atom
        attributes =
          assumption
          ? "style=filled, fillcolor=gold, tooltip=\(quote(origin.source ?? ""))"
          : "style=filled, fillcolor=lightgrey, tooltip=\(quote(origin.source ?? ""))"
      case .derived(let atom, _, let children):
        label = atom
        attributes = ""
        for child in children { edges.insert("  \(quote(add(child))) -> \(quote(atom));") }
      case .absent(let atom):
        label = "not " + atom
        attributes = "style=dashed"
      case .comparison(let text), .aggregate(let text):
        label = text
        attributes = "shape=ellipse"
      case .truncated(let atom):
        label = atom + " …"
        attributes = "style=dotted"
      }
      nodes[label] = attributes
      return label
    }
    for answer in explanation.answers { for proof in answer.proofs { _ = add(proof) } }
    for (label, attributes) in nodes.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
      lines.append("  \(quote(label))" + (attributes.isEmpty ? ";" : " [\(attributes)];"))
    }
    lines += edges.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Binary facts as labelled edges (`leads_to(a, b)` draws a -> b labelled leads_to).
  public static func edges(_ facts: [(predicate: String, from: String, to: String)], kinds: [String: String]) -> String
  {
    var lines = ["digraph map {", "  rankdir=LR;", "  node [shape=box, style=rounded, fontname=\"Helvetica\"];"]
    var nodes = Set<String>()
    for fact in facts {
      nodes.insert(fact.from)
      nodes.insert(fact.to)
    }
    let palette = ["success": "palegreen", "limiting": "lightpink"]
    for node in nodes.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      if let kind = kinds[node] {
        lines.append(
          "  \(quote(node)) [style=\"rounded,filled\", fillcolor=\(palette[kind] ?? "lightblue"), tooltip=\(quote(kind))];"
        )
      } else {
        lines.append("  \(quote(node));")
      }
    }
    for fact in facts.sorted(by: { ($0.from, $0.to, $0.predicate) < ($1.from, $1.to, $1.predicate) }) {
      lines.append("  \(quote(fact.from)) -> \(quote(fact.to)) [label=\(quote(fact.predicate))];")
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }
}
