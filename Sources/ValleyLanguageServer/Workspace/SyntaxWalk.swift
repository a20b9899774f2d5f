import ValleyEngine

/// Reads the names out of syntax trees: predicate names in atoms and variables in terms,
/// at every depth (negations, comparisons, expressions, aggregates).
enum SyntaxWalk {
  /// Every atom of a body, aggregate bodies included, in order.
  static func atoms(in literals: [Syntax.Literal]) -> [Syntax.Atom] {
    var found: [Syntax.Atom] = []
    for literal in literals { walk(literal, atom: { found.append($0) }, term: { _ in }) }
    return found
  }

  /// Every variable occurrence (name and span) of a clause or query, in text order; `_` is
  /// left out (each one is a fresh variable).
  static func variables(head: Syntax.Atom?, body: [Syntax.Literal]) -> [(name: String, span: SourceSpan)] {
    var found: [(String, SourceSpan)] = []
    func variable(_ term: Syntax.Term) {
      if case .variable(let name, let span) = term, name != "_" { found.append((name, span)) }
    }
    if let head { for term in head.arguments { walk(term, atom: { _ in }, term: variable) } }
    for literal in body { walk(literal, atom: { _ in }, term: variable) }
    return found.sorted { $0.1.start < $1.1.start }
  }

  /// Visits a literal's atoms (before their arguments) and every term at every depth.
  private static func walk(
    _ literal: Syntax.Literal, atom: (Syntax.Atom) -> Void, term: (Syntax.Term) -> Void
  ) {
    switch literal {
    case .positive(let a), .negative(let a, _):
      atom(a)
      for t in a.arguments { walk(t, atom: atom, term: term) }
    case .comparison(_, let left, let right, _):
      walk(left, atom: atom, term: term)
      walk(right, atom: atom, term: term)
    }
  }

  /// Visits a term and its sub-terms, and the atoms of aggregate bodies.
  private static func walk(_ t: Syntax.Term, atom: (Syntax.Atom) -> Void, term: (Syntax.Term) -> Void) {
    term(t)
    switch t {
    case .binary(_, let l, let r, _):
      walk(l, atom: atom, term: term)
      walk(r, atom: atom, term: term)
    case .negate(let inner, _): walk(inner, atom: atom, term: term)
    case .aggregate(let aggregate):
      for inner in aggregate.terms { walk(inner, atom: atom, term: term) }
      for literal in aggregate.body { walk(literal, atom: atom, term: term) }
    case .variable, .symbol, .integer, .decimal: break
    }
  }
}
