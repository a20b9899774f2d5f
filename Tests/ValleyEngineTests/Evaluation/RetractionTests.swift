import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// Retractions on a model big enough for the bookkeeping to matter: many rows removed and
/// moved, provenance following them.
@Suite struct RetractionTests {
  static let rules = "tc(X, Y) :- e(X, Y).\ntc(X, Y) :- tc(X, Z), e(Z, Y)."

  /// Thirty chains of twenty edges; cutting each in the middle removes a hundred pairs, few
  /// enough against the whole closure to go through delete-and-rederive.
  static func chains(cut: Set<Int>) -> String {
    var lines: [String] = []
    for c in 0..<30 {
      for k in 0..<20 where !cut.contains(c * 100 + k) {
        lines.append("e(\(c * 100 + k), \(c * 100 + k + 1)).")
      }
    }
    return lines.joined(separator: "\n") + "\n" + rules
  }

  @Test func cuttingChainsOneByOneMatchesAFreshEvaluation() throws {
    let session = Session.loaded(Self.chains(cut: []))
    var cut = Set<Int>()
    for c in 0..<30 {
      let k = c * 100 + 10
      session.succeed(":retract e(\(k), \(k + 1)).")
      cut.insert(k)
    }
    let fresh = Session.loaded(Self.chains(cut: cut))
    let count = "?- N = count { X, Y : tc(X, Y) }."
    #expect(try session.answers(count) == fresh.answers(count))
    #expect(try session.answers("?- tc(1505, Y).") == fresh.answers("?- tc(1505, Y)."))
    Differential.expectSoundProofs(session, "long chains after retracts")
    let tc = try #require(session.knowledge.catalog.number(of: "tc"))
    let table = session.knowledge.provenance.tables[tc]
    #expect(table.moved.count <= 30 * 100, "only rows moved by removals keep a stamp of their own")
  }
}
