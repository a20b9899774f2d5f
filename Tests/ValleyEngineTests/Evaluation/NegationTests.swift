import Testing
import ValleyTestSupport

@testable import ValleyEngine

@Suite struct NegationTests {
  static let factors = """
    factor(networking, success). factor(subsidies, success). factor(location, success).
    factor(crime_image, limiting). factor(no_parks, limiting).
    weak(subsidies).
    hinders(crime_image, talent). hinders(no_parks, living). hinders(no_parks, talent).
    """

  @Test(arguments: ["not", #"\+"#])
  func negationRemovesFactsThatHold(negation: String) throws {
    let session = Session.loaded(
      Self.factors + "\nsuccess_factor(F) :- factor(F, success), \(negation) weak(F).")
    #expect(try session.answers("?- success_factor(F).") == ["location", "networking"])
  }

  @Test func negationOfADerivedPredicateRunsAfterIt() throws {
    let session = Session.loaded(
      Self.factors
        + """

        strong(F) :- factor(F, success), not weak(F).
        doubtful(F) :- factor(F, _), not strong(F).
        """)
    #expect(
      try session.answers("?- doubtful(F).") == ["crime_image", "no_parks", "subsidies"])
  }

  @Test func negationWithAConstantArgument() throws {
    let session = Session.loaded(
      Self.factors + "\nspares_talent(F) :- factor(F, limiting), not hinders(F, talent).")
    #expect(try session.answers("?- spares_talent(F).") == [])
    #expect(
      try session.answers("?- factor(F, limiting), not hinders(F, living).") == ["crime_image"])
  }

  @Test func negationInAQuery() throws {
    let session = Session.loaded(Self.factors)
    #expect(
      try session.answers("?- factor(F, success), not weak(F).") == ["location", "networking"])
    #expect(try session.holds("?- not weak(networking)."))
    #expect(try !session.holds("?- not weak(subsidies)."))
  }

  @Test func negationOfAnEmptyDeclaredPredicateAlwaysHolds() throws {
    let session = Session.loaded(
      "@pred banned(f) \"Nothing yet.\"\nf(1). f(2).\nallowed(X) :- f(X), not banned(X).")
    #expect(try session.answers("?- allowed(X).") == ["1", "2"])
  }

  @Test func negationOfAZeroArityPredicate() throws {
    let session = Session.loaded("raining.\ndry :- not raining.\nsunny :- not dry.")
    #expect(try !session.holds("?- dry."))
    #expect(try session.holds("?- sunny."))
  }

  @Test func negationOverARecursivePredicate() throws {
    let session = Session.loaded(
      """
      node(a). node(b). node(c). node(d).
      edge(a, b). edge(b, c).
      reach(X, Y) :- edge(X, Y).
      reach(X, Y) :- reach(X, Z), edge(Z, Y).
      unreachable(X, Y) :- node(X), node(Y), not reach(X, Y).
      """)
    #expect(try session.answers("?- unreachable(a, Y).") == ["a", "d"])
    #expect(try session.answers("?- unreachable(X, d).") == ["a", "b", "c", "d"])
  }

  @Test func layeredNegationAlternates() throws {
    let session = Session.loaded(
      """
      d(1). d(2). d(3).
      a(1).
      b(X) :- d(X), not a(X).
      c(X) :- d(X), not b(X).
      """)
    #expect(try session.answers("?- b(X).") == ["2", "3"])
    #expect(try session.answers("?- c(X).") == ["1"])
  }
}
