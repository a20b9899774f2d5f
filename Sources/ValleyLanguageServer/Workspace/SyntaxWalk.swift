import ValleyEngine

/// Reads the names out of syntax trees: predicate names in atoms and variables in terms,
/// at every depth (negations, comparisons, expressions, aggregates).
enum SyntaxWalk {
  /// Every atom of a body, aggregate bodies included, in order.
  static func atoms(in literals: [Syntax.Literal]) -> [Syntax.Atom] {
    var found: [Syntax.Atom] = []
    for literal in literals { collect(literal, into: &found) }
    return found
  }

  private static func collect(_ literal: Syntax.Literal, into found: inout [Syntax.Atom]) {
    switch literal {
    case .positive(let atom), .negative(let atom, _):
      found.append(atom)
      for term in atom.arguments { collect(term, into: &found) }
    case .comparison(_, let left, let right, _):
      collect(left, into: &found)
      collect(right, into: &found)
    }
  }

  private static func collect(_ term: Syntax.Term, into found: inout [Syntax.Atom]) {
    switch term {
    case .binary(_, let l, let r, _):
      collect(l, into: &found)
      collect(r, into: &found)
    case .negate(let t, _): collect(t, into: &found)
    case .aggregate(let aggregate):
      for t in aggregate.terms { collect(t, into: &found) }
      for literal in aggregate.body { collect(literal, into: &found) }
    case .variable, .symbol, .integer, .decimal: break
    }
  }

  /// Every variable occurrence (name and span) of a clause or query, in text order; `_` is
  /// left out (each one is a fresh variable).
  static func variables(head: Syntax.Atom?, body: [Syntax.Literal]) -> [(name: String, span: SourceSpan)] {
    var found: [(String, SourceSpan)] = []
    if let head { for term in head.arguments { collect(term, into: &found) } }
    for literal in body { collect(literal, into: &found) }
    return found.filter { $0.0 != "_" }.sorted { $0.1.start < $1.1.start }
  }

  private static func collect(_ literal: Syntax.Literal, into found: inout [(String, SourceSpan)]) {
    switch literal {
    case .positive(let atom), .negative(let atom, _):
      for term in atom.arguments { collect(term, into: &found) }
    case .comparison(_, let left, let right, _):
      collect(left, into: &found)
      collect(right, into: &found)
    }
  }

  private static func collect(_ term: Syntax.Term, into found: inout [(String, SourceSpan)]) {
    switch term {
    case .variable(let name, let span): found.append((name, span))
    case .binary(_, let l, let r, _):
      collect(l, into: &found)
      collect(r, into: &found)
    case .negate(let t, _): collect(t, into: &found)
    case .aggregate(let aggregate):
      for t in aggregate.terms { collect(t, into: &found) }
      for literal in aggregate.body { collect(literal, into: &found) }
    case .symbol, .integer, .decimal: break
    }
  }
}
