import Testing
import ValleyTestSupport

@testable import ValleyEngine

@Suite struct ArithmeticTests {
  static let values: [(expression: String, value: String)] = [
    ("7 / 2", "3"),
    ("-7 / 2", "-3"),
    ("7 / -2", "-3"),
    ("-7 / -2", "3"),
    ("7 mod 3", "1"),
    ("-7 mod 3", "-1"),
    ("7 mod -3", "1"),
    ("-7 mod -3", "-1"),
    ("7.0 / 2", "3.5"),
    ("-7.5 mod 2", "-1.5"),
    ("1 + 1.0", "2.0"),
    ("2.5 * 2", "5.0"),
    ("0.1 + 0.2", "0.30000000000000004"),
    ("1e20 * 10", "1e+21"),
    ("9223372036854775807 - 1", "9223372036854775806"),
    ("-9223372036854775807 - 1", "-9223372036854775808"),
    ("-9223372036854775808", "-9223372036854775808"),
    ("-9223372036854775808 mod -1", "0"),
    ("-9223372036854775808 mod 2", "0"),
  ]

  @Test(arguments: values)
  func integerAndDecimalArithmetic(expression: String, value: String) throws {
    #expect(try Session().answers("?- X = \(expression).") == [value])
  }

  static let failures: [(expression: String, message: String)] = [
    ("9223372036854775807 + 1", "integer overflow"),
    ("-9223372036854775808 - 1", "integer overflow"),
    ("4611686018427387904 * 2", "integer overflow"),
    ("-9223372036854775808 / -1", "integer overflow"),
    ("-(-9223372036854775808)", "integer overflow"),
    ("1 / 0", "division by zero"),
    ("1 mod 0", "division by zero"),
    ("1.5 / 0", "division by zero"),
    ("1.5 / 0.0", "division by zero"),
    ("1e308 * 10", "not a finite number"),
    ("a + 1", "arithmetic on the symbol a"),
    ("-a", "arithmetic on the symbol a"),
  ]

  @Test(arguments: failures)
  func failedArithmeticInAQueryIsAnError(expression: String, message: String) throws {
    let session = Session()
    let error = try #require(session.errors("?- X = \(expression).").first)
    #expect(error.code == "E401")
    #expect(error.message.contains(message), "message: \(error.message)")
    #expect(error.message.hasSuffix("in the query"), "message: \(error.message)")
  }

  static let knowledge = """
    big(9223372036854775807). big(1).
    d(0). d(5).
    double(Y) :- big(X), X < 10, Y = X * 2.
    """

  /// A rule that fails at run time, the predicate the message must name, and its message.
  static let failingRules: [(rule: String, predicate: String, message: String, span: String)] = [
    (
      "over(Y) :- big(X), Y = X + 1.", "over", "integer overflow in 9223372036854775807 + 1",
      "X + 1"
    ),
    ("ratio(Y) :- d(X), Y = 10 / X.", "ratio", "division by zero", "10 / X"),
    ("rest(Y) :- d(X), Y = 10 mod X.", "rest", "division by zero", "10 mod X"),
    (
      "total(S) :- S = sum { X : big(X) }.", "total", "integer overflow in 9223372036854775807 + 1",
      "sum { X : big(X) }"
    ),
  ]

  @Test(arguments: failingRules)
  func runtimeErrorInAssertedRuleNamesTheRuleAndChangesNothing(
    rule: String, predicate: String, message: String, span: String
  ) throws {
    let session = Session.loaded(Self.knowledge)
    let before = try session.answers("?- double(Y).")
    #expect(before == ["2"])
    let errors = session.errors(":assert \(rule)")
    let error = try #require(errors.first)
    #expect(errors.count == 1)
    #expect(error.code == "E401")
    #expect(error.message == "\(message) in a rule for '\(predicate)'")
    #expect(session.text(of: error.span) == span)
    #expect(try session.answers("?- double(Y).") == before)
    #expect(try session.answers("?- big(X).") == ["1", "9223372036854775807"])
    #expect(session.errors("?- \(predicate)(Y).").map(\.code) == ["E202"])
  }

  @Test func runtimeErrorWhileLoadingKeepsTheFileOut() throws {
    let (session, _) = Session.inMemory([
      "base.kb": Self.knowledge, "bad.kb": "over(Y) :- big(X), Y = X + 1.",
    ])
    #expect(session.errors(in: session.loadKnowledgeFiles(["base.kb"])).isEmpty)
    let errors = session.errors(in: session.loadKnowledgeFiles(["bad.kb"]))
    #expect(errors.map(\.code) == ["E401"])
    #expect(try session.answers("?- double(Y).") == ["2"])
    #expect(session.errors("?- over(Y).").map(\.code) == ["E202"])
  }

  @Test func runtimeErrorAfterAFactIsAssertedRemovesTheFactAgain() throws {
    let session = Session.loaded("d(5).\nratio(Y) :- d(X), Y = 10 / X.")
    #expect(try session.answers("?- ratio(Y).") == ["2"])
    #expect(session.errors(":assert d(0).").map(\.code) == ["E401"])
    #expect(try session.answers("?- d(X).") == ["5"])
    #expect(try session.answers("?- ratio(Y).") == ["2"])
  }

  @Test func arithmeticOnlyRunsOnBoundRows() throws {
    let session = Session.loaded("d(0). d(5).\nratio(Y) :- d(X), X != 0, Y = 10 / X.")
    #expect(try session.answers("?- ratio(Y).") == ["2"])
  }

  @Test func expressionsWorkInBodyAtomsAndComparisons() throws {
    let session = Session.loaded("n(1). n(2). n(3). n(4).")
    #expect(try session.answers("?- n(X), n(X + 1).") == ["1", "2", "3"])
    #expect(try session.answers("?- n(X), X * X > 5.") == ["3", "4"])
    #expect(try session.answers("?- n(X), X mod 2 = 0, Y = X / 2.") == ["2, 1", "4, 2"])
  }
}
