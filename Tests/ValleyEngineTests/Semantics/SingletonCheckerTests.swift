import Testing
import ValleyTestSupport

@testable import ValleyEngine

@Suite struct SingletonCheckerTests {
  @Test func variableUsedOnceIsAWarning() throws {
    let (session, diagnostics) = loadDiagnostics("q(1, 2).\np(X) :- q(X, Y).")
    let warning = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(warning.severity == .warning)
    #expect(warning.code == "W101")
    #expect(warning.message == "variable 'Y' appears only once in this rule")
    #expect(session.text(of: warning.span) == "Y")
    #expect(try session.answers("?- p(X).") == ["1"])
  }

  static let quiet: [String] = [
    "p(X) :- q(X, _).",
    "p(X) :- q(X, _Y).",
    "p(X) :- q(X, Y), Y > 1.",
    "p(X, Y) :- q(X, Y).",
    "p(N) :- N = count { Y : q(_, Y) }.",
    "p(3).",
  ]

  @Test(arguments: quiet)
  func variablesUsedTwiceOrAnonymousAreQuiet(rule: String) {
    let (_, diagnostics) = loadDiagnostics("q(1, 2).\n" + rule)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
  }

  @Test func eachSingletonIsReportedOnce() {
    let (_, diagnostics) = loadDiagnostics("q(1, 2).\nr(1, 2, 3).\np(X) :- q(X, Y), r(X, Z, W).")
    #expect(
      diagnostics.map(\.message) == [
        "variable 'Y' appears only once in this rule",
        "variable 'Z' appears only once in this rule",
        "variable 'W' appears only once in this rule",
      ])
  }

  @Test func assertReportsSingletonButSucceeds() throws {
    let session = Session.loaded("q(1, 2).")
    let outputs = session.execute(input: ":assert p(X) :- q(X, Y).")
    #expect(session.diagnostics(in: outputs).map(\.code) == ["W101"])
    #expect(try session.answers("?- p(X).") == ["1"])
  }
}
