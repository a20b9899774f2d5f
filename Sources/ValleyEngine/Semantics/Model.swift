/// A checked term: variables are numbered slots of their clause, constants are values.
public indirect enum Term: Sendable, Hashable {
  /// A variable slot, with the span of this occurrence.
  case variable(Int, SourceSpan)
  /// A constant.
  case constant(Value, SourceSpan)
  /// Arithmetic on two terms.
  case binary(Syntax.ArithmeticOperator, Term, Term, SourceSpan)
  /// Unary minus.
  case negate(Term, SourceSpan)

  /// Where the term was written.
  public var span: SourceSpan {
    switch self {
    case .variable(_, let s), .constant(_, let s), .binary(_, _, _, let s), .negate(_, let s): s
    }
  }

  /// The variable slots the term mentions, in order of appearance.
  public var variables: [Int] {
    switch self {
    case .variable(let v, _): [v]
    case .constant: []
    case .binary(_, let l, let r, _): l.variables + r.variables
    case .negate(let t, _): t.variables
    }
  }

  /// The slot, when the term is a plain variable.
  public var variableSlot: Int? {
    if case .variable(let v, _) = self { return v }
    return nil
  }
}

/// A checked atom: a predicate number and argument terms.
public struct Atom: Sendable, Hashable {
  /// The predicate's number in the catalog.
  public var predicate: Int
  /// The arguments.
  public var arguments: [Term]
  /// Where it was written.
  public var span: SourceSpan
}

/// A checked aggregate: `result = kind { terms : body }`, grouped by `grouping`.
public struct Aggregate: Sendable, Hashable {
  /// count, sum, min or max.
  public var kind: Syntax.AggregateKind
  /// The slot that receives the aggregate's value.
  public var result: Int
  /// The aggregated tuple.
  public var terms: [Term]
  /// The literals that produce the tuples.
  public var body: [Literal]
  /// Variables shared with the rest of the clause, which the rest of the clause binds.
  public var grouping: [Int]
  /// Where it was written.
  public var span: SourceSpan
}

/// A checked body literal.
public enum Literal: Sendable, Hashable {
  /// A positive atom.
  case positive(Atom)
  /// Negation as failure.
  case negative(Atom)
  /// A comparison, or an assignment when one side is an unbound variable.
  case comparison(Syntax.ComparisonOperator, Term, Term, SourceSpan)
  /// An aggregate.
  case aggregate(Aggregate)

  /// Where it was written.
  public var span: SourceSpan {
    switch self {
    case .positive(let a), .negative(let a): a.span
    case .comparison(_, _, _, let s): s
    case .aggregate(let a): a.span
    }
  }
}

/// A checked rule (or a fact that needs evaluation, such as `p(1 + 2).`).
public struct Rule: Sendable {
  /// The head.
  public var head: Atom
  /// The body.
  public var body: [Literal]
  /// The name of each variable slot (`_` for anonymous ones).
  public var variableNames: [String]
  /// The whole clause.
  public var span: SourceSpan
  /// The `@source` in force where it was written.
  public var source: String?
  /// Its `@note`.
  public var note: String?
  /// The load unit (file or session) it came from.
  public var unit: Int
  /// The clause as written, for listings and messages.
  public var text: String
}

/// A checked query: body literals and the variables it reports.
public struct Query: Sendable {
  /// The body.
  public var body: [Literal]
  /// The reported variables (named, not `_`-prefixed), in order of first appearance.
  public var answerVariables: [Int]
  /// The name of each variable slot.
  public var variableNames: [String]
  /// The query as written.
  public var span: SourceSpan
}
