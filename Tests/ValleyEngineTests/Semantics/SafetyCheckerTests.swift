import Testing
import ValleyTestSupport

@testable import ValleyEngine

@Suite struct SafetyCheckerTests {
  static let base = "q(1).\nr(1, 2).\n"

  /// A rule, the variable the error must name, and the place it must mention.
  static let unsafe: [(rule: String, variable: String, place: String)] = [
    ("p(X) :- q(Y).", "X", "the head"),
    ("p(X, Z) :- q(X), r(X, Y).", "Z", "the head"),
    ("p(X) :- q(X), not r(X, Y).", "Y", "a negated literal"),
    ("p(X) :- q(X), Y > 3.", "Y", "a comparison"),
    ("p(X) :- q(X), X < Y + 1.", "Y", "a comparison"),
    ("p(X) :- q(X), X != Y.", "Y", "a comparison"),
    ("p(X) :- q(X), r(X + Y, 2).", "Y", "an expression argument"),
    ("p(N) :- N = count { X : q(Y) }.", "X", "the terms of 'count'"),
    ("p(X) :- Y = X + 1, q(Y).", "X", "the head"),
  ]

  @Test(arguments: unsafe)
  func unboundVariableIsNamed(rule: String, variable: String, place: String) throws {
    let (session, diagnostics) = loadDiagnostics(Self.base + rule)
    let errors = diagnostics.filter { $0.severity == .error }
    let error = try #require(errors.first)
    #expect(errors.count == 1, "\(errors.map(\.message))")
    #expect(error.code == "E203")
    #expect(error.message == "variable '\(variable)' in \(place) is not bound")
    #expect(session.text(of: error.span) == variable)
    #expect(session.line(of: error.span) == 3)
    #expect(error.help?.contains(variable) == true)
  }

  static let safe: [String] = [
    "p(X) :- X = 3.",
    "p(X) :- X > 0, q(X).",
    "p(Y) :- Y = X + 1, q(X).",
    "p(Y) :- Y = Z * 2, Z = X + 1, q(X).",
    "p(X) :- 3 = X.",
    "p(X) :- q(X), not r(X, _).",
    "p(X) :- q(X), not r(_, _).",
    "p(X, N) :- q(X), N = count { Y : r(X, Y) }.",
    "p(N) :- N = count { Y : r(_, Y) }.",
    "p(N) :- N > 0, N = sum { Y : r(_, Y) }.",
    "p(X + 1) :- q(X).",
  ]

  @Test(arguments: safe)
  func boundVariablesPassInAnyOrder(rule: String) {
    let (session, diagnostics) = loadDiagnostics(Self.base + rule)
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(session.rendered(errors))")
  }

  @Test func anonymousVariableInNegationMeansAnyValue() throws {
    let session = Session.loaded(
      """
      factor(crime_image). factor(networking). factor(parks).
      hinders(crime_image, talent). hinders(parks, living).
      unaddressed(F) :- factor(F), not hinders(F, _).
      """)
    #expect(try session.answers("?- unaddressed(F).") == ["networking"])
    #expect(try session.answers("?- factor(F), not hinders(F, _).") == ["networking"])
  }

  static let unsafeQueries: [(query: String, variable: String)] = [
    ("?- not q(X).", "X"),
    ("?- X > 1.", "X"),
    ("?- q(X), not r(X, Y).", "Y"),
    ("?- Y = X + 1.", "X"),
  ]

  @Test(arguments: unsafeQueries)
  func unsafeQueryIsRejected(query: String, variable: String) throws {
    let session = Session.loaded(Self.base)
    let errors = session.errors(query)
    #expect(!errors.isEmpty)
    #expect(errors.allSatisfy { $0.code == "E203" })
    let error = try #require(errors.first { $0.message.contains("'\(variable)'") })
    #expect(session.text(of: error.span) == variable)
  }

  @Test func anonymousVariableCannotBeAHeadArgument() throws {
    let (_, diagnostics) = loadDiagnostics(Self.base + "p(_) :- q(1).")
    #expect(diagnostics.map(\.code) == ["E205"])
  }

  @Test func anonymousVariableNeverHasAValueInAComparison() throws {
    let (_, diagnostics) = loadDiagnostics(Self.base + "p(X) :- q(X), X < _.")
    #expect(diagnostics.map(\.code) == ["E206"])
  }

  @Test func unsafeRuleLeavesTheSessionEmpty() throws {
    let (session, _) = loadDiagnostics(Self.base + "p(X) :- q(Y).")
    #expect(session.errors("?- q(X).").map(\.code) == ["E202"])
  }
}
