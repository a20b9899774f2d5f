/// A group of mutually recursive predicates, evaluated together.
public struct Stratum: Sendable {
  /// The predicates defined in this stratum.
  public var predicates: [Int]
  /// Indices (into the program's rules) of the rules for these predicates.
  public var rules: [Int]
  /// Whether some rule reads a predicate of the same stratum (needs a fixpoint loop).
  public var isRecursive: Bool
}

/// Orders the rules into strata so that negation and aggregates only read predicates that are
/// complete, and reports cycles through `not` or an aggregate (printing the cycle).
public enum Stratifier {
  /// The strata in evaluation order, or the cycle errors.
  public static func stratify(rules: [Rule], predicateCount: Int, catalog: PredicateCatalog)
    -> Result<[Stratum], DiagnosticList>
  {
    let graph = DependencyGraph(rules: rules, predicateCount: predicateCount)
    let components = stronglyConnectedComponents(graph, count: predicateCount)
    var componentOf = [Int](repeating: 0, count: predicateCount)
    for (c, members) in components.enumerated() {
      for p in members { componentOf[p] = c }
    }
    var errors: [Diagnostic] = []
    var reportedComponents = Set<Int>()
    for edge in graph.edges where edge.kind != .positive {
      guard componentOf[edge.from] == componentOf[edge.to] else { continue }
      guard reportedComponents.insert(componentOf[edge.from]).inserted else { continue }
      let cycle = describeCycle(edge, graph: graph, componentOf: componentOf, catalog: catalog)
      let name = catalog[edge.to].name
      errors.append(
        .error(
          edge.kind == .negative ? .E301 : .E302,
          edge.kind == .negative
            ? "'\(name)' is negated inside its own recursive cycle: \(cycle)"
            : "'\(name)' is aggregated inside its own recursive cycle: \(cycle)",
          at: edge.span,
          help: "a predicate may not depend on itself through 'not' or an aggregate; "
            + "move one of the rules out of the cycle"))
    }
    if !errors.isEmpty { return .failure(DiagnosticList(errors)) }

    var rulesOf = [[Int]](repeating: [], count: predicateCount)
    for (i, rule) in rules.enumerated() { rulesOf[rule.head.predicate].append(i) }
    var strata: [Stratum] = []
    for members in components {
      let ruleIndices = members.flatMap { rulesOf[$0] }.sorted()
      guard !ruleIndices.isEmpty else { continue }
      let memberSet = Set(members)
      let recursive = ruleIndices.contains { r in
        graph.outgoing[rules[r].head.predicate].contains { memberSet.contains(graph.edges[$0].to) }
      }
      strata.append(Stratum(predicates: members.sorted(), rules: ruleIndices, isRecursive: recursive))
    }
    return .success(strata)
  }

  /// Tarjan's algorithm, iterative (no recursion, whatever the depth of the graph).
  /// Components come out with every dependency before its dependents.
  static func stronglyConnectedComponents(_ graph: DependencyGraph, count: Int) -> [[Int]] {
    var index = [Int](repeating: -1, count: count)
    var low = [Int](repeating: 0, count: count)
    var onStack = [Bool](repeating: false, count: count)
    var stack: [Int] = []
    var components: [[Int]] = []
    var counter = 0
    for root in 0..<count where index[root] < 0 {
      var work: [(node: Int, edge: Int)] = [(root, 0)]
      index[root] = counter
      low[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true
      while let (node, edgePosition) = work.last {
        let out = graph.outgoing[node]
        if edgePosition < out.count {
          work[work.count - 1].edge += 1
          let next = graph.edges[out[edgePosition]].to
          if index[next] < 0 {
            index[next] = counter
            low[next] = counter
            counter += 1
            stack.append(next)
            onStack[next] = true
            work.append((next, 0))
          } else if onStack[next] {
            low[node] = min(low[node], index[next])
          }
        } else {
          work.removeLast()
          if let parent = work.last?.node { low[parent] = min(low[parent], low[node]) }
          if low[node] == index[node] {
            var component: [Int] = []
            while let top = stack.popLast() {
              onStack[top] = false
              component.append(top)
              if top == node { break }
            }
            components.append(component)
          }
        }
      }
    }
    return components
  }

  /// "a -> not b -> c -> a": the offending edge followed by a shortest path back.
  private static func describeCycle(
    _ edge: DependencyGraph.Edge, graph: DependencyGraph, componentOf: [Int],
    catalog: PredicateCatalog
  ) -> String {
    let component = componentOf[edge.from]
    var previous: [Int: Int] = [edge.to: -1]
    var queue = [edge.to]
    var head = 0
    while head < queue.count, previous[edge.from] == nil {
      let node = queue[head]
      head += 1
      for e in graph.outgoing[node] {
        let next = graph.edges[e].to
        if componentOf[next] == component, previous[next] == nil {
          previous[next] = e
          queue.append(next)
        }
      }
    }
    var path: [DependencyGraph.Edge] = []
    var node = edge.from
    while node != edge.to, let e = previous[node], e >= 0 {
      path.append(graph.edges[e])
      node = graph.edges[e].from
    }
    path.reverse()
    func label(_ e: DependencyGraph.Edge) -> String {
      switch e.kind {
      case .positive: return catalog[e.to].name
      case .negative: return "not " + catalog[e.to].name
      case .aggregate: return "aggregate over " + catalog[e.to].name
      }
    }
    var parts = [catalog[edge.from].name, label(edge)]
    if edge.from != edge.to { parts += path.map(label) }
    return parts.joined(separator: " -> ")
  }
}
