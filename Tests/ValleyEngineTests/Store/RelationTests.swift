import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// The relation store against a plain Swift set: membership, row order, indexes and copies,
/// at sizes where the hash tables grow many times (fingerprints get fewer bits as they grow).
@Suite struct RelationTests {
  /// Random pairs over a small domain, so that many inserts are duplicates.
  static func pairs(_ n: Int, seed: UInt64, domain: UInt32) -> [[UInt32]] {
    var random = SplitMix64(seed: seed)
    return (0..<n).map { _ in
      [UInt32.random(in: 0..<domain, using: &random), UInt32.random(in: 0..<domain, using: &random)]
    }
  }

  @Test func membershipMatchesASetAcrossGrowth() {
    var relation = Relation(arity: 2)
    var reference = Set<[UInt32]>()
    var order: [[UInt32]] = []
    for pair in Self.pairs(120_000, seed: 7, domain: 400) {
      let isNew = reference.insert(pair).inserted
      let inserted = relation.insert(pair)
      #expect(inserted == isNew)
      if isNew { order.append(pair) }
    }
    #expect(relation.count == reference.count)
    #expect(relation.rows == order)
    for (r, pair) in order.enumerated() where r % 97 == 0 { #expect(relation.rowIndex(of: pair) == r) }
    for pair in Self.pairs(5_000, seed: 8, domain: 500) {
      #expect(relation.contains(pair) == reference.contains(pair))
    }
  }

  @Test func indexChainsEveryRowOfAKeyInInsertionOrder() {
    var relation = Relation(arity: 2)
    relation.ensureIndex(on: [1])
    for pair in Self.pairs(50_000, seed: 9, domain: 3_000) { relation.insert(pair) }
    guard let index = relation.storage.index(on: [1]) else {
      Issue.record("index missing")
      return
    }
    var expected: [UInt32: [Int]] = [:]
    for r in 0..<relation.count { expected[relation.value(r, 1), default: []].append(r) }
    for key in UInt32(0)..<3_100 {
      var rows: [Int] = []
      var r = relation.storage.first(in: index, matching: key)
      while r >= 0 {
        rows.append(Int(r))
        r = index.next(after: r)
      }
      #expect(rows == (expected[key] ?? []), "key \(key)")
    }
  }

  /// Removing rows moves the last rows into the holes; membership must follow every move,
  /// including entries shifted back in their probe runs.
  @Test(arguments: [1, 17, 1_000, 9_000])
  func removalKeepsMembershipExact(removals: Int) {
    var relation = Relation(arity: 2)
    relation.ensureIndex(on: [0])
    for pair in Self.pairs(30_000, seed: 11, domain: 300) { relation.insert(pair) }
    var random = SplitMix64(seed: UInt64(removals))
    var doomed = Set<Int>()
    while doomed.count < removals { doomed.insert(Int.random(in: 0..<relation.count, using: &random)) }
    let before = relation.rows
    let gone = Set(doomed.map { before[$0] })
    var copy = relation
    let moves = copy.remove(rows: Array(doomed))
    #expect(copy.count == before.count - removals)
    #expect(relation.rows == before, "the original is untouched")
    #expect(!copy.hasIndex(on: [0]))
    var expected = before
    for (from, to) in moves { expected[to] = before[from] }
    expected.removeLast(removals)
    #expect(copy.rows == expected)
    for (r, row) in expected.enumerated() { #expect(copy.rowIndex(of: row) == r) }
    for row in gone { #expect(!copy.contains(row)) }
    let reinserted = copy.insert(before[0])
    #expect(reinserted == gone.contains(before[0]))
  }

  /// Removing rows in order keeps the survivors in order and membership exact, whether or
  /// not the membership set was built yet.
  @Test(arguments: [false, true])
  func removalKeepingOrderKeepsTheRestInOrder(appended: Bool) {
    var relation = Relation(arity: 2)
    let pairs = Array(Set(Self.pairs(20_000, seed: 21, domain: 1_000))).sorted { $0.lexicographicallyPrecedes($1) }
    for pair in pairs {
      if appended {
        pair.withUnsafeBufferPointer { buffer in
          if let base = buffer.baseAddress { relation.appendUnchecked(base) }
        }
      } else {
        relation.insert(pair)
      }
    }
    let doomed = Array(stride(from: 3, to: pairs.count, by: 7))
    var copy = relation
    copy.removeKeepingOrder(rows: doomed)
    let gone = Set(doomed)
    let expected = pairs.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
    #expect(copy.rows == expected)
    #expect(relation.count == pairs.count, "the original is untouched")
    for (r, pair) in expected.enumerated() where r % 13 == 0 { #expect(copy.rowIndex(of: pair) == r) }
    for r in doomed { #expect(!copy.contains(pairs[r])) }
  }

  /// Batched inserts give the rows, in the order, and the new/known answers that one insert
  /// at a time gives, across table growth.
  @Test func batchedInsertsMatchOneAtATime() {
    let one = RelationStorage(arity: 2)
    let batched = RelationStorage(arity: 2)
    let hashes = UnsafeMutablePointer<UInt64>.allocate(capacity: 16)
    let isNew = UnsafeMutablePointer<Bool>.allocate(capacity: 16)
    defer {
      hashes.deallocate()
      isNew.deallocate()
    }
    var random = SplitMix64(seed: 5)
    let flat = Self.pairs(30_000, seed: 13, domain: 250).flatMap { $0 }
    var j = 0
    while j < flat.count / 2 {
      let n = min(Int.random(in: 1...16, using: &random), flat.count / 2 - j)
      let added = flat.withUnsafeBufferPointer { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return batched.insertBatch(base + 2 * j, count: n, hashes: hashes, isNew: isNew)
      }
      var expectedAdded = 0
      for k in 0..<n {
        let wasNew = flat.withUnsafeBufferPointer { buffer in
          buffer.baseAddress.map { one.insert($0 + 2 * (j + k)) } ?? false
        }
        #expect(isNew[k] == wasNew)
        if wasNew { expectedAdded += 1 }
      }
      #expect(added == expectedAdded)
      j += n
    }
    #expect(batched.count == one.count)
    #expect(
      (0..<batched.count).map { batched.row($0).array(count: 2) }
        == (0..<one.count).map { one.row($0).array(count: 2) })
  }

  @Test func copiesDoNotShareWrites() {
    var original = Relation(arity: 3)
    for i in UInt32(0)..<1_000 { original.insert([i, i &* 7, i % 5]) }
    var copy = original
    copy.insert([5_000, 1, 2])
    #expect(original.count == 1_000)
    #expect(copy.count == 1_001)
    #expect(!original.contains([5_000, 1, 2]))
    #expect(copy.contains([999, 999 &* 7, 4]))
  }

  @Test func nullaryRelationsHoldAtMostOneRow() {
    var relation = Relation(arity: 0)
    #expect(!relation.contains([UInt32]()))
    let first = relation.insert([UInt32]())
    let second = relation.insert([UInt32]())
    #expect(first)
    #expect(!second)
    #expect(relation.count == 1)
    #expect(relation.contains([UInt32]()))
  }
}
