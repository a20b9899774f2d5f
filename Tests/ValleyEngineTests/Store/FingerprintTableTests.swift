import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// The hash table as its growth in place leaves it, with hashes chosen to make the hard
/// cases (probe runs that wrap from the last slot to the first, long runs, growth by several
/// doublings at once), and the page memory under it, across the size where buffers move to
/// pages of their own.
@Suite struct FingerprintTableTests {
  /// A hash whose home slot is `home` in any table of more than `home` slots, with high bits
  /// of its own (the fingerprint).
  static func hash(home: Int, salt: UInt64) -> UInt64 {
    (salt &* 0x9E37_79B9_7F4A_7C15) << 32 | UInt64(home)
  }

  /// Enters entry `k` hashed `hashes[k]` for every `k`, growing as an owner does, and checks
  /// that every entry is found after each growth.
  static func fill(_ hashes: [UInt64]) -> FingerprintTable {
    var table = FingerprintTable()
    for (entry, h) in hashes.enumerated() {
      if table.needsRoom(for: entry + 1) {
        let old = table
        table = old.grown(toHold: entry + 1, existing: entry) { hashes[$0] }
        for k in 0..<entry { #expect(table.find(hashes[k]) { $0 == k } == k, "entry \(k) after growth") }
      }
      #expect(table.findOrAdd(h, entry: entry) { _ in false } == -1)
    }
    return table
  }

  @Test func runsWrappingPastTheLastSlotStayFindable() {
    // Homes crowd the last slots of each table size, so runs wrap to slot 0.
    let homes = [15, 14, 31, 63, 0, 1_023, 4_095]
    let hashes = (0..<3_000).map { Self.hash(home: homes[$0 % homes.count], salt: UInt64($0)) }
    let table = Self.fill(hashes)
    for (entry, h) in hashes.enumerated() { #expect(table.find(h) { $0 == entry } == entry) }
    #expect(table.find(Self.hash(home: 15, salt: 99_999)) { _ in false } == -1)
    table.deallocate()
  }

  @Test func growingByManyDoublingsAtOnceKeepsEveryEntry() {
    var hashes = (0..<10).map { Self.hash(home: 15 - $0 % 2, salt: UInt64($0)) }
    var table = Self.fill(hashes)
    let old = table
    table = old.grown(toHold: 100_000, existing: hashes.count) { hashes[$0] }
    #expect(!table.needsRoom(for: 100_000))
    for (entry, h) in hashes.enumerated() { #expect(table.find(h) { $0 == entry } == entry) }
    var random = SplitMix64(seed: 3)
    for k in 10..<60_000 {
      let h = random.next()
      hashes.append(h)
      #expect(table.findOrAdd(h, entry: k) { _ in false } == -1)
    }
    for (entry, h) in hashes.enumerated() { #expect(table.find(h) { $0 == entry } == entry) }
    table.deallocate()
  }

  @Test func randomHashesAcrossThePagedSizeStayFindable() {
    var random = SplitMix64(seed: 11)
    let hashes = (0..<300_000).map { _ in random.next() }
    let table = Self.fill(hashes)
    for (entry, h) in hashes.enumerated() where entry % 7 == 0 {
      #expect(table.find(h) { $0 == entry } == entry)
    }
    #expect(table.capacity * 3 / 4 >= 300_000)
    table.deallocate()
  }

  @Test func pageMemoryKeepsValuesAndZeroesNewRoomAcrossGrowth() {
    var capacity = 1_000
    var buffer = StoreMemory.allocate(UInt32.self, capacity: capacity, zeroed: true)
    for i in 0..<capacity { #expect(buffer[i] == 0) }
    for i in 0..<capacity { buffer[i] = UInt32(i) &* 2_654_435_761 }
    // Within malloc, then past the paged size, then between paged sizes.
    for next in [3_000, 40_000, 200_000, 1_000_000] {
      buffer = StoreMemory.grow(buffer, from: capacity, to: next, zeroed: true)
      for i in 0..<capacity where i % 13 == 0 || i == capacity - 1 {
        #expect(buffer[i] == UInt32(i) &* 2_654_435_761)
      }
      for i in capacity..<next where i % 11 == 0 || i == next - 1 { #expect(buffer[i] == 0) }
      for i in capacity..<next { buffer[i] = UInt32(i) &* 2_654_435_761 }
      capacity = next
    }
    StoreMemory.deallocate(buffer, capacity: capacity)
  }
}
