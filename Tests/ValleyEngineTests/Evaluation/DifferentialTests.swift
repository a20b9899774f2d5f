import Testing

@testable import ValleyEngine

/// Semi-naive evaluation against ``NaiveProgram/evaluate()`` on seeded random programs with
/// recursion, stratified negation, comparisons, arithmetic and aggregates.
@Suite struct DifferentialTests {
  /// Forty seeds; even ones load the program as a file, odd ones `:assert` it clause by clause
  /// (which re-evaluates the model after every clause).
  static let seeds: [UInt64] = (1...40).map { UInt64($0) &* 0x9E37_79B9 }

  @Test(arguments: seeds)
  func semiNaiveAgreesWithNaiveEvaluation(seed: UInt64) throws {
    let program = RandomProgram.make(seed: seed)
    let session: Session
    if seed % 2 == 0 {
      session = Session.loaded(program.valleyText)
    } else {
      (session, _) = Session.inMemory()
      for clause in program.factClauses + program.ruleClauses {
        session.succeed(":assert \(clause)")
      }
    }
    let expected = program.evaluate()
    for predicate in RandomProgram.derivedPredicates(program) {
      let table = try session.table("?- \(predicate)(A, B).")
      let actual = table.rows.map { row in
        row.map { value -> Int in
          if case .integer(let i) = value { return Int(i) }
          Issue.record("\(predicate) holds a non-integer \(value)")
          return Int.min
        }
      }
      let wanted = expected[predicate, default: []].sorted { $0.lexicographicallyPrecedes($1) }
      #expect(
        actual == wanted,
        "\(predicate) differs for seed \(seed); program:\n\(program.valleyText)")
    }
  }

  /// Facts asserted after the rules are added to the model incrementally (only what follows
  /// from them is derived); the result must equal evaluating everything from scratch.
  @Test(arguments: seeds.prefix(20))
  func incrementalAssertsAgreeWithNaiveEvaluation(seed: UInt64) throws {
    let program = RandomProgram.make(seed: seed)
    var first: [String] = []
    var later: [String] = []
    var seen = Set<Substring>()
    for (i, fact) in program.factClauses.enumerated() {
      let name = fact.prefix { $0 != "(" && $0 != "." }
      if seen.insert(name).inserted || i % 2 == 0 { first.append(fact) } else { later.append(fact) }
    }
    let session = Session.loaded((first + program.ruleClauses).joined(separator: "\n"))
    for fact in later { session.succeed(":assert \(fact)") }
    try Self.expectModel(of: program, in: session, "differs after incremental asserts for seed \(seed); program:\n\(program.valleyText)")
    Self.expectSoundProofs(session, seed: seed)
  }

  /// Facts retracted after evaluation are taken out by delete and rederive (and strata
  /// reading them through `not` or an aggregate are recomputed); the model must equal
  /// evaluating the remaining facts from scratch, and every derived fact must keep a
  /// derivation whose positive premises all hold.
  @Test(arguments: seeds.prefix(24))
  func incrementalRetractsAgreeWithNaiveEvaluation(seed: UInt64) throws {
    var program = RandomProgram.make(seed: seed)
    let session = Session.loaded(program.valleyText)
    var rng = SplitMix64(seed: seed ^ 0x5EED)
    for (name, tuples) in program.facts.sorted(by: { $0.key < $1.key }) {
      for tuple in tuples.sorted(by: { $0.lexicographicallyPrecedes($1) }) where rng.chance(0.3) {
        session.succeed(":retract \(name)(\(tuple.map(String.init).joined(separator: ", "))).")
        program.facts[name]?.remove(tuple)
      }
    }
    try Self.expectModel(of: program, in: session, "differs after incremental retracts for seed \(seed); program:\n\(program.valleyText)")
    Self.expectSoundProofs(session, seed: seed)
  }

  /// Asserts and retracts interleaved, each maintained incrementally.
  @Test(arguments: seeds.prefix(16))
  func interleavedChangesAgreeWithNaiveEvaluation(seed: UInt64) throws {
    var program = RandomProgram.make(seed: seed)
    let all = program.facts.sorted(by: { $0.key < $1.key }).flatMap { name, tuples in
      tuples.sorted(by: { $0.lexicographicallyPrecedes($1) }).map { (name, $0) }
    }
    let session = Session.loaded(program.valleyText)
    var rng = SplitMix64(seed: seed &* 31)
    for _ in 0..<(all.count * 2) {
      let (name, tuple) = rng.pick(all)
      let text = "\(name)(\(tuple.map(String.init).joined(separator: ", ")))."
      if program.facts[name, default: []].contains(tuple) {
        session.succeed(":retract \(text)")
        program.facts[name]?.remove(tuple)
      } else {
        session.succeed(":assert \(text)")
        program.facts[name, default: []].insert(tuple)
      }
    }
    try Self.expectModel(of: program, in: session, "differs after interleaved changes for seed \(seed)")
    Self.expectSoundProofs(session, seed: seed)
  }

  /// The session's derived predicates hold exactly what naive evaluation of `program` gives.
  static func expectModel(
    of program: NaiveProgram, in session: Session, _ message: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let expected = program.evaluate()
    for predicate in RandomProgram.derivedPredicates(program) {
      let table = try session.table("?- \(predicate)(A, B).")
      let actual = table.rows.map { row in
        row.map { value -> Int in
          if case .integer(let i) = value { return Int(i) }
          return Int.min
        }
      }
      let wanted = expected[predicate, default: []].sorted { $0.lexicographicallyPrecedes($1) }
      #expect(actual == wanted, "\(predicate): \(message)", sourceLocation: sourceLocation)
    }
  }

  /// Rules asserted one at a time after the facts, in a random order (every subset of a
  /// stratified program stratifies), then facts of derived predicates: each change extends
  /// the model in place.
  @Test(arguments: seeds.prefix(20))
  func rulesAndDerivedFactsAssertedLaterAgreeWithNaiveEvaluation(seed: UInt64) throws {
    var program = RandomProgram.make(seed: seed)
    // Declared first, so that a rule may be asserted before the rules it reads.
    let declarations = RandomProgram.derivedPredicates(program).map { "@pred \($0)(a, b)" }
    let session = Session.loaded((declarations + program.factClauses).joined(separator: "\n"))
    var rng = SplitMix64(seed: seed &+ 17)
    for rule in program.ruleClauses.shuffled(using: &rng) { session.succeed(":assert \(rule)") }
    for name in RandomProgram.derivedPredicates(program) where rng.chance(0.5) {
      let tuple = [Int.random(in: 0..<4, using: &rng), Int.random(in: 0..<4, using: &rng)]
      session.succeed(":assert \(name)(\(tuple[0]), \(tuple[1])).")
      program.facts[name, default: []].insert(tuple)
    }
    try Self.expectModel(of: program, in: session, "differs after asserting rules, seed \(seed)")
    Self.expectSoundProofs(session, seed: seed)
  }

  /// Every fact of the model has a proof that ends in stored facts.
  static func expectSoundProofs(_ session: Session, seed: UInt64) {
    let explainer = session.makeExplainer()
    let model = session.knowledge.model
    for p in 0..<model.relations.count {
      for r in 0..<model.relations[p].count {
        let proof = explainer.prove(p, model.relations[p].row(r), depth: 0)
        #expect(
          isSound(proof, rules: session.knowledge.rules),
          "\(session.knowledge.catalog[p].name) row \(r) has no sound derivation, seed \(seed)")
      }
    }
  }

  /// Whether a proof tree ends in stored facts, with every positive premise present.
  static func isSound(_ node: ProofNode, rules: [Rule]) -> Bool {
    switch node {
    case .fact(_, let origin, _): return origin.location != "?"
    case .absent: return false
    case .comparison, .aggregate, .truncated: return true
    case .derived(_, let rule, let children):
      return zip(rules[rule].body, children).allSatisfy { literal, child in
        if case .negative = literal { return true }
        return isSound(child, rules: rules)
      }
    }
  }

  @Test func randomProgramsAreReproducible() {
    #expect(RandomProgram.make(seed: 7).valleyText == RandomProgram.make(seed: 7).valleyText)
    #expect(RandomProgram.make(seed: 7).valleyText != RandomProgram.make(seed: 8).valleyText)
  }

  @Test func randomProgramsExerciseEveryFeature() {
    let text = Self.seeds.map { RandomProgram.make(seed: $0).valleyText }.joined()
    for feature in ["not ", " < ", "V = ", "count {", "sum {", "min {", "max {"] {
      #expect(text.contains(feature), "no program uses '\(feature)'")
    }
  }
}
