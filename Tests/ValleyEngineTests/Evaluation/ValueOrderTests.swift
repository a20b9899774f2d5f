import Testing
import ValleyTestSupport

@testable import ValleyEngine

@Suite struct ValueOrderTests {
  static let comparisons: [(query: String, holds: Bool)] = [
    ("1 = 1.0", true),
    ("1.0 = 1", true),
    ("1 != 1.0", false),
    ("1 < 1.5", true),
    ("2 > 1.5", true),
    ("-1 < -0.5", true),
    ("9007199254740993 > 9007199254740992.0", true),
    ("gtp = \"gtp\"", true),
    ("'Ansan City' = \"Ansan City\"", true),
    ("안산 = \"안산\"", true),
    ("9 < a", true),
    ("9.5 < a", true),
    ("\"B\" < a", true),
    ("abc < abd", true),
    ("ab < abc", true),
    ("안산 > zebra", true),
    ("a = b", false),
    ("\"1\" = 1", false),
    ("a <= a", true),
    ("a >= b", false),
  ]

  @Test(arguments: comparisons)
  func comparisonsUseTheValueOrder(query: String, holds: Bool) throws {
    #expect(try Session().holds("?- \(query).") == holds)
  }

  @Test func integerAndDecimalAreDifferentValues() throws {
    let session = Session.loaded("p(1.0). q(1).")
    #expect(try !session.holds("?- p(1)."))
    #expect(try session.holds("?- p(1.0)."))
    #expect(try session.answers("?- p(X).") == ["1.0"])
    #expect(try !session.holds("?- q(1.0)."))
    #expect(try session.answers("?- p(X), q(X).") == [])
  }

  /// `X` is bound by `p(X)`, so `X = 1` is a comparison, and `1.0 = 1` holds; the answer
  /// must not depend on which literal the planner runs first.
  @Test func equalityAfterAPositiveAtomCompares() throws {
    let session = Session.loaded("p(1.0).\nq(X) :- p(X), X = 1.")
    #expect(try session.answers("?- p(X), X = 1.") == ["1.0"])
    #expect(try session.answers("?- q(X).") == ["1.0"])
  }

  @Test func answersSortNumbersBeforeSymbols() throws {
    let session = Session.loaded(
      "v(b). v(2). v(a). v(1.5). v(1). v(1.0). v(-3). v(\"B\"). v(10). v(안산). v(-0.5). v(\"10\").")
    #expect(
      try session.answers("?- v(X).") == [
        "-3", "-0.5", "1", "1.0", "1.5", "2", "10", "\"10\"", "\"B\"", "a", "b", "안산",
      ])
  }

  @Test func rowsSortByTheirFirstColumnThenTheNext() throws {
    let session = Session.loaded("r(b, 1). r(a, 2). r(a, 10). r(b, 0.5).")
    #expect(try session.answers("?- r(X, Y).") == ["a, 2", "a, 10", "b, 0.5", "b, 1"])
  }

  @Test func decimalsPrintInTheShortestForm() throws {
    let session = Session.loaded("d(1e3). d(0.25). d(-0.0625). d(3.0).")
    #expect(try session.answers("?- d(X).") == ["-0.0625", "0.25", "3.0", "1000.0"])
  }

  @Test func quotedSymbolsPrintQuotedWhenTheyAreNotBareNames() throws {
    let session = Session.loaded(
      #"s("lack of amenities"). s('Ansan City'). s(plain). s("tab\there"). s("not")."#)
    #expect(
      try session.answers("?- s(X).") == [
        #""Ansan City""#, #""lack of amenities""#, #""not""#, "plain", #""tab\there""#,
      ])
  }

  @Test func valueCompareOrdersEveryKind() {
    #expect(Value.compare(.integer(1), .decimal(1)) == 0)
    #expect(Value.compare(.integer(2), .decimal(1.5)) == 1)
    #expect(Value.compare(.decimal(1e300), .symbol("a")) == -1)
    #expect(Value.compare(.symbol("b"), .integer(Int64.max)) == 1)
    #expect(Value.sortsBefore(.integer(1), .decimal(1)))
    #expect(!Value.sortsBefore(.decimal(1), .integer(1)))
    #expect(Value.compare(.integer(Int64.max), .decimal(9.3e18)) == -1)
    #expect(Value.compare(.integer(Int64.min), .decimal(-9.3e18)) == 1)
  }
}
