import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// The provenance store's own bookkeeping: compaction after removals, and its limit.
@Suite struct ProvenanceTests {
  /// Compaction keeps every remaining derivation's bindings and drops the removed ones.
  @Test func provenanceCompactsRemovedBindings() {
    var provenance = Provenance(enabled: true)
    provenance.prepare(predicate: 0, firstDerivedRow: 0)
    for r in 0..<3_000 {
      provenance.record(
        predicate: 0, rule: r % 2, bindings: [UInt32(r), UInt32(r + 1), UInt32(r + 2)][0..<(2 + r % 2)])
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

  /// Offsets into the provenance store are 32-bit: more than that is an error, not a trap.
  @Test func provenanceRefusesMoreValuesThanItsOffsetsReach() throws {
    let provenance = Provenance(enabled: true)
    #expect(throws: EvaluationError.self) {
      try provenance.checkRoom(for: Provenance.capacity + 1, predicate: 3)
    }
    try provenance.checkRoom(for: Provenance.capacity, predicate: 3)
    let session = Session.loaded("p(1).\nq(X) :- p(X).")
    let diagnostic = RuntimeDiagnostics.diagnostic(
      for: .provenanceLimit(predicate: try #require(session.knowledge.catalog.number(of: "q"))),
      program: session.knowledge.program, pool: session.pool, budget: session.budget)
    #expect(diagnostic.code == "E406")
    #expect(diagnostic.message == "too many derivations of 'q' to record for :why")
    #expect(session.text(of: diagnostic.span) == "q(X) :- p(X).")
  }
}
