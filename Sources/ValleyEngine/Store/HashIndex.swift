/// An index from the values of some columns to the rows that have them.
///
/// Rows with the same key are chained in insertion order (head to tail through `next`), so
/// a lookup can stop at the first row past a mark: that is how "stable" reads skip the delta.
public struct HashIndex: Sendable {
  /// The indexed columns, in key order.
  public let columns: [Int]
  private var slots: [Int32] = []
  private var heads: [Int32] = []
  private var tails: [Int32] = []
  /// For each row, the next row with the same key, or -1.
  public private(set) var next: [Int32] = []

  /// Creates an empty index on `columns`.
  public init(columns: [Int]) {
    self.columns = columns
  }

  @inline(__always)
  private func keyHash(row: Int, data: [UInt32], arity: Int) -> UInt64 {
    var h: UInt64 = 0x1319_8A2E_0370_7344
    let base = row * arity
    for c in columns { h = TupleHash.mix(h, data[base + c]) }
    return TupleHash.finish(h)
  }

  @inline(__always)
  private func keyHash(_ key: UnsafeBufferPointer<UInt32>) -> UInt64 {
    var h: UInt64 = 0x1319_8A2E_0370_7344
    for v in key { h = TupleHash.mix(h, v) }
    return TupleHash.finish(h)
  }

  mutating func add(row: Int, data: [UInt32], arity: Int) {
    if next.count <= row { next.append(contentsOf: repeatElement(-1, count: row + 1 - next.count)) }
    if (heads.count + 1) * 2 > slots.count { grow(data: data, arity: arity) }
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: keyHash(row: row, data: data, arity: arity)) & mask
    let base = row * arity
    while true {
      let g = slots[i]
      if g < 0 { break }
      let headBase = Int(heads[Int(g)]) * arity
      var same = true
      for c in columns where data[headBase + c] != data[base + c] {
        same = false
        break
      }
      if same {
        next[Int(tails[Int(g)])] = Int32(row)
        tails[Int(g)] = Int32(row)
        return
      }
      i = (i + 1) & mask
    }
    slots[i] = Int32(heads.count)
    heads.append(Int32(row))
    tails.append(Int32(row))
  }

  private mutating func grow(data: [UInt32], arity: Int) {
    let capacity = max(16, slots.count * 2)
    slots = [Int32](repeating: -1, count: capacity)
    let mask = capacity - 1
    for g in 0..<heads.count {
      var i = Int(truncatingIfNeeded: keyHash(row: Int(heads[g]), data: data, arity: arity)) & mask
      while slots[i] >= 0 { i = (i + 1) & mask }
      slots[i] = Int32(g)
    }
  }

  /// The first row whose key columns equal `key`, or -1. Follow ``next`` for the others.
  public func first(_ key: UnsafeBufferPointer<UInt32>, data: [UInt32], arity: Int) -> Int32 {
    guard !slots.isEmpty else { return -1 }
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: keyHash(key)) & mask
    while true {
      let g = slots[i]
      if g < 0 { return -1 }
      let head = heads[Int(g)]
      let headBase = Int(head) * arity
      var same = true
      for (k, c) in columns.enumerated() where data[headBase + c] != key[k] {
        same = false
        break
      }
      if same { return head }
      i = (i + 1) & mask
    }
  }
}
