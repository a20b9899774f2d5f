/// Random stratified programs over small integer domains, for differential tests.
///
/// Every program has three binary stored predicates `e0`..`e2` (each with at least one
/// fact) and two to four binary derived predicates `i0`..`i3`, grouped into strata of one or
/// two predicates. A rule reads stored predicates and the derived predicates of its own and
/// earlier strata positively (so it may be recursive, non-linearly or mutually), and negates
/// or aggregates only stored predicates and those of earlier strata, so the program is
/// stratified. Every literal comes after the literals that bind its variables (the naive
/// evaluator reads bodies left to right; the engine may reorder them). Within a stratum the
/// first rule of each predicate reads earlier strata only and comes first, so the rules can
/// also be asserted one by one in order.
enum RandomProgram {
  static let stored = ["e0", "e1", "e2"]

  static func make(seed: UInt64) -> NaiveProgram {
    var rng = SplitMix64(seed: seed)
    let domain = Int.random(in: 3...6, using: &rng)
    var facts: [String: Set<[Int]>] = [:]
    for predicate in stored {
      var tuples = Set<[Int]>()
      let wanted = Int.random(in: 3...14, using: &rng)
      while tuples.count < min(wanted, domain * domain) {
        tuples.insert([
          Int.random(in: 0..<domain, using: &rng), Int.random(in: 0..<domain, using: &rng),
        ])
      }
      facts[predicate] = tuples
    }
    let derivedCount = Int.random(in: 2...4, using: &rng)
    var groups: [[String]] = []
    var next = 0
    while next < derivedCount {
      let size = next + 1 < derivedCount && rng.chance(0.4) ? 2 : 1
      groups.append((next..<(next + size)).map { "i\($0)" })
      next += size
    }
    var strata: [[NaiveProgram.Rule]] = []
    var lower = stored
    for members in groups {
      var first: [NaiveProgram.Rule] = []
      var rest: [NaiveProgram.Rule] = []
      for head in members {
        for r in 0..<Int.random(in: 1...3, using: &rng) {
          let rule =
            rng.chance(0.15)
            ? aggregateRule(head: head, lower: lower, &rng)
            : plainRule(
              head: head, positive: r == 0 ? lower : lower + members, negatable: lower,
              domain: domain, &rng)
          if r == 0 { first.append(rule) } else { rest.append(rule) }
        }
      }
      strata.append(first + rest)
      lower += members
    }
    return NaiveProgram(facts: facts, strata: strata)
  }

  /// The derived predicates of a program, in stratum order.
  static func derivedPredicates(_ program: NaiveProgram) -> [String] {
    var names: [String] = []
    for rule in program.strata.joined() where !names.contains(rule.head.predicate) {
      names.append(rule.head.predicate)
    }
    return names
  }

  private static func plainRule(
    head: String, positive: [String], negatable: [String], domain: Int, _ rng: inout SplitMix64
  ) -> NaiveProgram.Rule {
    let names = ["X", "Y", "Z", "W"]
    var body: [NaiveProgram.Literal] = []
    var bound: [String] = []
    func boundTerm(_ rng: inout SplitMix64) -> NaiveProgram.Term {
      bound.isEmpty || rng.chance(0.2)
        ? .constant(Int.random(in: 0..<domain, using: &rng)) : .variable(rng.pick(bound))
    }
    for _ in 0..<Int.random(in: 1...3, using: &rng) {
      var terms: [NaiveProgram.Term] = []
      var fresh: [String] = []
      for _ in 0..<2 {
        if rng.chance(0.1) {
          terms.append(.constant(Int.random(in: 0..<domain, using: &rng)))
        } else if !bound.isEmpty && rng.chance(0.5) {
          terms.append(.variable(rng.pick(bound)))
        } else {
          let name = rng.pick(names)
          terms.append(.variable(name))
          if !bound.contains(name) && !fresh.contains(name) { fresh.append(name) }
        }
      }
      body.append(.positive(NaiveProgram.Atom(predicate: rng.pick(positive), terms: terms)))
      bound += fresh
    }
    if !bound.isEmpty && rng.chance(0.2) {
      let source = rng.pick(bound)
      body.append(.assign("V", source, Int.random(in: 1...2, using: &rng)))
      body.append(.compare(.less, .variable("V"), .constant(domain)))
      bound.append("V")
    }
    if rng.chance(0.4) {
      var terms: [NaiveProgram.Term] = []
      for _ in 0..<2 {
        terms.append(rng.chance(0.25) ? .variable("_") : boundTerm(&rng))
      }
      body.append(.negative(NaiveProgram.Atom(predicate: rng.pick(negatable), terms: terms)))
    }
    if !bound.isEmpty && rng.chance(0.3) {
      let op = rng.pick(NaiveProgram.Comparison.allCases)
      body.append(.compare(op, .variable(rng.pick(bound)), boundTerm(&rng)))
    }
    let headTerms = [boundTerm(&rng), boundTerm(&rng)]
    return NaiveProgram.Rule(head: NaiveProgram.Atom(predicate: head, terms: headTerms), body: body)
  }

  /// `head(X, N) :- g(X, _), N = kind { Y : q(X, Y) }.` (or with q's columns swapped).
  private static func aggregateRule(head: String, lower: [String], _ rng: inout SplitMix64)
    -> NaiveProgram.Rule
  {
    let group = NaiveProgram.Atom(
      predicate: rng.pick(lower), terms: [.variable("X"), .variable("_")])
    let terms: [NaiveProgram.Term] =
      rng.chance(0.5) ? [.variable("X"), .variable("Y")] : [.variable("Y"), .variable("X")]
    let inner = NaiveProgram.Atom(predicate: rng.pick(lower), terms: terms)
    let kind = rng.pick(NaiveProgram.AggregateKind.allCases)
    return NaiveProgram.Rule(
      head: NaiveProgram.Atom(predicate: head, terms: [.variable("X"), .variable("N")]),
      body: [.positive(group), .aggregate(kind, result: "N", value: "Y", atom: inner)])
  }
}
