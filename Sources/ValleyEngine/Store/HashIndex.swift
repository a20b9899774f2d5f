/// An index from the values of some columns to the rows that have them.
///
/// Rows with the same key form a group, chained in insertion order (head to tail through
/// `next`), so a lookup can stop at the first row past a mark: that is how "stable" reads
/// skip the delta. The groups are found through a ``FingerprintTable`` hashed by key.
///
/// The rows themselves belong to the ``RelationStorage`` that owns the index, which passes
/// them in; evaluation looks keys up through ``RelationStorage/first(in:matching:)-(RowView)``
/// and walks a group with ``next(after:)``.
final class IndexStorage: @unchecked Sendable {
  /// The indexed columns, in key order.
  let columns: [Int]
  private let columnPointer: UnsafeMutablePointer<Int>
  /// The key groups, by group number.
  private var groups = FingerprintTable()
  /// First and last row of each key group.
  private var heads: UnsafeMutablePointer<Int32>
  private var tails: UnsafeMutablePointer<Int32>
  private var groupCount = 0
  private var groupCapacity = 16
  /// For each row, the next row with the same key, or -1.
  private var nextRow: UnsafeMutablePointer<Int32>
  private var nextCapacity = 16

  init(columns: [Int]) {
    self.columns = columns
    columnPointer = .allocate(capacity: max(columns.count, 1))
    columnPointer.initialize(from: columns, count: columns.count)
    heads = StoreMemory.allocate(Int32.self, capacity: 16)
    tails = StoreMemory.allocate(Int32.self, capacity: 16)
    nextRow = StoreMemory.allocate(Int32.self, capacity: 16)
  }

  deinit {
    columnPointer.deallocate()
    groups.deallocate()
    StoreMemory.deallocate(heads, capacity: groupCapacity)
    StoreMemory.deallocate(tails, capacity: groupCapacity)
    StoreMemory.deallocate(nextRow, capacity: nextCapacity)
  }

  func copy() -> IndexStorage {
    let c = IndexStorage(columns: columns)
    StoreMemory.deallocate(c.heads, capacity: c.groupCapacity)
    StoreMemory.deallocate(c.tails, capacity: c.groupCapacity)
    StoreMemory.deallocate(c.nextRow, capacity: c.nextCapacity)
    c.groupCapacity = groupCapacity
    c.nextCapacity = nextCapacity
    c.heads = StoreMemory.allocate(Int32.self, capacity: groupCapacity)
    c.heads.update(from: heads, count: groupCount)
    c.tails = StoreMemory.allocate(Int32.self, capacity: groupCapacity)
    c.tails.update(from: tails, count: groupCount)
    c.nextRow = StoreMemory.allocate(Int32.self, capacity: nextCapacity)
    c.nextRow.update(from: nextRow, count: nextCapacity)
    c.groupCount = groupCount
    c.groups = groups.copy()
    return c
  }

  var byteCount: Int { groups.byteCount + groupCapacity * 8 + nextCapacity * 4 }

  /// The row after `row` in its key group (insertion order), or -1.
  @inline(__always)
  func next(after row: Int32) -> Int32 { nextRow[Int(row)] }

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

  /// Adds row `row` of `data` (`arity` values per row) at the tail of its key group.
  func add(row: Int, data: UnsafePointer<UInt32>, arity: Int) {
    if row >= nextCapacity {
      var capacity = nextCapacity
      while capacity <= row { capacity *= 2 }
      nextRow = StoreMemory.grow(nextRow, from: nextCapacity, to: capacity)
      nextCapacity = capacity
    }
    nextRow[row] = -1
    if groups.needsRoom(for: groupCount + 1) {
      let table = groups
      groups = table.grown(toHold: groupCount + 1, existing: groupCount) { rowHash(Int(heads[$0]), data, arity) }
    }
    let base = data + row * arity
    let n = columns.count
    let table = groups
    let g = table.findOrAdd(rowHash(row, data, arity), entry: groupCount) { g in
      let head = data + Int(heads[g]) * arity
      for k in 0..<n where head[columnPointer[k]] != base[columnPointer[k]] { return false }
      return true
    }
    if g >= 0 {
      nextRow[Int(tails[g])] = Int32(row)
      tails[g] = Int32(row)
      return
    }
    if groupCount == groupCapacity {
      let capacity = groupCapacity * 2
      heads = StoreMemory.grow(heads, from: groupCapacity, to: capacity)
      tails = StoreMemory.grow(tails, from: groupCapacity, to: capacity)
      groupCapacity = capacity
    }
    heads[groupCount] = Int32(row)
    tails[groupCount] = Int32(row)
    groupCount += 1
  }

  /// The first row of `data` (`arity` values per row) whose key columns equal `key`, or -1.
  /// Follow ``next(after:)`` for the others.
  @inline(__always)
  func first(_ key: UnsafePointer<UInt32>, data: UnsafePointer<UInt32>, arity: Int) -> Int32 {
    let n = columns.count
    let table = groups
    let g = table.find(IndexStorage.keyHash(key, n)) { g in
      let base = data + Int(heads[g]) * arity
      for k in 0..<n where base[columnPointer[k]] != key[k] { return false }
      return true
    }
    return g >= 0 ? heads[g] : -1
  }
}
