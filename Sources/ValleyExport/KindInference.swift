import ValleyEngine

/// Which kinds of value each column of each predicate may hold: the kinds of its stored facts,
/// and of every value a rule can put there, to a fixed point.
///
/// The result over-approximates: a column may be said to hold a kind it never holds (then its
/// encoding is wider than needed), never the reverse. A variable that several positive atoms
/// name holds a value of every one of their columns, so its kinds are the intersection.
struct KindInference {
  let program: Program
  /// The kinds of each column, by predicate.
  private(set) var columns: [[KindSet]]

  init(program: Program, storedFacts: (Int) -> [[Value]]) {
    self.program = program
    columns = program.catalog.predicates.map { Array(repeating: [], count: $0.arity) }
    for p in 0..<program.catalog.count {
      for row in storedFacts(p) {
        for (j, value) in row.enumerated() { columns[p][j].insert(KindSet(ValueKind(of: value))) }
      }
    }
    var changed = true
    while changed {
      changed = false
      for rule in program.rules {
        let scope = KindScope(columns: columns, body: rule.body, outer: [:], anonymous: rule.anonymousSlots)
        for (j, term) in rule.head.arguments.enumerated() {
          let kinds = scope.kinds(of: term)
          if !columns[rule.head.predicate][j].isSuperset(of: kinds) {
            columns[rule.head.predicate][j].formUnion(kinds)
            changed = true
          }
        }
      }
    }
  }

  /// The kinds a term can have when its variables have `variable`'s kinds. Arithmetic on a
  /// symbol is an error (no value), so it contributes no kind.
  static func kinds(of term: Term, variable: (Int) -> KindSet) -> KindSet {
    switch term {
    case .variable(let v, _): return variable(v)
    case .constant(let value, _): return KindSet(ValueKind(of: value))
    case .negate(let t, _): return kinds(of: t, variable: variable).intersection(.numbers)
    case .binary(_, let l, let r, _):
      let a = kinds(of: l, variable: variable).intersection(.numbers)
      let b = kinds(of: r, variable: variable).intersection(.numbers)
      var result: KindSet = []
      if a.has(.integer) && b.has(.integer) { result.insert(.integer) }
      if (a.has(.decimal) && !b.isEmpty) || (b.has(.decimal) && !a.isEmpty) { result.insert(.decimal) }
      return result
    }
  }

  /// The kinds of an aggregate's result, given the kinds of its first term.
  static func kinds(ofAggregate kind: Syntax.AggregateKind, term: KindSet) -> KindSet {
    switch kind {
    case .count: return .integer
    // An empty group's sum is the integer 0; a sum is a decimal once it adds one.
    case .sum: return KindSet.integer.union(term.intersection(.decimal))
    case .min, .max: return term
    }
  }
}

/// The kinds of the variables of one body, worked out on demand.
final class KindScope {
  /// The kinds of each column, by predicate.
  let columns: [[KindSet]]
  let body: [Literal]
  let bindings: BodyBindings
  let outer: [Int: KindSet]
  private var known: [Int: KindSet] = [:]
  private var resolving: Set<Int> = []

  init(columns: [[KindSet]], body: [Literal], outer: [Int: KindSet], anonymous: Set<Int>) {
    self.columns = columns
    self.body = body
    self.outer = outer
    bindings = BodyBindings(body: body, outer: Set(outer.keys), anonymous: anonymous)
  }

  func kinds(of term: Term) -> KindSet {
    KindInference.kinds(of: term) { self.kinds(ofVariable: $0) }
  }

  func kinds(ofVariable v: Int) -> KindSet {
    if let k = known[v] { return k }
    // A cycle of assignments cannot pass the safety check; answer conservatively.
    guard resolving.insert(v).inserted else { return .all }
    defer { resolving.remove(v) }
    let result: KindSet
    switch bindings.sources[v] {
    case .outer: result = outer[v] ?? .all
    case .atom:
      var kinds = KindSet.all
      for (i, j) in bindings.occurrences[v] ?? [] {
        if case .positive(let atom) = body[i] { kinds.formIntersection(columns[atom.predicate][j]) }
      }
      result = kinds
    case .assignment(_, let term): result = kinds(of: term)
    case .aggregate(let i):
      guard case .aggregate(let agg) = body[i] else { return .all }
      let inner = innerScope(agg)
      result = KindInference.kinds(ofAggregate: agg.kind, term: agg.terms.first.map(inner.kinds(of:)) ?? [])
    case nil: result = .all
    }
    known[v] = result
    return result
  }

  /// The scope of an aggregate's body, whose grouping variables come from this one.
  func innerScope(_ agg: Aggregate) -> KindScope {
    var outerKinds: [Int: KindSet] = [:]
    for g in agg.grouping { outerKinds[g] = kinds(ofVariable: g) }
    return KindScope(columns: columns, body: agg.body, outer: outerKinds, anonymous: bindings.anonymous)
  }
}
