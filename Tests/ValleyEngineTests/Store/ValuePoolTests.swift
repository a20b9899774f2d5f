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
    #expect(pool.lookup(.integer(2)) == nil)
    #expect(pool.isSymbol[Int(ids[2])])
    #expect(!pool.isSymbol[Int(ids[0])])
  }

  @Test func identifiersAreDenseInFirstUseOrderAcrossGrowth() {
    let pool = ValuePool()
    var random = SplitMix64(seed: 3)
    var order: [Int64] = []
    var seen = Set<Int64>()
    for _ in 0..<50_000 {
      let n = Int64.random(in: -20_000...20_000, using: &random)
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
