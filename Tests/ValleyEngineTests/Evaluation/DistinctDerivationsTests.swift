import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// Rules whose heads are appended without a duplicate check must still behave as sets.
@Suite struct DistinctDerivationsTests {
  static func qualifying(_ knowledge: String) -> Set<String> {
    let session = Session.loaded(knowledge)
    let program = session.knowledge.program
    var names = Set<String>()
    var store = FactStore(arities: program.catalog.predicates.map(\.arity))
    for p in 0..<min(store.relations.count, session.knowledge.base.relations.count) {
      store.relations[p] = session.knowledge.base.relations[p]
    }
    for stratum in program.strata {
      for p in DistinctDerivations.predicates(of: stratum, program: program, store: store) {
        names.insert(program.catalog[p].name)
      }
    }
    return names
  }

  @Test func onlyInjectiveSingleNonRecursiveRulesQualify() {
    let names = Self.qualifying(
      """
      q(1). q(2). r(1, 2). r(2, 2).
      pairs(X, Y) :- q(X), q(Y), X != Y.
      doubled(X, Y) :- q(X), Y = X * 2.
      counted(X, N) :- q(X), N = count { Y : r(X, Y) }.
      projected(X) :- r(X, _).
      dropped(X) :- r(X, Y), Y > 0.
      twice(X) :- q(X).
      twice(X) :- r(X, _).
      stored(X) :- q(X).
      stored(9).
      closure(X, Y) :- r(X, Y).
      closure(X, Y) :- closure(X, Z), r(Z, Y).
      """)
    #expect(names == ["pairs", "doubled", "counted"])
  }

  @Test func appendedRowsAnswerMembershipAndGrowIncrementally() throws {
    let session = Session.loaded(
      """
      q(1). q(2). q(3).
      pairs(X, Y) :- q(X), q(Y), X != Y.
      lonely(X, Y) :- q(X), q(Y), not pairs(X, Y).
      """)
    #expect(try session.holds("?- pairs(1, 3)."))
    #expect(try !session.holds("?- pairs(2, 2)."))
    #expect(try session.answers("?- lonely(X, Y).") == ["1, 1", "2, 2", "3, 3"])
    session.succeed(":assert q(4).")
    #expect(try session.answers("?- N = count { X, Y : pairs(X, Y) }.") == ["12"])
    #expect(try session.holds("?- pairs(4, 1)."))
    #expect(try session.answers("?- lonely(X, Y).") == ["1, 1", "2, 2", "3, 3", "4, 4"])
  }

  /// Without a negation over them, new facts extend the appended rows in place.
  @Test func incrementalInsertsSeeTheAppendedRows() throws {
    let session = Session.loaded("q(1). q(2).\npairs(X, Y) :- q(X), q(Y).")
    session.succeed(":assert q(3).")
    session.succeed(":assert q(1).")
    #expect(try session.answers("?- N = count { X, Y : pairs(X, Y) }.") == ["9"])
    #expect(try session.answers("?- pairs(X, 1).") == ["1", "2", "3"])
  }
}
