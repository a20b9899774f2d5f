import ValleyTestSupport

/// The oracle of the differential tests: ``ReferenceProgram`` evaluated as plainly as
/// possible, straight from LANGUAGE.md, with no planning, indexing or incremental update.
///
/// Each stratum applies all its rules to the current facts and adds what they derive until
/// nothing changes. A body is solved over dictionaries of bindings, taking each time the
/// first literal (in written order) whose inputs are bound: a positive atom whose expression
/// arguments can be computed from earlier bindings and its own variables; a negation,
/// comparison or expression whose variables are bound; the literal that binds a variable no
/// positive atom binds (see ``Clause/binders``) once its other side is known; an aggregate
/// whose grouping variables are bound (and whose result is bound, unless it binds it).
extension ReferenceProgram {
  typealias Model = [String: Set<[Value]>]
  typealias Binding = [String: Value]

  /// Every fact, stored and derived.
  func evaluate() -> Model {
    var model = facts
    for stratum in strata {
      var changed = true
      while changed {
        changed = false
        for rule in stratum {
          for tuple in Self.derive(rule, model) where model[rule.head.predicate, default: []].insert(tuple).inserted {
            changed = true
          }
        }
      }
    }
    return model
  }

  /// The head tuples `rule` derives from `model`.
  static func derive(_ rule: Rule, _ model: Model) -> [[Value]] {
    let clause = Clause(rule.body, head: rule.head.terms)
    return clause.solve([:], model).map { binding in rule.head.terms.map { value(of: $0, binding)! } }
  }

  /// The distinct bindings of `names` that satisfy `body` (a query).
  static func answers(_ body: [Literal], names: [String], _ model: Model) -> Set<[Value]> {
    Set(Clause(body, head: []).solve([:], model).map { b in names.map { b[$0]! } })
  }

  /// A clause body with what its literals need to know about the rest of it.
  struct Clause {
    var body: [Literal]
    /// Variables that a positive atom binds as a plain argument (outside aggregates).
    var atomBound: Set<String> = []
    /// Variables that occur outside every aggregate: in the head, in a literal that is not
    /// an aggregate, or as an aggregate's result. An aggregate's variables among them are
    /// its grouping variables.
    var outer: Set<String>
    /// For each variable that no positive atom binds, the literal that binds it: the first,
    /// in written order, of `V = E` or `E = V` (E without V) and aggregates with result V.
    /// Any other `=` on V compares once V is bound.
    var binders: [String: Int] = [:]

    init(_ body: [Literal], head: [Term]) {
      self.body = body
      for case .positive(let atom) in body {
        for case .variable(let name) in atom.terms where name != "_" { atomBound.insert(name) }
      }
      outer = head.reduce(into: []) { $0.formUnion($1.variables) }
      for literal in body {
        if case .aggregate(let agg) = literal { outer.insert(agg.result) } else { outer.formUnion(literal.variables) }
      }
      for (i, literal) in body.enumerated() {
        switch literal {
        case .compare(.equal, let l, let r):
          if case .variable(let v) = l, claim(v, unless: r) {
            binders[v] = i
          } else if case .variable(let v) = r, claim(v, unless: l) {
            binders[v] = i
          }
        case .aggregate(let agg) where claim(agg.result, unless: .constant(.int(0))):
          binders[agg.result] = i
        default: break
        }
      }
    }

    private func claim(_ v: String, unless other: Term) -> Bool {
      v != "_" && !atomBound.contains(v) && binders[v] == nil && !other.variables.contains(v)
    }

    /// The bindings that extend `binding` and satisfy the literals at `remaining`.
    func solve(_ binding: Binding, _ model: Model, _ remaining: [Int]? = nil) -> [Binding] {
      let remaining = remaining ?? Array(body.indices)
      guard !remaining.isEmpty else { return [binding] }
      let bound = Set(binding.keys)
      guard let k = remaining.firstIndex(where: { isReady($0, bound) }) else {
        fatalError("no literal of \(body.map(text)) can run with \(bound.sorted()) bound")
      }
      var rest = remaining
      let i = rest.remove(at: k)
      return extend(binding, i, model).flatMap { solve($0, model, rest) }
    }

    func isReady(_ i: Int, _ bound: Set<String>) -> Bool {
      switch body[i] {
      case .positive(let atom):
        var own = bound
        for case .variable(let name) in atom.terms { own.insert(name) }
        return atom.terms.allSatisfy { $0.variables.isSubset(of: own) }
      case .negative(let atom):
        return atom.terms.allSatisfy { $0.variables.isSubset(of: bound) }
      case .compare(let op, let l, let r):
        if l.variables.isSubset(of: bound) && r.variables.isSubset(of: bound) { return true }
        guard op == .equal else { return false }
        if case .variable(let v) = l, binders[v] == i, r.variables.isSubset(of: bound) { return true }
        if case .variable(let v) = r, binders[v] == i, l.variables.isSubset(of: bound) { return true }
        return false
      case .aggregate(let agg):
        return grouping(agg).isSubset(of: bound) && (bound.contains(agg.result) || binders[agg.result] == i)
      }
    }

    /// The aggregate's grouping variables.
    func grouping(_ agg: Aggregate) -> Set<String> {
      var inner = Set<String>()
      for t in agg.terms { inner.formUnion(t.variables) }
      for l in agg.body { inner.formUnion(l.variables) }
      return inner.intersection(outer)
    }

    func extend(_ binding: Binding, _ i: Int, _ model: Model) -> [Binding] {
      switch body[i] {
      case .positive(let atom):
        return model[atom.predicate, default: []].compactMap { match(atom, $0, binding) }
      case .negative(let atom):
        return model[atom.predicate, default: []].contains { match(atom, $0, binding) != nil } ? [] : [binding]
      case .compare(let op, let l, let r):
        if case .variable(let v) = l, binding[v] == nil {
          return [binding.merging([v: value(of: r, binding)!]) { a, _ in a }]
        }
        if case .variable(let v) = r, binding[v] == nil {
          return [binding.merging([v: value(of: l, binding)!]) { a, _ in a }]
        }
        return holds(op, value(of: l, binding)!, value(of: r, binding)!) ? [binding] : []
      case .aggregate(let agg):
        // The body sees the grouping variables only; its other variables are its own.
        let group = binding.filter { grouping(agg).contains($0.key) }
        let inner = Clause(agg.body, head: agg.terms).solve(group, model)
        let tuples = Set(inner.map { b in agg.terms.map { value(of: $0, b)! } })
        guard let result = aggregate(agg.kind, tuples) else { return [] }
        if let current = binding[agg.result] {
          return compare(current, result) == 0 ? [binding] : []
        }
        return [binding.merging([agg.result: result]) { a, _ in a }]
      }
    }
  }

  /// The binding extended so that `atom` matches `tuple` (values, not numbers: `1` does not
  /// match `1.0`), or nil.
  static func match(_ atom: Atom, _ tuple: [Value], _ binding: Binding) -> Binding? {
    var result = binding
    var computed: [(Term, Value)] = []
    for (term, v) in zip(atom.terms, tuple) {
      switch term {
      case .variable("_"): continue
      case .variable(let name):
        if let bound = result[name] {
          if bound != v { return nil }
        } else {
          result[name] = v
        }
      case .constant(let c): if c != v { return nil }
      case .binary: computed.append((term, v))
      }
    }
    for (term, v) in computed where value(of: term, result)! != v { return nil }
    return result
  }

  // MARK: Values

  static func value(of term: Term, _ binding: Binding) -> Value? {
    switch term {
    case .variable(let name): return binding[name]
    case .constant(let c): return c
    case .binary(let op, let l, let r):
      guard let a = value(of: l, binding), let b = value(of: r, binding) else { return nil }
      return apply(op, a, b)
    }
  }

  /// Arithmetic as LANGUAGE.md defines it; the generator never divides by zero, overflows
  /// or computes on a symbol.
  static func apply(_ op: Operator, _ a: Value, _ b: Value) -> Value {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      switch op {
      case .add: return .int(x + y)
      case .subtract: return .int(x - y)
      case .multiply: return .int(x * y)
      case .divide: return .int(x / y)  // truncates toward zero
      case .modulo: return .int(x % y)  // takes the dividend's sign
      }
    default:
      let x = number(a)
      let y = number(b)
      switch op {
      case .add: return .dec(x + y)
      case .subtract: return .dec(x - y)
      case .multiply: return .dec(x * y)
      case .divide: return .dec(x / y)
      case .modulo: return .dec(x - y * (x / y).rounded(.towardZero))
      }
    }
  }

  static func number(_ v: Value) -> Double {
    switch v {
    case .int(let i): return Double(i)
    case .dec(let d): return d
    case .sym: fatalError("arithmetic on a symbol")
    }
  }

  /// The value order: numbers numerically (the generator's integers are exact as doubles),
  /// then symbols by Unicode scalars.
  static func compare(_ a: Value, _ b: Value) -> Int {
    switch (a, b) {
    case (.sym(let x), .sym(let y)):
      if x == y { return 0 }
      return x.unicodeScalars.map(\.value).lexicographicallyPrecedes(y.unicodeScalars.map(\.value)) ? -1 : 1
    case (.sym, _): return 1
    case (_, .sym): return -1
    default:
      let x = number(a)
      let y = number(b)
      return x < y ? -1 : (x == y ? 0 : 1)
    }
  }

  /// The order answers are sorted in, and min and max use: the value order, with an integer
  /// before an equal decimal.
  static func sortsBefore(_ a: Value, _ b: Value) -> Bool {
    let c = compare(a, b)
    if c != 0 { return c < 0 }
    if case .int = a, case .dec = b { return true }
    return false
  }

  static func holds(_ op: Comparison, _ a: Value, _ b: Value) -> Bool {
    let c = compare(a, b)
    switch op {
    case .equal: return c == 0
    case .notEqual: return c != 0
    case .less: return c < 0
    case .lessEqual: return c <= 0
    case .greater: return c > 0
    case .greaterEqual: return c >= 0
    }
  }

  static func aggregate(_ kind: AggregateKind, _ tuples: Set<[Value]>) -> Value? {
    switch kind {
    case .count: return .int(Int64(tuples.count))
    case .sum:
      return tuples.reduce(Value.int(0)) { apply(.add, $0, $1[0]) }
    case .min: return tuples.map { $0[0] }.min(by: sortsBefore)
    case .max: return tuples.map { $0[0] }.max(by: sortsBefore)
    }
  }
}
