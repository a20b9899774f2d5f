/// Random stratified programs over the whole language, for differential tests against
/// ``ReferenceProgram/evaluate()``.
///
/// A program has stored predicates `s0`... and derived predicates `d0`... of arity 0 to 3,
/// whose columns each hold a kind of value: integers, numbers (integers and decimals), or
/// anything (numbers and symbols). Rules mix what the language allows: repeated variables in
/// an atom, constants in bodies and heads, `_`, rules without variables, expressions as
/// arguments of heads and body atoms, `X = Expr` (either way round), comparisons across
/// numbers and symbols, negation (with `_`), aggregates with grouping (empty groups
/// included, and results that a positive atom also binds), and recursion through one or two
/// predicates. Bodies are written in a shuffled order, so the engine must order them itself.
///
/// Kinds keep every program free of runtime errors, so that an answer is all there is to
/// compare: arithmetic only sees numbers, `mod` only integers, a divisor is 2 or 4, `sum`
/// adds numbers. Values stay small (no overflow) and decimals are halves (sums are exact in
/// any order). A rule that reads its own stratum puts only values it read into its head, so
/// every model is finite.
public enum RandomProgram {
  /// Short for the program type.
  public typealias P = ReferenceProgram

  /// The values a column (or a variable) may hold; each kind includes the ones before it.
  public enum Kind: Int, Comparable {
    case int, num, any
    /// Narrower kinds first.
    public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
  }

  /// A predicate's column kinds.
  public typealias Signature = [Kind]

  /// The symbols programs use.
  public static let symbols = ["a", "ab", "b", "c"]
  /// The decimals programs use: halves, so sums are exact in any order.
  public static let decimals: [Double] = [-0.5, 0.5, 1.0, 1.5, 2.0]

  /// The program for `seed` (the same on every run). With `integersOnly`, every column
  /// holds integers (constants elsewhere, in comparisons, still take any kind): programs for
  /// engines whose columns have one type.
  public static func make(seed: UInt64, integersOnly: Bool = false) -> ReferenceProgram {
    var generator = Generator(rng: SplitMix64(seed: seed))
    generator.integersOnly = integersOnly
    return generator.program()
  }

  /// A query over a program's predicates (every one may be read), with its named variables.
  public static func query(for program: ReferenceProgram, seed: UInt64) -> [P.Literal] {
    var generator = Generator(rng: SplitMix64(seed: seed))
    generator.signatures = signatures(of: program)
    let all = program.arities.keys.sorted()
    return generator.body(positive: all, negatable: all, recursive: [], variablePrefix: "Q").literals
  }

  /// The column kinds of a program's predicates, read back from its facts and rules' use
  /// (a query only needs them to pick constants and keep arithmetic on numbers).
  public static func signatures(of program: ReferenceProgram) -> [String: Signature] {
    var result: [String: Signature] = [:]
    for (name, arity) in program.arities {
      result[name] = Array(repeating: .int, count: arity)
    }
    for (name, tuples) in program.facts {
      for tuple in tuples {
        for (i, v) in tuple.enumerated() { result[name]![i] = max(result[name]![i], kind(of: v)) }
      }
    }
    // Derived columns: anything may arrive there; a query treats them as `any`.
    for name in program.derivedPredicates { result[name] = Array(repeating: .any, count: program.arities[name]!) }
    return result
  }

  /// The narrowest kind that holds `value`.
  public static func kind(of value: P.Value) -> Kind {
    switch value {
    case .int: return .int
    case .dec: return .num
    case .sym: return .any
    }
  }

  struct Generator {
    var rng: SplitMix64
    var signatures: [String: Signature] = [:]
    var domain = 4
    var integersOnly = false

    mutating func program() -> ReferenceProgram {
      domain = Int.random(in: 3...5, using: &rng)
      var stored: [String] = []
      var facts: [String: Set<[P.Value]>] = [:]
      for i in 0..<Int.random(in: 3...4, using: &rng) {
        let name = "s\(i)"
        let arity = i == 0 ? 2 : rng.pick([0, 1, 2, 2, 2, 3])
        let signature = (0..<arity).map { _ in integersOnly ? Kind.int : rng.pick([Kind.int, .int, .num, .any]) }
        signatures[name] = signature
        stored.append(name)
        var tuples = Set<[P.Value]>()
        if arity == 0 {
          if rng.chance(0.6) { tuples.insert([]) }
        } else {
          for _ in 0..<Int.random(in: 2...12, using: &rng) { tuples.insert(signature.map { constant($0) }) }
        }
        facts[name] = tuples
      }
      let derivedCount = Int.random(in: 2...5, using: &rng)
      var groups: [[String]] = []
      var next = 0
      while next < derivedCount {
        let size = next + 1 < derivedCount && rng.chance(0.4) ? 2 : 1
        groups.append((next..<(next + size)).map { "d\($0)" })
        next += size
      }
      for name in groups.joined() {
        let arity = rng.pick([0, 1, 1, 2, 2, 2, 3])
        signatures[name] = (0..<arity).map { _ in integersOnly ? Kind.int : rng.pick([Kind.int, .num, .any, .any]) }
      }
      var strata: [[P.Rule]] = []
      var lower = stored
      for members in groups {
        var first: [P.Rule] = []
        var rest: [P.Rule] = []
        for head in members {
          for r in 0..<Int.random(in: 1...3, using: &rng) {
            let rule = self.rule(
              head: head, positive: r == 0 ? lower : lower + members, negatable: lower, recursive: Set(members))
            if r == 0 { first.append(rule) } else { rest.append(rule) }
          }
        }
        strata.append(first + rest)
        lower += members
      }
      let arities = signatures.mapValues(\.count)
      return ReferenceProgram(arities: arities, facts: facts, strata: strata)
    }

    // MARK: Values and terms

    mutating func constant(_ kind: Kind) -> P.Value {
      let roll = Double.random(in: 0..<1, using: &rng)
      switch kind {
      case .int: return .int(Int64(Int.random(in: -1..<domain, using: &rng)))
      case .num: return roll < 0.7 ? constant(.int) : .dec(rng.pick(RandomProgram.decimals))
      case .any: return roll < 0.65 ? constant(.num) : .sym(rng.pick(RandomProgram.symbols))
      }
    }

    /// An arithmetic expression over `numbers` (variables with their kinds, each `.num` or
    /// `.int`), with its kind.
    mutating func expression(_ numbers: [(String, Kind)]) -> (P.Term, Kind) {
      let (x, kx) = rng.pick(numbers)
      let left = P.Term.variable(x)
      switch Int.random(in: 0..<6, using: &rng) {
      case 0:
        let (y, ky) = rng.pick(numbers)
        return (.binary(.subtract, left, .variable(y)), max(kx, ky))
      case 1: return (.binary(.multiply, left, .constant(.int(Int64(Int.random(in: 1...3, using: &rng))))), kx)
      case 2: return (.binary(.divide, left, .constant(.int(rng.pick([2, 4])))), kx)
      case 3 where kx == .int:
        return (.binary(.modulo, left, .constant(.int(Int64(Int.random(in: 2...3, using: &rng))))), .int)
      case 4:
        let c = constant(.num)
        return (.binary(.add, .constant(c), left), max(kx, RandomProgram.kind(of: c)))
      default:
        return (.binary(.add, left, .constant(.int(Int64(Int.random(in: -1...2, using: &rng))))), kx)
      }
    }

    // MARK: Rules

    /// What a body binds: each named variable with its kind; `plain` are those bound by a
    /// plain argument of a positive atom (outside aggregates).
    struct Body {
      var literals: [P.Literal] = []
      /// The kind of each variable's values in an answer (the narrowest of its columns).
      var kinds: [String: Kind] = [:]
      /// The kind of values a variable may hold at any point of an evaluation, whichever
      /// atom binds it first (the widest of its columns): arithmetic needs this to be a number.
      var safe: [String: Kind] = [:]
      var plain: Set<String> = []

      /// Variables that arithmetic may use, with their kinds.
      var numbers: [(String, Kind)] {
        safe.filter { $0.value <= .num }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
      }
    }

    mutating func rule(head: String, positive: [String], negatable: [String], recursive: Set<String>) -> P.Rule {
      let body = self.body(positive: positive, negatable: negatable, recursive: recursive, variablePrefix: "")
      let readsOwn = body.literals.contains {
        if case .positive(let atom) = $0 { return recursive.contains(atom.predicate) }
        return false
      }
      // A rule that reads its own stratum only passes on values it read (a finite model).
      let usable = readsOwn ? body.kinds.filter { body.plain.contains($0.key) } : body.kinds
      var terms: [P.Term] = []
      for kind in signatures[head]! {
        let fitting = usable.filter { $0.value <= kind }.keys.sorted()
        if !readsOwn, kind >= .num, !body.numbers.isEmpty, rng.chance(0.15) {
          let (e, k) = expression(body.numbers)
          if k <= kind {
            terms.append(e)
            continue
          }
        }
        if fitting.isEmpty || rng.chance(0.12) {
          terms.append(.constant(constant(kind)))
        } else {
          terms.append(.variable(rng.pick(fitting)))
        }
      }
      return P.Rule(head: P.Atom(predicate: head, terms: terms), body: body.literals)
    }

    /// A rule or query body: positive atoms over `positive`, then maybe an atom with
    /// expression arguments, assignments, a negation over `negatable`, comparisons and an
    /// aggregate over `negatable`; shuffled.
    mutating func body(positive: [String], negatable: [String], recursive: Set<String>, variablePrefix: String) -> Body
    {
      var body = Body()
      var fresh = 0
      func newVariable() -> String {
        defer { fresh += 1 }
        return "\(variablePrefix)\(["X", "Y", "Z", "W", "U", "T"][fresh % 6])\(fresh >= 6 ? String(fresh / 6) : "")"
      }
      let constantsOnly = rng.chance(0.08)
      var occurrences: [String: Kind] = [:]
      var widest: [String: Kind] = [:]
      for _ in 0..<Int.random(in: 1...3, using: &rng) {
        let predicate = rng.pick(positive)
        var terms: [P.Term] = []
        for kind in signatures[predicate]! {
          let roll = Double.random(in: 0..<1, using: &rng)
          if constantsOnly || roll < 0.12 {
            terms.append(.constant(constant(kind)))
          } else if roll < 0.2 {
            terms.append(.variable("_"))
          } else if !occurrences.isEmpty && roll < 0.55 {
            let v = rng.pick(occurrences.keys.sorted())
            occurrences[v] = min(occurrences[v]!, kind)
            widest[v] = max(widest[v]!, kind)
            terms.append(.variable(v))
          } else {
            let v = newVariable()
            occurrences[v] = kind
            widest[v] = kind
            terms.append(.variable(v))
          }
        }
        body.literals.append(.positive(P.Atom(predicate: predicate, terms: terms)))
      }
      body.kinds = occurrences
      body.safe = widest
      body.plain = Set(occurrences.keys)
      var numbers: [(String, Kind)] { body.numbers }
      var bound: [String] { body.kinds.keys.sorted() }

      // An atom with an expression argument, matched by value.
      if !numbers.isEmpty, rng.chance(0.2) {
        let predicate = rng.pick(positive.filter { !(signatures[$0]!.isEmpty) })
        let signature = signatures[predicate]!
        let at = Int.random(in: 0..<signature.count, using: &rng)
        var terms: [P.Term] = []
        for (i, kind) in signature.enumerated() {
          if i == at {
            terms.append(expression(numbers).0)
          } else if rng.chance(0.4) {
            terms.append(.variable("_"))
          } else if rng.chance(0.5),
            // Never a column wider than the variable's widest: this atom may bind it first.
            let v = body.plain.sorted().filter({ kind <= body.safe[$0]! }).randomElement(using: &rng)
          {
            terms.append(.variable(v))
          } else {
            terms.append(.constant(constant(kind)))
          }
        }
        body.literals.append(.positive(P.Atom(predicate: predicate, terms: terms)))
      }
      // Assignments: `V = Expr`, `Expr = V`, or a copy of another variable.
      if !bound.isEmpty, rng.chance(0.3) {
        let v = newVariable()
        let value: P.Term
        if !numbers.isEmpty, rng.chance(0.7) {
          let (e, kind) = expression(numbers)
          (value, body.kinds[v], body.safe[v]) = (e, kind, kind)
        } else {
          // A copy takes the value the source has when it runs, maybe before other atoms
          // narrowed the source: its kind in an answer is the source's, and so is its widest.
          let source = rng.pick(bound)
          (value, body.kinds[v], body.safe[v]) = (.variable(source), body.kinds[source]!, body.safe[source]!)
        }
        body.literals.append(
          rng.chance(0.7) ? .compare(.equal, .variable(v), value) : .compare(.equal, value, .variable(v)))
      }
      func boundTerm(_ kind: Kind) -> P.Term {
        let fitting = bound.filter { body.kinds[$0]! <= kind }
        if fitting.isEmpty || rng.chance(0.25) { return .constant(constant(kind)) }
        return .variable(rng.pick(fitting))
      }
      if rng.chance(0.35), let predicate = negatable.randomElement(using: &rng) {
        var terms: [P.Term] = []
        for kind in signatures[predicate]! {
          if rng.chance(0.25) {
            terms.append(.variable("_"))
          } else if kind >= .num, !numbers.isEmpty, rng.chance(0.1) {
            terms.append(expression(numbers).0)
          } else {
            terms.append(boundTerm(kind))
          }
        }
        body.literals.append(.negative(P.Atom(predicate: predicate, terms: terms)))
      }
      for _ in 0..<(rng.chance(0.35) ? Int.random(in: 1...2, using: &rng) : 0) where !bound.isEmpty {
        let left: P.Term =
          !numbers.isEmpty && rng.chance(0.2) ? expression(numbers).0 : .variable(rng.pick(bound))
        let right = boundTerm(.any)
        body.literals.append(.compare(rng.pick(P.Comparison.allCases), left, right))
      }
      if rng.chance(0.25) { aggregate(&body, negatable: negatable, newVariable: newVariable) }
      if rng.chance(0.7) { body.literals.shuffle(using: &rng) }
      return body
    }

    /// Adds `N = kind { terms : inner body }` over `negatable`, grouped by some of the
    /// variables bound so far; sometimes `N` is a variable bound already (then it checks).
    mutating func aggregate(_ body: inout Body, negatable: [String], newVariable: () -> String) {
      let outer = body.kinds.keys.sorted()
      var local: [String: Kind] = [:]
      var localWidest: [String: Kind] = [:]
      var inner: [P.Literal] = []
      var localCount = 0
      for _ in 0..<Int.random(in: 1...2, using: &rng) {
        let predicate = rng.pick(negatable)
        var terms: [P.Term] = []
        for kind in signatures[predicate]! {
          let roll = Double.random(in: 0..<1, using: &rng)
          if roll < 0.1 {
            terms.append(.constant(constant(kind)))
          } else if roll < 0.2 {
            terms.append(.variable("_"))
          } else if roll < 0.45, let v = outer.filter({ body.plain.contains($0) }).randomElement(using: &rng) {
            terms.append(.variable(v))  // a grouping variable
          } else if roll < 0.6, let v = local.keys.sorted().randomElement(using: &rng) {
            local[v] = min(local[v]!, kind)
            localWidest[v] = max(localWidest[v]!, kind)
            terms.append(.variable(v))
          } else {
            let v = "L\(localCount)"
            localCount += 1
            local[v] = kind
            localWidest[v] = kind
            terms.append(.variable(v))
          }
        }
        inner.append(.positive(P.Atom(predicate: predicate, terms: terms)))
      }
      guard !local.isEmpty else { return }
      let locals = local.keys.sorted()
      if rng.chance(0.3) {
        inner.append(.compare(rng.pick(P.Comparison.allCases), .variable(rng.pick(locals)), .constant(constant(.any))))
      }
      var kind = rng.pick(P.AggregateKind.allCases)
      let numbers = locals.filter { localWidest[$0]! <= .num }
      if kind == .sum && numbers.isEmpty { kind = .count }
      var terms: [P.Term]
      let resultKind: Kind
      switch kind {
      case .count:
        terms = [.variable(rng.pick(locals))]
        if rng.chance(0.4) { terms.append(.variable(rng.pick(locals + outer.filter { body.plain.contains($0) }))) }
        resultKind = .int
      case .sum:
        terms = [.variable(rng.pick(numbers))]
        if rng.chance(0.4) { terms.append(.variable(rng.pick(locals))) }
        resultKind = .num
      case .min, .max:
        let v = rng.pick(locals)
        terms = [.variable(v)]
        resultKind = local[v]!
      }
      // Usually a new variable; sometimes one a positive atom binds (the aggregate checks it).
      let result: String
      if rng.chance(0.12), let v = outer.filter({ body.plain.contains($0) }).randomElement(using: &rng) {
        result = v
      } else {
        result = newVariable()
        body.kinds[result] = resultKind
        body.safe[result] = resultKind
      }
      body.literals.append(.aggregate(P.Aggregate(kind: kind, result: result, terms: terms, body: inner)))
    }
  }
}
