import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// `Session.whyNotAnswer`: why a query does not give one row (used by exercise feedback).
@Suite struct WhyNotAnswerTests {
  private func session() -> Session {
    let session = Session()
    _ = session.execute(input: ":assert link(a, b).\n:assert link(b, c).\n:assert size(a, 0).\n")
    return session
  }

  @Test func theFirstFailingPremiseForTheRow() throws {
    let report = try session().whyNotAnswer(
      "?- link(X, Y), link(Y, Z).", row: [.symbol("b"), .symbol("c"), .symbol("d")], name: "q",
      location: "your query"
    ).get()
    #expect(!report.holds)
    let finding = try #require(report.rules.first)
    #expect(finding.location == "your query")
    #expect(finding.failingPremise == "link(b, c)" || finding.failingPremise == "link(c, d)")
    #expect(finding.reason == "no fact of link/2 matches (stored or derived)")
  }

  @Test func aRowTheQueryGivesHolds() throws {
    let report = try session().whyNotAnswer("link(X, Y)", row: [.symbol("a"), .symbol("b")], name: "q", location: "q")
      .get()
    #expect(report.holds && report.rules.isEmpty)
  }

  @Test func anIntegerIsNotADecimal() throws {
    let report = try session().whyNotAnswer(
      "size(X, N).", row: [.symbol("a"), .decimal(0)], name: "q", location: "q"
    ).get()
    #expect(!report.holds)
    #expect(report.rules.first?.failingPremise == "size(a, 0.0)")
  }

  @Test func wrongWidthsAndBadTextAreDiagnostics() {
    let s = session()
    guard case .failure(let wrong) = s.whyNotAnswer("link(X, Y).", row: [.symbol("a")], name: "q", location: "q")
    else {
      Issue.record("a row of the wrong width must fail")
      return
    }
    #expect(wrong.diagnostics.first?.kind == .E517)
    guard case .failure(let bad) = s.whyNotAnswer("link(X, ", row: [], name: "q", location: "q") else {
      Issue.record("text that does not parse must fail")
      return
    }
    #expect(bad.diagnostics.contains { $0.severity == .error })
  }
}
