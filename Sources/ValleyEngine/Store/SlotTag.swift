/// The layout of a slot of a ``FingerprintTable`` (the membership sets of ``RelationStorage``
/// and the key groups of ``IndexStorage``).
///
/// A table has a power-of-two number of slots, `2^k`, and is never full, so an entry number
/// plus one fits in the low `k` bits of a 32-bit slot (0 means empty). The
/// remaining `32 - k` high bits hold a fingerprint: the top bits of the entry's 64-bit hash.
/// A probe compares fingerprints first and reads the stored row only when they agree, which
/// spares most cache misses on long probe sequences at no cost in memory.
enum SlotTag {
  /// The most slots a table may have: entry numbers must fit in 32 bits.
  static let maximumCount = 1 << 32

  /// The fingerprint of `hash` for a table whose entry bits are `mask` (`slotCount - 1`).
  @inline(__always)
  static func fingerprint(_ hash: UInt64, _ mask: UInt32) -> UInt32 {
    UInt32(truncatingIfNeeded: hash >> 32) & ~mask
  }

  /// The size of a table after growing one of `count` slots.
  static func grownCount(_ count: Int) -> Int {
    let grown = max(16, count * 2)
    precondition(grown <= maximumCount, "a relation cannot hold more than 2^31 rows")
    return grown
  }
}
