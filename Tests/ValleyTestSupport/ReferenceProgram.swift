/// A program in the part of the Valley language that the differential tests generate, kept
/// as plain data so that ``ReferenceProgram/evaluate()`` can run it without the engine.
///
/// Values, terms and literals mirror LANGUAGE.md directly: integers, decimals and symbols;
/// variables (`_` is a fresh variable at each occurrence), constants and arithmetic; positive
/// and negated atoms, comparisons and `X = Expr`, and aggregates.
public struct ReferenceProgram {
  /// A value. `int(1)` and `dec(1.0)` are different values that compare equal as numbers.
  public enum Value: Hashable, Sendable {
    case int(Int64)
    case dec(Double)
    case sym(String)
  }

  /// The arithmetic operators.
  public enum Operator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case modulo = "mod"
  }

  /// A term.
  public indirect enum Term: Hashable, Sendable {
    case variable(String)
    case constant(Value)
    case binary(Operator, Term, Term)
  }

  /// `predicate(terms...)`, or `predicate` with no terms.
  public struct Atom: Sendable {
    /// The predicate's name.
    public var predicate: String
    /// The arguments.
    public var terms: [Term]

    /// An atom of `predicate` over `terms`.
    public init(predicate: String, terms: [Term]) {
      self.predicate = predicate
      self.terms = terms
    }
  }

  /// The comparison operators, with their Valley spelling.
  public enum Comparison: String, CaseIterable, Sendable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
  }

  /// The aggregate functions.
  public enum AggregateKind: String, CaseIterable, Sendable {
    case count, sum, min, max
  }

  /// `result = kind { terms : body }`.
  public struct Aggregate: Sendable {
    /// The function.
    public var kind: AggregateKind
    /// The variable that receives the value.
    public var result: String
    /// The aggregated tuple.
    public var terms: [Term]
    /// The literals that produce the tuples.
    public var body: [Literal]
  }

  /// One body literal.
  public indirect enum Literal: Sendable {
    case positive(Atom)
    case negative(Atom)
    /// A comparison; `X = Expr` with X bound by no positive atom of the clause binds X.
    case compare(Comparison, Term, Term)
    case aggregate(Aggregate)
  }

  /// A rule; an empty body is not generated (facts are stored facts).
  public struct Rule: Sendable {
    /// The head.
    public var head: Atom
    /// The body.
    public var body: [Literal]

    /// A rule `head :- body.`
    public init(head: Atom, body: [Literal]) {
      self.head = head
      self.body = body
    }
  }

  /// Every predicate with its arity (stored and derived), declared with `@pred`.
  public var arities: [String: Int]
  /// Stored facts by predicate.
  public var facts: [String: Set<[Value]>]
  /// Rules in strata: a stratum reads earlier ones through `not` and aggregates.
  public var strata: [[Rule]]

  /// The predicates that rules define, in stratum order.
  public var derivedPredicates: [String] {
    var names: [String] = []
    for rule in strata.joined() where !names.contains(rule.head.predicate) {
      names.append(rule.head.predicate)
    }
    return names
  }
}

// MARK: - Valley text

extension ReferenceProgram {
  /// The program as a knowledge file: declarations, facts, then rules in stratum order.
  public var valleyText: String {
    (declarations + factClauses + ruleClauses).joined(separator: "\n") + "\n"
  }

  /// An `@pred` line for every predicate, so that empty ones are known.
  public var declarations: [String] {
    arities.keys.sorted().map { name in
      let arity = arities[name]!
      return arity == 0 ? "@pred \(name)" : "@pred \(name)(\((0..<arity).map { "c\($0)" }.joined(separator: ", ")))"
    }
  }

  /// One clause per stored fact, in a fixed order.
  public var factClauses: [String] {
    facts.keys.sorted().flatMap { predicate in
      facts[predicate, default: []].map { Self.fact(predicate, $0) }.sorted()
    }
  }

  /// One clause per rule, in stratum order.
  public var ruleClauses: [String] { strata.flatMap { $0.map(Self.text) } }

  /// A fact clause: `predicate(values...).`
  public static func fact(_ predicate: String, _ values: [Value]) -> String {
    text(Atom(predicate: predicate, terms: values.map { .constant($0) })) + "."
  }

  /// A rule as a clause.
  public static func text(_ rule: Rule) -> String {
    "\(text(rule.head)) :- \(rule.body.map(text).joined(separator: ", "))."
  }

  /// An atom as Valley text.
  public static func text(_ atom: Atom) -> String {
    atom.terms.isEmpty ? atom.predicate : "\(atom.predicate)(\(atom.terms.map(text).joined(separator: ", ")))"
  }

  /// A term as Valley text, arithmetic parenthesised where needed.
  public static func text(_ term: Term) -> String {
    switch term {
    case .variable(let name): return name
    case .constant(let value): return text(value)
    case .binary(let op, let l, let r):
      func side(_ t: Term) -> String {
        if case .binary = t { return "(\(text(t)))" }
        if case .constant(let v) = t, text(v).hasPrefix("-") { return "(\(text(t)))" }
        return text(t)
      }
      return "\(side(l)) \(op.rawValue) \(side(r))"
    }
  }

  /// A value as Valley prints it in source form.
  public static func text(_ value: Value) -> String {
    switch value {
    case .int(let i): return String(i)
    case .dec(let d): return "\(d)"
    case .sym(let s): return s
    }
  }

  /// A body literal as Valley text.
  public static func text(_ literal: Literal) -> String {
    switch literal {
    case .positive(let atom): return text(atom)
    case .negative(let atom): return "not " + text(atom)
    case .compare(let op, let l, let r): return "\(text(l)) \(op.rawValue) \(text(r))"
    case .aggregate(let agg):
      let terms = agg.terms.map(text).joined(separator: ", ")
      return "\(agg.result) = \(agg.kind.rawValue) { \(terms) : \(agg.body.map(text).joined(separator: ", ")) }"
    }
  }
}

// MARK: - Variables

extension ReferenceProgram.Term {
  /// The named variables of the term (`_` excluded).
  public var variables: Set<String> {
    switch self {
    case .variable(let name): return name == "_" ? [] : [name]
    case .constant: return []
    case .binary(_, let l, let r): return l.variables.union(r.variables)
    }
  }
}

extension ReferenceProgram.Literal {
  /// The named variables the literal mentions (an aggregate: its result and the variables
  /// of its terms and body).
  public var variables: Set<String> {
    switch self {
    case .positive(let atom), .negative(let atom):
      return atom.terms.reduce(into: []) { $0.formUnion($1.variables) }
    case .compare(_, let l, let r): return l.variables.union(r.variables)
    case .aggregate(let agg):
      var vars: Set<String> = [agg.result]
      for t in agg.terms { vars.formUnion(t.variables) }
      for l in agg.body { vars.formUnion(l.variables) }
      return vars
    }
  }
}
