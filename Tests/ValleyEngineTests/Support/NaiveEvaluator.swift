/// A reference evaluator for small integer programs: obviously correct, slow.
///
/// It applies every rule of a stratum to the current facts, adds what they derive, and
/// repeats until nothing changes; strata run in order. Bodies are evaluated left to right
/// over dictionaries of bindings, so the program generator writes every literal after the
/// literals that bind its variables.
struct NaiveProgram {
  /// A term: a variable (`_` is a wildcard in negated atoms) or an integer.
  enum Term: Hashable {
    case variable(String)
    case constant(Int)
  }

  /// `predicate(terms...)`.
  struct Atom {
    var predicate: String
    var terms: [Term]
  }

  /// The comparison operators, with their Valley spelling.
  enum Comparison: String, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="

    func holds(_ a: Int, _ b: Int) -> Bool {
      switch self {
      case .equal: a == b
      case .notEqual: a != b
      case .less: a < b
      case .lessEqual: a <= b
      case .greater: a > b
      case .greaterEqual: a >= b
      }
    }
  }

  /// The aggregate functions.
  enum AggregateKind: String, CaseIterable {
    case count, sum, min, max
  }

  /// One body literal.
  enum Literal {
    case positive(Atom)
    case negative(Atom)
    case compare(Comparison, Term, Term)
    /// `variable = source + offset` (the variable is unbound before).
    case assign(String, String, Int)
    /// `result = kind { value : atom }`; the atom's other variables are bound before.
    case aggregate(AggregateKind, result: String, value: String, atom: Atom)
  }

  /// A rule with a head and a body.
  struct Rule {
    var head: Atom
    var body: [Literal]
  }

  /// Stored facts by predicate.
  var facts: [String: Set<[Int]>]
  /// Rules grouped in strata, evaluated in order.
  var strata: [[Rule]]

  /// Every fact: stored and derived.
  func evaluate() -> [String: Set<[Int]>] {
    var model = facts
    for stratum in strata {
      var changed = true
      while changed {
        changed = false
        for rule in stratum {
          for tuple in derive(rule, model)
          where model[rule.head.predicate, default: []].insert(tuple).inserted {
            changed = true
          }
        }
      }
    }
    return model
  }

  private typealias Binding = [String: Int]

  private func derive(_ rule: Rule, _ model: [String: Set<[Int]>]) -> [[Int]] {
    var bindings: [Binding] = [[:]]
    for literal in rule.body {
      bindings = bindings.flatMap { extend($0, literal, model) }
    }
    return bindings.map { binding in rule.head.terms.map { value(of: $0, binding) ?? 0 } }
  }

  private func value(of term: Term, _ binding: Binding) -> Int? {
    switch term {
    case .variable(let name): binding[name]
    case .constant(let c): c
    }
  }

  /// The bindings that extend `binding` so that `atom` matches `tuple`, if any.
  private func match(_ atom: Atom, _ tuple: [Int], _ binding: Binding) -> Binding? {
    var result = binding
    for (term, v) in zip(atom.terms, tuple) {
      switch term {
      case .constant(let c):
        if c != v { return nil }
      case .variable("_"):
        continue
      case .variable(let name):
        if let bound = result[name] {
          if bound != v { return nil }
        } else {
          result[name] = v
        }
      }
    }
    return result
  }

  private func extend(_ binding: Binding, _ literal: Literal, _ model: [String: Set<[Int]>])
    -> [Binding]
  {
    switch literal {
    case .positive(let atom):
      return model[atom.predicate, default: []].compactMap { match(atom, $0, binding) }
    case .negative(let atom):
      let found = model[atom.predicate, default: []].contains { match(atom, $0, binding) != nil }
      return found ? [] : [binding]
    case .compare(let op, let l, let r):
      guard let a = value(of: l, binding), let b = value(of: r, binding) else { return [] }
      return op.holds(a, b) ? [binding] : []
    case .assign(let variable, let source, let offset):
      guard let base = binding[source] else { return [] }
      var result = binding
      result[variable] = base + offset
      return [result]
    case .aggregate(let kind, let result, let valueVariable, let atom):
      var values = Set<Int>()
      for tuple in model[atom.predicate, default: []] {
        if let m = match(atom, tuple, binding), let v = m[valueVariable] { values.insert(v) }
      }
      let aggregated: Int?
      switch kind {
      case .count: aggregated = values.count
      case .sum: aggregated = values.reduce(0, +)
      case .min: aggregated = values.min()
      case .max: aggregated = values.max()
      }
      guard let aggregated else { return [] }
      var extended = binding
      extended[result] = aggregated
      return [extended]
    }
  }
}

extension NaiveProgram {
  /// The program as a Valley knowledge file: facts first, then rules in stratum order.
  var valleyText: String {
    (factClauses + ruleClauses).joined(separator: "\n") + "\n"
  }

  /// One clause per stored fact, sorted.
  var factClauses: [String] {
    facts.keys.sorted().flatMap { predicate in
      facts[predicate, default: []].sorted { $0.lexicographicallyPrecedes($1) }.map {
        "\(predicate)(\($0.map(String.init).joined(separator: ", ")))."
      }
    }
  }

  /// One clause per rule, in stratum order.
  var ruleClauses: [String] {
    strata.flatMap { $0.map(Self.text) }
  }

  static func text(_ rule: Rule) -> String {
    "\(text(rule.head)) :- \(rule.body.map(text).joined(separator: ", "))."
  }

  static func text(_ atom: Atom) -> String {
    "\(atom.predicate)(\(atom.terms.map(text).joined(separator: ", ")))"
  }

  static func text(_ term: Term) -> String {
    switch term {
    case .variable(let name): name
    case .constant(let c): String(c)
    }
  }

  static func text(_ literal: Literal) -> String {
    switch literal {
    case .positive(let atom): text(atom)
    case .negative(let atom): "not " + text(atom)
    case .compare(let op, let l, let r): "\(text(l)) \(op.rawValue) \(text(r))"
    case .assign(let v, let source, let offset): "\(v) = \(source) + \(offset)"
    case .aggregate(let kind, let result, let value, let atom):
      "\(result) = \(kind.rawValue) { \(value) : \(text(atom)) }"
    }
  }
}
