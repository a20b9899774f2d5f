import Testing
import ValleyTestSupport

@testable import ValleyEngine

@Suite struct AggregationTests {
  static let actors = """
    actor(gtp). actor(city). actor(univ).
    hinders(f1, gtp). hinders(f2, gtp). hinders(f3, city).
    weight(f1, 3). weight(f2, 4). weight(f3, 5).
    established(gtp, 1998). established(gtp, 2003). established(city, 2001).
    """

  @Test func countGroupsByTheOtherVariables() throws {
    let session = Session.loaded(
      Self.actors + "\nn_limits(A, N) :- actor(A), N = count { F : hinders(F, A) }.")
    #expect(try session.answers("?- n_limits(A, N).") == ["city, 1", "gtp, 2", "univ, 0"])
  }

  @Test func groupingVariableMayBeBoundAfterTheAggregate() throws {
    let session = Session.loaded(
      Self.actors + "\nn_limits(A, N) :- N = count { F : hinders(F, A) }, actor(A).")
    #expect(try session.answers("?- n_limits(A, N).") == ["city, 1", "gtp, 2", "univ, 0"])
  }

  @Test func sumGroupsAndGivesZeroForAnEmptyGroup() throws {
    let session = Session.loaded(
      Self.actors + "\nload(A, S) :- actor(A), S = sum { W, F : hinders(F, A), weight(F, W) }.")
    #expect(try session.answers("?- load(A, S).") == ["city, 5", "gtp, 7", "univ, 0"])
  }

  @Test func minAndMaxFailForAnEmptyGroup() throws {
    let session = Session.loaded(
      Self.actors
        + """

        earliest(A, Y) :- actor(A), Y = min { Y1 : established(A, Y1) }.
        latest(A, Y) :- actor(A), Y = max { Y1 : established(A, Y1) }.
        """)
    #expect(try session.answers("?- earliest(A, Y).") == ["city, 2001", "gtp, 1998"])
    #expect(try session.answers("?- latest(A, Y).") == ["city, 2001", "gtp, 2003"])
  }

  @Test func aggregatesOverAnEmptyBodyInAQuery() throws {
    let session = Session.loaded(Self.actors)
    #expect(try session.answers("?- N = count { F : hinders(F, nobody) }.") == ["0"])
    #expect(try session.answers("?- S = sum { W : weight(nothing, W) }.") == ["0"])
    #expect(try session.answers("?- M = min { W : weight(nothing, W) }.") == [])
    #expect(try session.answers("?- M = max { W : weight(nothing, W) }.") == [])
  }

  @Test func countCountsDistinctTuples() throws {
    let session = Session.loaded(Self.actors + "\nweight(f4, 3).")
    #expect(try session.answers("?- N = count { F : hinders(F, _) }.") == ["3"])
    #expect(try session.answers("?- N = count { W : weight(_, W) }.") == ["3"])
    #expect(try session.answers("?- N = count { W, F : weight(F, W) }.") == ["4"])
  }

  @Test func sumAddsOverDistinctTuples() throws {
    let session = Session.loaded(Self.actors + "\nweight(f4, 3).")
    #expect(try session.answers("?- S = sum { W, F : weight(F, W) }.") == ["15"])
    #expect(try session.answers("?- S = sum { W : weight(_, W) }.") == ["12"])
  }

  @Test func sumOfDecimalsIsADecimal() throws {
    let session = Session.loaded("w(1.5). w(2).")
    #expect(try session.answers("?- S = sum { W : w(W) }.") == ["3.5"])
  }

  @Test func minAndMaxUseValueOrder() throws {
    let session = Session.loaded("name(zeta). name(alpha). name(3). name(\"Zed\").")
    #expect(try session.answers("?- X = min { N : name(N) }.") == ["3"])
    #expect(try session.answers("?- X = max { N : name(N) }.") == ["zeta"])
    #expect(try session.answers("?- X = min { N : name(N), N > 3 }.") == ["\"Zed\""])
  }

  @Test func aggregateResultCanBeCompared() throws {
    let session = Session.loaded(Self.actors)
    #expect(try session.answers("?- actor(A), 2 = count { F : hinders(F, A) }.") == ["gtp"])
    #expect(
      try session.answers("?- actor(A), count { F : hinders(F, A) } > 0.") == ["city", "gtp"])
  }

  @Test func aggregateInsideAnExpression() throws {
    let session = Session.loaded(Self.actors)
    #expect(
      try session.answers("?- actor(A), N = 1 + count { F : hinders(F, A) }.")
        == ["city, 2", "gtp, 3", "univ, 1"])
  }

  @Test func nestedAggregateGroupsByTheOuterBody() throws {
    let session = Session.loaded(Self.actors)
    #expect(
      try session.answers("?- N = count { A : actor(A), 0 = count { F : hinders(F, A) } }.") == [
        "1"
      ])
  }

  @Test func aggregateVariablesAreNotAnswers() throws {
    let session = Session.loaded(Self.actors)
    let table = try session.table("?- N = count { F : hinders(F, A) }.")
    #expect(table.variables == ["N"])
  }

  @Test func aggregateOverADerivedPredicate() throws {
    let session = Session.loaded(
      """
      link(a, b). link(b, c). link(c, d).
      reach(X, Y) :- link(X, Y).
      reach(X, Y) :- reach(X, Z), link(Z, Y).
      fan_out(X, N) :- link(X, _), N = count { Y : reach(X, Y) }.
      """)
    #expect(try session.answers("?- fan_out(X, N).") == ["a, 3", "b, 2", "c, 1"])
  }

  @Test func sumOverASymbolIsAnError() throws {
    let (session, diagnostics) = loadDiagnostics(
      Self.actors + "\nbad(S) :- S = sum { F : hinders(F, _) }.")
    let error = try #require(diagnostics.first { $0.severity == .error })
    #expect(error.code == "E402")
    #expect(error.message.contains("'bad'"))
    #expect(session.errors("?- actor(A).").map(\.code) == ["E202"])
  }
}

/// The reference evaluator knows every aggregate the engine has, so a new aggregate cannot
/// escape the differential test.
@Suite struct AggregateCatalogueTests {
  @Test func theOracleHasEveryAggregate() {
    #expect(
      ReferenceProgram.AggregateKind.allCases.map(\.rawValue).sorted()
        == Syntax.AggregateKind.allCases.map(\.rawValue).sorted())
  }

  @Test func aggregateNamesAreQuotedAsSymbols() {
    for kind in Syntax.AggregateKind.allCases {
      #expect(ValueFormatter.source(.symbol(kind.rawValue)) == "\"\(kind.rawValue)\"")
    }
  }
}
