import Testing
import ValleyTestSupport

@testable import ValleyEngine

@Suite struct ValuePoolTests {
  @Test func equalValuesShareAnIdentifierAndOthersDoNot() {
    let pool = ValuePool()
    let values: [Value] = [
      .integer(1), .decimal(1.0), .symbol("1"), .integer(-1), .integer(.min), .integer(.max),
      .decimal(0.5), .decimal(-0.5), .symbol("a"), .symbol("A"), .symbol("안산"),
    ]
    let ids = values.map(pool.intern)
    #expect(Set(ids).count == values.count)
    #expect(values.map(pool.intern) == ids)
    for (value, id) in zip(values, ids) {
      #expect(pool[id] == value)
      #expect(pool.lookup(value) == id)
    }
    #expect(pool.intern(.decimal(-0.0)) == pool.intern(.decimal(0.0)))
    #expect(pool.lookup(.integer(-2)) == nil)
    #expect(pool.lookup(.symbol("b")) == nil)
    #expect(pool.isSymbol(ids[2]))
    #expect(!pool.isSymbol(ids[0]))
    #expect(!pool.isSymbol(ids[3]))
  }

  @Test func smallNonNegativeIntegersNeedNoTable() {
    let pool = ValuePool()
    let held: [Int64] = [0, 1, 42, 9_999_999, ValuePool.largestImmediate]
    for n in held {
      let id = pool.intern(.integer(n))
      #expect(pool.intern(integer: n) == id)
      #expect(pool.lookup(.integer(n)) == id)
      #expect(pool[id] == .integer(n))
    }
    #expect(pool.count == 0)
    // Just outside the range: kept in the table, with identifiers of their own.
    let outside: [Int64] = [-1, ValuePool.largestImmediate + 1, .max, .min]
    let ids = outside.map { pool.intern(integer: $0) }
    #expect(pool.count == outside.count)
    #expect(Set(ids + held.map { pool.intern(.integer($0)) }).count == outside.count + held.count)
    for (n, id) in zip(outside, ids) { #expect(pool[id] == .integer(n)) }
  }

  @Test func tableIdentifiersAreDenseInFirstUseOrderAcrossGrowth() {
    let pool = ValuePool()
    var random = SplitMix64(seed: 3)
    var order: [Int64] = []
    var seen = Set<Int64>()
    for _ in 0..<50_000 {
      // Negative integers are kept in the table (non-negative ones in their identifiers).
      let n = Int64.random(in: -20_000 ... -1, using: &random)
      let id = pool.intern(.integer(n))
      if seen.insert(n).inserted {
        #expect(Int(id) == order.count)
        order.append(n)
      } else {
        #expect(pool[id] == .integer(n))
      }
    }
    #expect(pool.count == order.count)
  }
}
