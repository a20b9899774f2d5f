/// The memory behind a ``Relation``: rows stored flat, a hash set of row numbers for
/// membership, and the indexes. Manually managed buffers give evaluation stable rows while a
/// round runs (nothing is added to a relation during a round), with no reference counting in
/// the inner loops. ``Relation`` copies the storage before writing when it is shared, so
/// relations keep value semantics.
///
/// The buffers never leave the store: evaluation reads rows through ``row(_:)`` and
/// ``value(row:column:)``, looks keys up through ``first(in:matching:)``, and hands tuples in
/// as ``RowView``s.
final class RelationStorage: @unchecked Sendable {
  let arity: Int
  /// `arity` values per row; `max(arity, 1) * rowCapacity` slots allocated.
  private var data: UnsafeMutablePointer<UInt32>
  private var rowCapacity: Int
  private(set) var count = 0
  /// The membership set: row numbers, hashed by their rows (see ``FingerprintTable``), so
  /// that most probes that miss never read a row.
  private var members = FingerprintTable()
  /// Rows `0..<memberCount` are in the membership set. Rows appended with
  /// ``appendUnchecked(_:)`` join it only when membership is next asked for, so a relation
  /// that is only ever scanned never pays for the set.
  private var memberCount = 0
  /// The indexes, in creation order. Every access to it is instantaneous (the array is read
  /// out before a closure runs over it), so that the compiler needs no dynamic exclusivity
  /// check on it in the inner loops that add rows.
  private(set) var indexes: [IndexStorage] = []

  init(arity: Int, rowCapacity: Int = 0) {
    self.arity = arity
    self.rowCapacity = rowCapacity
    data = StoreMemory.allocate(UInt32.self, capacity: max(arity, 1) * max(rowCapacity, 1))
  }

  deinit {
    StoreMemory.deallocate(data, capacity: max(arity, 1) * max(rowCapacity, 1))
    members.deallocate()
  }

  /// A deep copy (indexes included).
  func copy() -> RelationStorage {
    let copy = RelationStorage(arity: arity, rowCapacity: max(count, 1))
    copy.data.update(from: data, count: count * arity)
    copy.count = count
    copy.members = members.copy()
    copy.memberCount = memberCount
    let current = indexes
    copy.indexes = current.map { $0.copy() }
    return copy
  }

  // MARK: Reading

  /// The values of row `r` (`0 <= r < count`). Valid until rows are next added: adding may
  /// move the rows, so take the view again for every row when the relation may grow.
  @inline(__always)
  func row(_ r: Int) -> RowView { RowView(data + r * arity) }

  /// The value in `column` of row `r`.
  @inline(__always)
  func value(row r: Int, column: Int) -> UInt32 { data[r * arity + column] }

  /// The first row (in insertion order) whose key columns in `index` (one of this relation's
  /// indexes) hold the values of `key`, or -1; ``IndexStorage/next(after:)`` gives the others.
  @inline(__always)
  func first(in index: IndexStorage, matching key: RowView) -> Int32 {
    index.first(key.address, data: data, arity: arity)
  }

  /// ``first(in:matching:)`` for an index on one column.
  @inline(__always)
  func first(in index: IndexStorage, matching value: UInt32) -> Int32 {
    var key = value
    return index.first(&key, data: data, arity: arity)
  }

  // MARK: Membership

  @inline(__always)
  static func hash(_ tuple: UnsafePointer<UInt32>, _ arity: Int) -> UInt64 {
    var h: UInt64 = 0x243F_6A88_85A3_08D3
    for i in 0..<arity { h = TupleHash.mix(h, tuple[i]) }
    return TupleHash.finish(h)
  }

  /// The hash of row `r`.
  @inline(__always)
  private func rowHash(_ r: Int) -> UInt64 { RelationStorage.hash(data + r * arity, arity) }

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
  func find(_ tuple: RowView) -> Int { find(tuple.address) }

  /// The row number holding the `arity` values at `tuple`, or -1.
  @inline(__always)
  func find(_ tuple: UnsafePointer<UInt32>) -> Int {
    if arity == 0 { return count > 0 ? 0 : -1 }
    if memberCount < count { addMissingMembers() }
    let table = members
    return table.find(RelationStorage.hash(tuple, arity)) { equals(row: $0, tuple) }
  }

  /// Adds `tuple` unless present; returns whether it was new.
  @inline(__always)
  func insert(_ tuple: RowView) -> Bool { insert(tuple.address) }

  /// Adds the `arity` values at `tuple` unless present; returns whether they were new.
  func insert(_ tuple: UnsafePointer<UInt32>) -> Bool {
    if arity == 0 {
      if count > 0 { return false }
      count = 1
      let current = indexes
      for index in current { index.add(row: 0, data: data, arity: arity) }
      return true
    }
    if memberCount < count { addMissingMembers() }
    if members.needsRoom(for: count + 1) { growMembers(toHold: count + 1) }
    return insert(tuple, hash: RelationStorage.hash(tuple, arity))
  }

  /// Inserts `n` tuples (`arity` values each, one after another at `tuples`) in order, as
  /// `n` calls of ``insert(_:)-(UnsafePointer<UInt32>)`` would; returns how many were new,
  /// and sets `isNew[j]` to whether tuple `j` was. The hash-table slots (and the rows they
  /// point at) of the whole batch are read first, so that their cache misses overlap instead
  /// of being paid one after another: a large relation is probed at random. (Evaluation
  /// goes through ``TupleBatch``.)
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
    if members.needsRoom(for: count + n) { growMembers(toHold: count + n) }
    let table = members
    var touched: UInt32 = 0
    for j in 0..<n {
      let h = RelationStorage.hash(tuples + j * arity, arity)
      hashes[j] = h
      touched &+= table.homeSlot(h)
    }
    for j in 0..<n {
      let r = table.homeEntry(hashes[j])
      if r >= 0 { touched &+= data[r * arity] }
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

  /// ``insert(_:)-(UnsafePointer<UInt32>)`` with the tuple's hash known and room in the
  /// membership set already made.
  @inline(__always)
  private func insert(_ tuple: UnsafePointer<UInt32>, hash h: UInt64) -> Bool {
    let table = members
    guard table.findOrAdd(h, entry: count, where: { equals(row: $0, tuple) }) < 0 else { return false }
    if count == rowCapacity { growRows() }
    (data + count * arity).update(from: tuple, count: arity)
    count += 1
    memberCount = count
    let current = indexes
    for index in current { index.add(row: count - 1, data: data, arity: arity) }
    return true
  }

  /// Appends a row known not to be present. It joins the membership set only when membership
  /// is next asked for (deltas and relations derived without duplicates are mostly scanned).
  @inline(__always)
  func appendUnchecked(_ tuple: RowView) { appendUnchecked(tuple.address) }

  /// ``appendUnchecked(_:)-(RowView)`` from the `arity` values at `tuple`.
  func appendUnchecked(_ tuple: UnsafePointer<UInt32>) {
    if count == rowCapacity { growRows() }
    (data + count * arity).update(from: tuple, count: arity)
    count += 1
    let current = indexes
    for index in current { index.add(row: count - 1, data: data, arity: arity) }
  }

  /// Doubles the room for rows. Large relations grow without a copy and their unused room
  /// takes no memory (see ``StoreMemory``), so doubling costs no peak.
  @inline(never)
  private func growRows() {
    let newCapacity = max(16, rowCapacity * 2)
    let width = max(arity, 1)
    data = StoreMemory.grow(data, from: width * max(rowCapacity, 1), to: width * newCapacity)
    rowCapacity = newCapacity
  }

  /// Puts the rows appended unchecked into the membership set.
  private func addMissingMembers() {
    if members.needsRoom(for: count) {
      growMembers(toHold: count)
      return
    }
    let table = members
    guard table.capacity > 0 else { return }
    for r in memberCount..<count { table.add(rowHash(r), entry: r) }
    memberCount = count
  }

  /// Rebuilds the membership set of every row with room for `rows` rows.
  private func growMembers(toHold rows: Int) {
    let table = members
    members = table.grown(toHold: rows, existing: count) { rowHash($0) }
    memberCount = count
  }

  // MARK: Indexes

  /// The index on exactly `columns`, if built.
  func index(on columns: [Int]) -> IndexStorage? {
    let current = indexes
    return current.first { $0.columns == columns }
  }

  /// Builds the index on `columns` when missing.
  func ensureIndex(on columns: [Int]) {
    guard index(on: columns) == nil else { return }
    let index = IndexStorage(columns: columns)
    for r in 0..<count { index.add(row: r, data: data, arity: arity) }
    indexes = indexes + [index]
  }

  /// Forgets the index on `columns`.
  func dropIndex(on columns: [Int]) {
    let current = indexes
    indexes = current.filter { $0.columns != columns }
  }

  // MARK: Removal

  /// Removes the rows in `doomed` (distinct row numbers) in time proportional to their
  /// number: the last surviving rows move into the holes, so rows keep their numbers except
  /// those moved. Returns the moves, as (from, to). Indexes are dropped (their chains must
  /// stay in row order; they are rebuilt when next needed).
  func remove(rows doomed: [Int]) -> [(from: Int, to: Int)] {
    guard !doomed.isEmpty else { return [] }
    if memberCount < count { addMissingMembers() }
    indexes = []
    let newCount = count - doomed.count
    let table = members
    if arity > 0 {
      for r in doomed { table.remove(r, hash: rowHash(r)) { rowHash($0) } }
    }
    let isDoomed = Set(doomed)
    let holes = doomed.filter { $0 < newCount }.sorted()
    let movers = (newCount..<count).filter { !isDoomed.contains($0) }
    var moves: [(from: Int, to: Int)] = []
    moves.reserveCapacity(holes.count)
    for (to, from) in zip(holes, movers) {
      (data + to * arity).update(from: data + from * arity, count: arity)
      // The values are still at `from` too (no move writes there), which gives the hash.
      if arity > 0 { table.renumber(from, hash: rowHash(from), to: to) }
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
    members.deallocate()
    members = FingerprintTable()
    memberCount = arity == 0 ? count : 0
  }

  // MARK: Images

  /// Writes the arity and the rows to a knowledge image. Indexes and the membership set are
  /// left out: they are built again when first needed, as after a load.
  func write(to image: inout ImageWriter) {
    image.int(arity)
    image.int(count)
    image.words(data, count: count * arity)
  }

  /// Whether every value is an integer held in its identifier or one of the first `count`
  /// values of the pool (so that reading it from the pool cannot fail).
  func valuesAreInPool(of count: Int) -> Bool {
    for i in 0..<(self.count * arity) where data[i] & ValuePool.immediateBit == 0 && Int(data[i]) >= count {
      return false
    }
    return true
  }

  /// The storage ``write(to:)`` wrote.
  static func read(from image: inout ImageReader) throws(ImageDamage) -> RelationStorage {
    let arity = try image.int(in: 0...Int(UInt16.max))
    let count = try image.count(ofAtLeast: arity * 4)
    if arity == 0 && count > 1 { throw ImageDamage() }
    let storage = RelationStorage(arity: arity, rowCapacity: count)
    try image.words(into: storage.data, count: count * arity)
    storage.count = count
    return storage
  }

  /// Approximate bytes held (for the memory statement in the README and benchmarks).
  var byteCount: Int {
    let current = indexes
    return rowCapacity * max(arity, 1) * 4 + members.byteCount + current.reduce(0) { $0 + $1.byteCount }
  }
}
