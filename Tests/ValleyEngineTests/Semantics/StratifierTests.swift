import Testing
import ValleyTestSupport

@testable import ValleyEngine

@Suite struct StratifierTests {
  /// A program and the cycle its E301 message must print.
  static let negationCycles: [(program: String, cycle: String)] = [
    ("d(1).\na(X) :- d(X), not b(X).\nb(X) :- a(X).", "a -> not b -> a"),
    ("d(1).\np(X) :- d(X), not p(X).", "p -> not p"),
    ("d(1).\na(X) :- d(X), not b(X).\nb(X) :- c(X).\nc(X) :- a(X).", "a -> not b -> c -> a"),
    ("d(1).\nwin(X) :- d(X), d(Y), not win(Y).", "win -> not win"),
    ("d(1).\na :- not b.\nb :- not a.", "a -> not b -> not a"),
  ]

  @Test(arguments: negationCycles)
  func negationCycleIsRejectedWithTheCycle(program: String, cycle: String) throws {
    let (session, diagnostics) = loadDiagnostics(program)
    let error = try #require(diagnostics.first)
    #expect(error.code == "E301")
    #expect(error.message.contains(cycle), "message: \(error.message)")
    #expect(session.text(of: error.span)?.hasPrefix("not ") == true)
  }

  @Test func aggregateCycleIsRejected() throws {
    let (session, diagnostics) = loadDiagnostics(
      "q(1).\np(N) :- q(N).\np(N) :- N = count { X : p(X) }.")
    let error = try #require(diagnostics.first)
    #expect(error.code == "E302")
    #expect(error.message.contains("p -> aggregate over p"), "message: \(error.message)")
    #expect(session.text(of: error.span) == "p(X)")
  }

  @Test func aggregateThroughAnotherPredicateIsACycle() throws {
    let (_, diagnostics) = loadDiagnostics(
      "q(1).\nsize(N) :- N = count { X : member(X) }.\nmember(X) :- q(X).\nmember(N) :- size(N).")
    #expect(diagnostics.map(\.code) == ["E302"])
  }

  @Test func negationOfALowerStratumIsAccepted() throws {
    let session = Session.loaded(
      """
      c(X) :- d(X), not b(X).
      b(X) :- e(X).
      b(X) :- b(Y), e2(Y, X).
      d(1). d(2). d(3). e(1). e2(1, 2).
      """)
    #expect(try session.answers("?- c(X).") == ["3"])
  }

  @Test func cycleAddedByAssertIsRejectedAndChangesNothing() throws {
    let session = Session.loaded("d(1). d(2).\na(X) :- d(X), not b(X).\nb(X) :- d(X), X > 1.")
    #expect(try session.answers("?- a(X).") == ["1"])
    let errors = session.errors(":assert b(X) :- a(X).")
    #expect(errors.map(\.code) == ["E301"])
    #expect(try session.answers("?- a(X).") == ["1"])
    #expect(try session.answers("?- b(X).") == ["2"])
  }

  @Test func strataComeOutDependenciesFirst() throws {
    var registry = SourceRegistry()
    let file = registry.add(
      name: "t.kb",
      text: "top(X) :- mid(X), not low(X).\nmid(X) :- low(X).\nmid(X) :- mid(X).\nlow(1).\n")
    let (syntax, parseDiagnostics) = Parser.parseKnowledge(Lexer.tokenize(file))
    #expect(parseDiagnostics.isEmpty)
    var lowering = Lowering(catalog: PredicateCatalog())
    for clause in syntax.clauses { lowering.registerHead(clause.head) }
    var rules: [Rule] = []
    for clause in syntax.clauses {
      if case .rule(let rule)? = lowering.lower(clause, unit: 1, file: file) { rules.append(rule) }
    }
    let catalog = lowering.catalog
    let strata = try Stratifier.stratify(
      rules: rules, predicateCount: catalog.count, catalog: catalog
    ).get()
    let names = strata.map { $0.predicates.map { catalog[$0].name } }
    #expect(names == [["mid"], ["top"]])
    #expect(strata.map(\.isRecursive) == [true, false])
  }
}
