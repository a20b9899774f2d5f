/// Which predicates each predicate's rules read, and how: positively, through `not`, or
/// inside an aggregate.
public struct DependencyGraph: Sendable {
  /// How a rule body uses a predicate.
  public enum EdgeKind: Sendable, Hashable {
    case positive, negative, aggregate
  }

  /// One use of `to` in a rule for `from`.
  public struct Edge: Sendable, Hashable {
    /// The head predicate.
    public var from: Int
    /// The body predicate.
    public var to: Int
    /// How it is used.
    public var kind: EdgeKind
    /// The literal that uses it.
    public var span: SourceSpan
  }

  /// Every edge, in rule order.
  public private(set) var edges: [Edge] = []
  /// For each predicate, the indices of its outgoing edges.
  public private(set) var outgoing: [[Int]]

  /// The edges out of `predicates`: every use, in their rules, of another predicate.
  public func reads(of predicates: [Int]) -> [Edge] {
    predicates.flatMap { p in outgoing[p].map { edges[$0] } }
  }

  /// Builds the graph of `rules` over `predicateCount` predicates.
  public init(rules: [Rule], predicateCount: Int) {
    outgoing = Array(repeating: [], count: predicateCount)
    for rule in rules {
      collect(rule.body, from: rule.head.predicate, insideAggregate: false)
    }
  }

  private mutating func collect(_ body: [Literal], from: Int, insideAggregate: Bool) {
    for literal in body {
      switch literal {
      case .positive(let a):
        add(Edge(from: from, to: a.predicate, kind: insideAggregate ? .aggregate : .positive, span: a.span))
      case .negative(let a):
        add(Edge(from: from, to: a.predicate, kind: insideAggregate ? .aggregate : .negative, span: a.span))
      case .comparison:
        break
      case .aggregate(let agg):
        collect(agg.body, from: from, insideAggregate: true)
      }
    }
  }

  private mutating func add(_ edge: Edge) {
    outgoing[edge.from].append(edges.count)
    edges.append(edge)
  }
}
