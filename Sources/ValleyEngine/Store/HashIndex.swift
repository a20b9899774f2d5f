/// An index from the values of some columns to the rows that have them.
///
/// Rows with the same key are chained in insertion order (head to tail through `next`), so
/// a lookup can stop at the first row past a mark: that is how "stable" reads skip the delta.
final class IndexStorage: @unchecked Sendable {
  /// The indexed columns, in key order.
  let columns: [Int]
  private let columnPointer: UnsafeMutablePointer<Int>
  /// Open addressing over key groups: 0 for empty, otherwise group number plus one with a
  /// fingerprint of the key's hash (see ``SlotTag``).
  private(set) var slots: UnsafeMutablePointer<UInt32>?
  private(set) var slotCount = 0
  private var slotMask: UInt32 = 0
  /// First and last row of each key group.
  private(set) var heads: UnsafeMutablePointer<Int32>
  private(set) var tails: UnsafeMutablePointer<Int32>
  private(set) var groupCount = 0
  private var groupCapacity = 16
  /// For each row, the next row with the same key, or -1.
  private(set) var next: UnsafeMutablePointer<Int32>
  private var nextCapacity = 16

  init(columns: [Int]) {
    self.columns = columns
    columnPointer = .allocate(capacity: max(columns.count, 1))
    columnPointer.initialize(from: columns, count: columns.count)
    heads = .allocate(capacity: 16)
    tails = .allocate(capacity: 16)
    next = .allocate(capacity: 16)
  }

  deinit {
    columnPointer.deallocate()
    slots?.deallocate()
    heads.deallocate()
    tails.deallocate()
    next.deallocate()
  }

  func copy() -> IndexStorage {
    let c = IndexStorage(columns: columns)
    c.heads.deallocate()
    c.tails.deallocate()
    c.next.deallocate()
    c.groupCapacity = groupCapacity
    c.nextCapacity = nextCapacity
    c.heads = .allocate(capacity: groupCapacity)
    c.heads.update(from: heads, count: groupCount)
    c.tails = .allocate(capacity: groupCapacity)
    c.tails.update(from: tails, count: groupCount)
    c.next = .allocate(capacity: nextCapacity)
    c.next.update(from: next, count: nextCapacity)
    c.groupCount = groupCount
    if let slots {
      let s = UnsafeMutablePointer<UInt32>.allocate(capacity: slotCount)
      s.update(from: slots, count: slotCount)
      c.slots = s
      c.slotCount = slotCount
      c.slotMask = slotMask
    }
    return c
  }

  var byteCount: Int { slotCount * 4 + groupCapacity * 8 + nextCapacity * 4 }

  @inline(__always)
  private func rowHash(_ row: Int, _ data: UnsafePointer<UInt32>, _ arity: Int) -> UInt64 {
    var h: UInt64 = 0x1319_8A2E_0370_7344
    let base = data + row * arity
    for k in 0..<columns.count { h = TupleHash.mix(h, base[columnPointer[k]]) }
    return TupleHash.finish(h)
  }

  @inline(__always)
  static func keyHash(_ key: UnsafePointer<UInt32>, _ n: Int) -> UInt64 {
    var h: UInt64 = 0x1319_8A2E_0370_7344
    for k in 0..<n { h = TupleHash.mix(h, key[k]) }
    return TupleHash.finish(h)
  }

  func add(row: Int, data: UnsafePointer<UInt32>, arity: Int) {
    if row >= nextCapacity {
      var capacity = nextCapacity
      while capacity <= row { capacity *= 2 }
      let grown = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
      grown.update(from: next, count: nextCapacity)
      next.deallocate()
      next = grown
      nextCapacity = capacity
    }
    next[row] = -1
    if (groupCount + 1) * 2 > slotCount { growSlots(data, arity) }
    guard let slots else { return }
    let mask = slotCount - 1
    let h = rowHash(row, data, arity)
    let tag = SlotTag.fingerprint(h, slotMask)
    var i = Int(truncatingIfNeeded: h) & mask
    let base = data + row * arity
    let n = columns.count
    while true {
      let s = slots[i]
      if s == 0 { break }
      if s & ~slotMask != tag {
        i = (i + 1) & mask
        continue
      }
      let g = Int(s & slotMask) - 1
      let head = data + Int(heads[g]) * arity
      var same = true
      for k in 0..<n where head[columnPointer[k]] != base[columnPointer[k]] {
        same = false
        break
      }
      if same {
        next[Int(tails[g])] = Int32(row)
        tails[g] = Int32(row)
        return
      }
      i = (i + 1) & mask
    }
    if groupCount == groupCapacity {
      let capacity = groupCapacity * 2
      let h = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
      h.update(from: heads, count: groupCount)
      heads.deallocate()
      heads = h
      let t = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
      t.update(from: tails, count: groupCount)
      tails.deallocate()
      tails = t
      groupCapacity = capacity
    }
    slots[i] = tag | UInt32(truncatingIfNeeded: groupCount + 1)
    heads[groupCount] = Int32(row)
    tails[groupCount] = Int32(row)
    groupCount += 1
  }

  private func growSlots(_ data: UnsafePointer<UInt32>, _ arity: Int) {
    let newCount = SlotTag.grownCount(slotCount)
    let newSlots = UnsafeMutablePointer<UInt32>.allocate(capacity: newCount)
    newSlots.initialize(repeating: 0, count: newCount)
    let mask = newCount - 1
    let newMask = UInt32(truncatingIfNeeded: mask)
    for g in 0..<groupCount {
      let h = rowHash(Int(heads[g]), data, arity)
      var i = Int(truncatingIfNeeded: h) & mask
      while newSlots[i] != 0 { i = (i + 1) & mask }
      newSlots[i] = SlotTag.fingerprint(h, newMask) | UInt32(truncatingIfNeeded: g + 1)
    }
    slots?.deallocate()
    slots = newSlots
    slotCount = newCount
    slotMask = newMask
  }

  /// The first row whose key columns equal `key`, or -1. Follow ``next`` for the others.
  @inline(__always)
  func first(_ key: UnsafePointer<UInt32>, data: UnsafePointer<UInt32>, arity: Int) -> Int32 {
    guard let slots else { return -1 }
    let mask = slotCount - 1
    let n = columns.count
    let h = IndexStorage.keyHash(key, n)
    let tag = SlotTag.fingerprint(h, slotMask)
    var i = Int(truncatingIfNeeded: h) & mask
    while true {
      let s = slots[i]
      if s == 0 { return -1 }
      if s & ~slotMask != tag {
        i = (i + 1) & mask
        continue
      }
      let head = heads[Int(s & slotMask) - 1]
      let base = data + Int(head) * arity
      var same = true
      for k in 0..<n where base[columnPointer[k]] != key[k] {
        same = false
        break
      }
      if same { return head }
      i = (i + 1) & mask
    }
  }
}
