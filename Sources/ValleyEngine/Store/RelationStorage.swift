/// The memory behind a ``Relation``: rows stored flat, a hash set of row numbers for
/// membership, and the indexes. Manually managed buffers give evaluation stable pointers
/// while a round runs (nothing is added to a relation during a round), with no reference
/// counting in the inner loops. ``Relation`` copies the storage before writing when it is
/// shared, so relations keep value semantics.
final class RelationStorage: @unchecked Sendable {
  let arity: Int
  /// `arity` values per row; `max(arity, 1) * rowCapacity` slots allocated.
  private(set) var data: UnsafeMutablePointer<UInt32>
  private(set) var rowCapacity: Int
  private(set) var count = 0
  /// Open addressing over a power-of-two number of slots (or none): 0 for empty, otherwise
  /// ``SlotTag`` packs the row number plus one with a fingerprint of the row's hash, so that
  /// most probes that miss never read the row itself.
  private(set) var slots: UnsafeMutablePointer<UInt32>?
  private(set) var slotCount = 0
  /// `slotCount - 1`: the bits of a slot that hold the row number plus one.
  private var slotMask: UInt32 = 0
  /// Rows `0..<memberCount` are in the membership set. Rows appended with
  /// ``appendUnchecked(_:)`` join it only when membership is next asked for, so a relation
  /// that is only ever scanned never pays for the set.
  private var memberCount = 0
  /// The indexes, in creation order.
  private(set) var indexes: [IndexStorage] = []

  init(arity: Int, rowCapacity: Int = 0) {
    self.arity = arity
    self.rowCapacity = rowCapacity
    data = .allocate(capacity: max(arity, 1) * max(rowCapacity, 1))
  }

  deinit {
    data.deallocate()
    slots?.deallocate()
  }

  /// A deep copy (indexes included).
  func copy() -> RelationStorage {
    let copy = RelationStorage(arity: arity, rowCapacity: max(count, 1))
    copy.data.update(from: data, count: count * arity)
    copy.count = count
    if let slots {
      let newSlots = UnsafeMutablePointer<UInt32>.allocate(capacity: slotCount)
      newSlots.update(from: slots, count: slotCount)
      copy.slots = newSlots
      copy.slotCount = slotCount
      copy.slotMask = slotMask
    }
    copy.memberCount = memberCount
    copy.indexes = indexes.map { $0.copy() }
    return copy
  }

  @inline(__always)
  static func hash(_ tuple: UnsafePointer<UInt32>, _ arity: Int) -> UInt64 {
    var h: UInt64 = 0x243F_6A88_85A3_08D3
    for i in 0..<arity { h = TupleHash.mix(h, tuple[i]) }
    return TupleHash.finish(h)
  }

  @inline(__always)
  private func equals(row: Int, _ tuple: UnsafePointer<UInt32>) -> Bool {
    let base = data + row * arity
    for i in 0..<arity where base[i] != tuple[i] { return false }
    return true
  }

  /// Adds the rows appended without a membership check to the membership set.
  func completeMembership() {
    if arity > 0 && memberCount < count { addMissingMembers() }
  }

  /// The row number holding `tuple`, or -1.
  @inline(__always)
  func find(_ tuple: UnsafePointer<UInt32>) -> Int {
    if arity == 0 { return count > 0 ? 0 : -1 }
    if memberCount < count { addMissingMembers() }
    guard let slots else { return -1 }
    let mask = slotCount - 1
    let h = RelationStorage.hash(tuple, arity)
    let tag = SlotTag.fingerprint(h, slotMask)
    var i = Int(truncatingIfNeeded: h) & mask
    while true {
      let s = slots[i]
      if s == 0 { return -1 }
      if s & ~slotMask == tag {
        let r = Int(s & slotMask) - 1
        if equals(row: r, tuple) { return r }
      }
      i = (i + 1) & mask
    }
  }

  /// Adds `tuple` unless present; returns whether it was new.
  func insert(_ tuple: UnsafePointer<UInt32>) -> Bool {
    if arity == 0 {
      if count > 0 { return false }
      count = 1
      for index in indexes { index.add(row: 0, data: data, arity: arity) }
      return true
    }
    if memberCount < count { addMissingMembers() }
    if (count + 1) * 2 > slotCount { growSlots(toHold: count + 1) }
    return insert(tuple, hash: RelationStorage.hash(tuple, arity))
  }

  /// Inserts `n` tuples (`arity` values each, one after another at `tuples`) in order, as
  /// `n` calls of ``insert(_:)`` would; returns how many were new, and sets `isNew[j]` to
  /// whether tuple `j` was. The hash-table slots (and
  /// the rows they point at) of the whole batch are read first, so that their cache misses
  /// overlap instead of being paid one after another: a large relation is probed at random.
  func insertBatch(
    _ tuples: UnsafePointer<UInt32>, count n: Int, hashes: UnsafeMutablePointer<UInt64>,
    isNew: UnsafeMutablePointer<Bool>
  ) -> Int {
    guard arity > 0, n > 1 else {
      var added = 0
      for j in 0..<n {
        isNew[j] = insert(tuples + j * arity)
        if isNew[j] { added += 1 }
      }
      return added
    }
    if memberCount < count { addMissingMembers() }
    if (count + n) * 2 > slotCount { growSlots(toHold: count + n) }
    guard let slots else { return 0 }
    let mask = slotCount - 1
    var touched: UInt32 = 0
    for j in 0..<n {
      let h = RelationStorage.hash(tuples + j * arity, arity)
      hashes[j] = h
      touched &+= slots[Int(truncatingIfNeeded: h) & mask]
    }
    for j in 0..<n {
      let s = slots[Int(truncatingIfNeeded: hashes[j]) & mask]
      if s != 0, s & ~slotMask == SlotTag.fingerprint(hashes[j], slotMask) {
        touched &+= data[(Int(s & slotMask) - 1) * arity]
      }
    }
    sink = touched
    var added = 0
    for j in 0..<n {
      isNew[j] = insert(tuples + j * arity, hash: hashes[j])
      if isNew[j] { added += 1 }
    }
    return added
  }

  /// Keeps the batch's early reads from being optimised away.
  private var sink: UInt32 = 0

  /// ``insert(_:)`` with the tuple's hash known and room in the table already made.
  @inline(__always)
  private func insert(_ tuple: UnsafePointer<UInt32>, hash h: UInt64) -> Bool {
    guard let slots else { return false }
    let mask = slotCount - 1
    let tag = SlotTag.fingerprint(h, slotMask)
    var i = Int(truncatingIfNeeded: h) & mask
    while true {
      let s = slots[i]
      if s == 0 { break }
      if s & ~slotMask == tag, equals(row: Int(s & slotMask) - 1, tuple) { return false }
      i = (i + 1) & mask
    }
    if count == rowCapacity { growRows() }
    (data + count * arity).update(from: tuple, count: arity)
    slots[i] = tag | UInt32(truncatingIfNeeded: count + 1)
    count += 1
    memberCount = count
    for index in indexes { index.add(row: count - 1, data: data, arity: arity) }
    return true
  }

  /// Appends a row known not to be present. It joins the membership set only when membership
  /// is next asked for (deltas and relations derived without duplicates are mostly scanned).
  func appendUnchecked(_ tuple: UnsafePointer<UInt32>) {
    if count == rowCapacity { growRows() }
    (data + count * arity).update(from: tuple, count: arity)
    count += 1
    for index in indexes { index.add(row: count - 1, data: data, arity: arity) }
  }

  private func growRows() {
    let newCapacity = max(16, rowCapacity * 2)
    let newData = UnsafeMutablePointer<UInt32>.allocate(capacity: max(arity, 1) * newCapacity)
    newData.update(from: data, count: count * arity)
    data.deallocate()
    data = newData
    rowCapacity = newCapacity
  }

  /// Puts the rows appended unchecked into the membership set.
  private func addMissingMembers() {
    if count * 2 > slotCount {
      growSlots(toHold: count)
      return
    }
    guard let slots else { return }
    place(memberCount..<count, in: slots, mask: slotCount - 1)
    memberCount = count
  }

  /// Enters `rows` in `table` (`mask + 1` slots), each in the first empty slot of its probe
  /// run; the rows are known to be absent from it.
  private func place(_ rows: Range<Int>, in table: UnsafeMutablePointer<UInt32>, mask: Int) {
    let tagMask = UInt32(truncatingIfNeeded: mask)
    for r in rows {
      let h = RelationStorage.hash(data + r * arity, arity)
      var i = Int(truncatingIfNeeded: h) & mask
      while table[i] != 0 { i = (i + 1) & mask }
      table[i] = SlotTag.fingerprint(h, tagMask) | UInt32(truncatingIfNeeded: r + 1)
    }
  }

  /// Rebuilds the membership set of every row with room for `rows` rows.
  private func growSlots(toHold rows: Int) {
    var newCount = SlotTag.grownCount(slotCount)
    while rows * 2 > newCount { newCount = SlotTag.grownCount(newCount) }
    let newSlots = UnsafeMutablePointer<UInt32>.allocate(capacity: newCount)
    newSlots.initialize(repeating: 0, count: newCount)
    place(0..<count, in: newSlots, mask: newCount - 1)
    slots?.deallocate()
    slots = newSlots
    slotCount = newCount
    slotMask = UInt32(truncatingIfNeeded: newCount - 1)
    memberCount = count
  }

  /// The index on exactly `columns`, if built.
  func index(on columns: [Int]) -> IndexStorage? {
    indexes.first { $0.columns == columns }
  }

  /// Builds the index on `columns` when missing.
  func ensureIndex(on columns: [Int]) {
    guard index(on: columns) == nil else { return }
    let index = IndexStorage(columns: columns)
    for r in 0..<count { index.add(row: r, data: data, arity: arity) }
    indexes.append(index)
  }

  /// Removes the rows in `doomed` (distinct row numbers) in time proportional to their
  /// number: the last surviving rows move into the holes, so rows keep their numbers except
  /// those moved. Returns the moves, as (from, to). Indexes are dropped (their chains must
  /// stay in row order; they are rebuilt when next needed).
  func remove(rows doomed: [Int]) -> [(from: Int, to: Int)] {
    guard !doomed.isEmpty else { return [] }
    if memberCount < count { addMissingMembers() }
    indexes = []
    let newCount = count - doomed.count
    if arity > 0 {
      for r in doomed { unlink(row: r) }
    }
    let isDoomed = Set(doomed)
    let holes = doomed.filter { $0 < newCount }.sorted()
    let movers = (newCount..<count).filter { !isDoomed.contains($0) }
    var moves: [(from: Int, to: Int)] = []
    moves.reserveCapacity(holes.count)
    for (to, from) in zip(holes, movers) {
      (data + to * arity).update(from: data + from * arity, count: arity)
      if arity > 0 { relink(row: from, to: to) }
      moves.append((from, to))
    }
    count = newCount
    memberCount = newCount
    return moves
  }

  /// Removes the rows in `doomed` (ascending, distinct row numbers) keeping the others in
  /// their order: later rows move up. O(count): one pass over the rows; the membership set
  /// and the indexes are dropped (rebuilt when next needed).
  func removeKeepingOrder(rows doomed: [Int]) {
    guard !doomed.isEmpty else { return }
    indexes = []
    var write = doomed[0]
    var next = 0
    for r in doomed[0]..<count {
      if next < doomed.count, doomed[next] == r {
        next += 1
        continue
      }
      (data + write * arity).update(from: data + r * arity, count: arity)
      write += 1
    }
    count = write
    // Every row number after the first removed one changed: the membership set is dropped
    // and built again, for all rows, when next asked for.
    slots?.deallocate()
    slots = nil
    slotCount = 0
    slotMask = 0
    memberCount = arity == 0 ? count : 0
  }

  /// The slot that holds `row`.
  private func slot(of row: Int) -> Int {
    guard let slots else { return -1 }
    let mask = slotCount - 1
    var i = Int(truncatingIfNeeded: RelationStorage.hash(data + row * arity, arity)) & mask
    let wanted = UInt32(truncatingIfNeeded: row + 1)
    while slots[i] != 0 {
      if slots[i] & slotMask == wanted { return i }
      i = (i + 1) & mask
    }
    return -1
  }

  /// Empties the slot of `row`, shifting later entries of its probe run back (deletion
  /// without tombstones in linear probing).
  private func unlink(row: Int) {
    guard let slots else { return }
    var hole = slot(of: row)
    guard hole >= 0 else { return }
    let mask = slotCount - 1
    slots[hole] = 0
    var j = hole
    while true {
      j = (j + 1) & mask
      let s = slots[j]
      if s == 0 { return }
      let r = Int(s & slotMask) - 1
      let home = Int(truncatingIfNeeded: RelationStorage.hash(data + r * arity, arity)) & mask
      // The entry at j may fill the hole unless its home lies cyclically in (hole, j].
      let stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j)
      if !stays {
        slots[hole] = s
        slots[j] = 0
        hole = j
      }
    }
  }

  /// Points the slot of `row` at `to` (where its values were just copied; they are still at
  /// `row` too, which no move writes to).
  private func relink(row: Int, to: Int) {
    guard let slots else { return }
    let k = slot(of: row)
    guard k >= 0 else { return }
    slots[k] = (slots[k] & ~slotMask) | UInt32(truncatingIfNeeded: to + 1)
  }

  /// Forgets the index on `columns`.
  func dropIndex(on columns: [Int]) {
    indexes.removeAll { $0.columns == columns }
  }

  /// Approximate bytes held (for the memory statement in the README and benchmarks).
  var byteCount: Int {
    rowCapacity * max(arity, 1) * 4 + slotCount * 4 + indexes.reduce(0) { $0 + $1.byteCount }
  }
}
