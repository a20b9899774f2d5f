/// Finds the grouping variables of every aggregate in a body.
///
/// A variable of an aggregate's body is a grouping variable when it also occurs outside every
/// aggregate of the clause (in the head, in a plain literal, or as an aggregate's result).
/// Variables that occur only inside aggregates are local to each aggregate.
enum Grouping {
  /// Fills in `grouping` for each aggregate of `body`, given the variables outside it.
  static func assign(_ body: [Literal], outside: Set<Int>) -> [Literal] {
    body.indices.map { i in
      guard case .aggregate(var agg) = body[i] else { return body[i] }
      // What lies outside this aggregate: its own result counts only if it also occurs
      // elsewhere (`p(X), X = count { Y : q(X, Y) }` groups by X and checks the count).
      var others = body
      others.remove(at: i)
      let outer = outside.union(outerVariables(others))
      let inner = variables(ofAggregate: agg)
      agg.grouping = inner.filter { outer.contains($0) }.sorted()
      var innerOuter = outer
      for t in agg.terms { innerOuter.formUnion(t.variables) }
      agg.body = assign(agg.body, outside: innerOuter)
      return .aggregate(agg)
    }
  }

  /// The variables of a body outside its aggregates (aggregate results included).
  static func outerVariables(_ body: [Literal]) -> Set<Int> {
    var outer = Set<Int>()
    for literal in body {
      switch literal {
      case .positive(let a), .negative(let a):
        for t in a.arguments { outer.formUnion(t.variables) }
      case .comparison(_, let l, let r, _):
        outer.formUnion(l.variables)
        outer.formUnion(r.variables)
      case .aggregate(let agg):
        outer.insert(agg.result)
      }
    }
    return outer
  }

  /// Every variable an aggregate mentions, nested aggregates included.
  static func variables(ofAggregate agg: Aggregate) -> Set<Int> {
    var vars = Set(agg.terms.flatMap(\.variables))
    for literal in agg.body { vars.formUnion(variables(of: literal)) }
    return vars
  }

  /// Every variable a literal mentions.
  static func variables(of literal: Literal) -> Set<Int> {
    switch literal {
    case .positive(let a), .negative(let a): return Set(a.arguments.flatMap(\.variables))
    case .comparison(_, let l, let r, _): return Set(l.variables + r.variables)
    case .aggregate(let agg): return variables(ofAggregate: agg).union([agg.result])
    }
  }
}
