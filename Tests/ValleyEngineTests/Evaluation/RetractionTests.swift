import Testing

@testable import ValleyEngine

/// Retractions on a model big enough for the bookkeeping to matter: many rows removed and
/// moved, and provenance compacted once removed derivations fill half its store.
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
    DifferentialTests.expectSoundProofs(session, seed: 0)
    let tc = try #require(session.knowledge.catalog.number(of: "tc"))
    let table = session.knowledge.provenance.tables[tc]
    #expect(table.garbage * 2 <= table.bindings.count, "removed derivations were compacted away")
  }

  /// Compaction keeps every remaining derivation's bindings and drops the removed ones.
  @Test func provenanceCompactsRemovedBindings() {
    var provenance = Provenance(enabled: true)
    provenance.prepare(predicate: 0, firstDerivedRow: 0)
    for r in 0..<3_000 {
      provenance.record(predicate: 0, rule: r % 2, bindings: [UInt32(r), UInt32(r + 1), UInt32(r + 2)][0..<(2 + r % 2)])
    }
    // Remove the first 2,000 rows: the last 1,000 move into the holes of the first 1,000.
    let doomed = Array(0..<2_000)
    let moves = (0..<1_000).map { (from: 2_000 + $0, to: $0) }
    provenance.apply(removing: doomed, moves: moves, count: 1_000, of: 0, width: { 2 + $0 })
    let table = provenance.tables[0]
    #expect(table.garbage == 0)
    #expect(table.bindings.count == (0..<1_000).reduce(0) { $0 + 2 + (2_000 + $1) % 2 })
    for row in [0, 1, 500, 999] {
      let r = 2_000 + row
      let derivation = provenance.derivation(of: 0, row: row, slotCount: { 2 + $0 })
      #expect(derivation?.rule == r % 2)
      #expect(derivation?.bindings == Array([UInt32(r), UInt32(r + 1), UInt32(r + 2)][0..<(2 + r % 2)]))
    }
  }
}
