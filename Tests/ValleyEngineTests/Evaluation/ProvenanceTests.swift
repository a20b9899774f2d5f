import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// Stamps: how they are kept (runs, moved rows) and what explanations get from them.
@Suite struct ProvenanceTests {
  @Test func rowsCarryTheStampOfTheRunTheyFallIn() {
    var provenance = Provenance()
    let first = provenance.nextRound()
    provenance.record(predicate: 2, from: 10, stamp: first)
    let second = provenance.nextRound()
    provenance.record(predicate: 2, from: 15, stamp: second)
    provenance.recordStored(predicate: 2, row: 20)
    #expect(first < second)
    #expect((0..<10).allSatisfy { provenance.stamp(of: 2, row: $0) == 0 }, "rows before the first run are stored")
    #expect((10..<15).allSatisfy { provenance.stamp(of: 2, row: $0) == first })
    #expect((15..<20).allSatisfy { provenance.stamp(of: 2, row: $0) == second })
    #expect(provenance.stamp(of: 2, row: 25) == 0, "stored rows appended later")
    #expect(provenance.stamp(of: 7, row: 0) == 0, "a predicate with no table")
    #expect(provenance.tables[2].runStarts == [10, 15, 20])
  }

  @Test func aRoundThatAddsToARunOfTheSameStampAddsNoEntry() {
    var provenance = Provenance()
    let stamp = provenance.nextRound()
    provenance.record(predicate: 0, from: 0, stamp: stamp)
    provenance.record(predicate: 0, from: 100, stamp: stamp)
    #expect(provenance.tables[0].runStarts == [0])
  }

  /// Removing rows moves the last ones into the holes; they keep their stamps.
  @Test func movedRowsKeepTheirStamps() {
    var provenance = Provenance()
    var stamps: [UInt32] = []
    for k in 0..<5 {
      let stamp = provenance.nextRound()
      provenance.record(predicate: 0, from: k * 10, stamp: stamp)
      stamps += Array(repeating: stamp, count: 10)
    }
    // 50 rows; remove rows 3, 17 and 45..49 (7 rows): rows 43 and 44 fill holes 3 and 17.
    let doomed = [3, 17, 45, 46, 47, 48, 49]
    let moves = [(from: 43, to: 3), (from: 44, to: 17)]
    provenance.apply(removing: doomed, moves: moves, count: 43, of: 0)
    var expected = stamps
    expected[3] = stamps[43]
    expected[17] = stamps[44]
    expected.removeLast(7)
    #expect((0..<43).map { provenance.stamp(of: 0, row: $0) } == expected)
    #expect(provenance.tables[0].moved.count == 2)
    // Rows appended afterwards get the new round's stamp, not a run's that ended.
    let later = provenance.nextRound()
    provenance.record(predicate: 0, from: 43, stamp: later)
    #expect(provenance.stamp(of: 0, row: 43) == later)
    #expect(provenance.stamp(of: 0, row: 42) == stamps[42])
  }

  /// Stamps cost one entry per round in which a predicate grew, not one per fact.
  @Test func stampsTakeOneEntryPerRound() throws {
    let edges = (1...300).map { "e(\($0), \($0 + 1))." }.joined(separator: "\n")
    let session = Session.loaded(edges + "\ntc(X, Y) :- e(X, Y).\ntc(X, Y) :- tc(X, Z), e(Z, Y).")
    let tc = try #require(session.knowledge.catalog.number(of: "tc"))
    #expect(session.knowledge.model.relations[tc].count == 300 * 301 / 2)
    #expect(session.knowledge.provenance.tables[tc].runStarts.count == 300)
  }

  /// A proof follows facts stamped earlier: on a chain, the proof of tc(1, n) is as deep as
  /// the chain, each step one edge shorter (the least height), not a longer detour.
  @Test func proofsAreOfLeastHeight() throws {
    let session = Session.loaded(
      """
      e(1, 2). e(2, 3). e(3, 4). e(1, 4).
      tc(X, Y) :- e(X, Y).
      tc(X, Y) :- tc(X, Z), e(Z, Y).
      """)
    let outputs = session.execute(input: ":why tc(1, 4).")
    #expect(session.errors(in: outputs).isEmpty)
    let text = session.rendered(outputs)
    #expect(text.contains("tc(1, 4)  [rule"))
    #expect(text.contains("e(1, 4)  [fact"), "the one-step proof, not the path through 2 and 3:\n\(text)")
    #expect(!text.contains("tc(1, 3)"), "\(text)")
  }

  /// `:set provenance` still parses (scripts written for earlier versions run) but only warns.
  @Test func theProvenanceOptionOnlyWarns() throws {
    let session = Session.loaded("p(1).\nq(X) :- p(X).")
    let outputs = session.execute(input: ":set provenance off")
    #expect(session.errors(in: outputs).isEmpty)
    #expect(session.rendered(outputs).contains("W502"))
    let why = session.execute(input: ":why q(1).")
    #expect(session.errors(in: why).isEmpty)
    #expect(session.rendered(why).contains("q(1)  [rule"))
  }
}
