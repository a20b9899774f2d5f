/// The facts of one predicate: a set of tuples of interned values, kept in insertion order.
///
/// Tuples are stored flat (`arity` identifiers per row) with no per-tuple allocation. A
/// row's number never changes while the relation grows, which is what semi-naive evaluation
/// relies on: rows before a mark are "stable", rows after it are the "delta".
/// Indexes on column subsets are built on demand and kept up to date as rows are added.
/// A relation is a value: copies share storage until one of them is changed.
public struct Relation: @unchecked Sendable {
  /// The number of columns.
  public let arity: Int
  var storage: RelationStorage

  /// Creates an empty relation.
  public init(arity: Int) {
    self.arity = arity
    storage = RelationStorage(arity: arity)
  }

  /// The relation whose rows are in `storage` (which it takes over).
  init(storage: RelationStorage) {
    arity = storage.arity
    self.storage = storage
  }

  /// Makes the storage uniquely held, so that evaluation may add rows to it in place while
  /// a round runs (see `SemiNaive`).
  mutating func prepareForWrites() { makeUnique() }

  /// Finishes the lazily built membership set, so that reads never write to the storage and
  /// the relation can be read from several threads at once (see ``KnowledgeSnapshot``).
  /// Idempotent: storage already prepared is not touched.
  mutating func prepareForSharing() { storage.completeMembership() }

  private mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
  }

  /// The number of rows.
  public var count: Int { storage.count }

  /// The values of row `row`.
  public func row(_ row: Int) -> [UInt32] {
    storage.row(row).array(count: arity)
  }

  /// A view of row `row`, for handing it to another relation without copying it out (valid
  /// until this relation next changes).
  @inline(__always)
  func rowView(_ row: Int) -> RowView { storage.row(row) }

  /// The value in `column` of `row`.
  public func value(_ row: Int, _ column: Int) -> UInt32 {
    storage.value(row: row, column: column)
  }

  /// Every row as an array (for presentation and tests; evaluation reads storage directly).
  public var rows: [[UInt32]] {
    (0..<count).map { row($0) }
  }

  /// Whether the relation holds `tuple`.
  public func contains<C: Collection>(_ tuple: C) -> Bool where C.Element == UInt32 {
    rowIndex(of: tuple) != nil
  }

  /// The row number of `tuple`, if the relation holds it.
  public func rowIndex<C: Collection>(of tuple: C) -> Int? where C.Element == UInt32 {
    let values = Array(tuple)
    guard values.count == arity else { return nil }
    let r = values.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { storage.find($0) } ?? (storage.count > 0 ? 0 : -1)
    }
    return r >= 0 ? r : nil
  }

  /// Adds `tuple` unless present; returns whether it was new.
  @discardableResult
  public mutating func insert<C: Collection>(_ tuple: C) -> Bool where C.Element == UInt32 {
    makeUnique()
    let values = Array(tuple)
    guard values.count == arity else { return false }
    return values.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else {
        var none: UInt32 = 0
        return storage.insert(&none)
      }
      return storage.insert(base)
    }
  }

  /// Adds `tuple` (evaluation's fast path: no array); returns whether it was new.
  @discardableResult
  mutating func insert(_ tuple: RowView) -> Bool {
    makeUnique()
    return storage.insert(tuple)
  }

  /// Adds the `arity` values at `tuple` (loading facts); returns whether they were new.
  @discardableResult
  mutating func insert(_ tuple: UnsafePointer<UInt32>) -> Bool {
    makeUnique()
    return storage.insert(tuple)
  }

  /// Adds rows given one after another in `flat` (`arity` values each), in order, and calls
  /// `added` with each row's number in `flat` when the row was new (loading facts).
  mutating func insert(rowsOf flat: [UInt32], added: (Int) -> Void) {
    makeUnique()
    let rowCount = arity == 0 ? (flat.isEmpty ? 0 : 1) : flat.count / arity
    // A zero-width row still needs a valid pointer.
    let values = arity == 0 ? [UInt32(0)] : flat
    values.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      for k in 0..<rowCount where storage.insert(base + k * arity) { added(k) }
    }
  }

  /// Appends a row known to be new; the relation keeps no membership set for it (used for
  /// deltas, which are only scanned).
  mutating func appendUnchecked(_ tuple: RowView) {
    makeUnique()
    storage.appendUnchecked(tuple)
  }

  /// ``appendUnchecked(_:)-(RowView)`` from the `arity` values at `tuple`.
  mutating func appendUnchecked(_ tuple: UnsafePointer<UInt32>) {
    makeUnique()
    storage.appendUnchecked(tuple)
  }

  /// Makes sure an index on `columns` exists (built from the current rows if new).
  public mutating func ensureIndex(on columns: [Int]) {
    if storage.index(on: columns) != nil { return }
    makeUnique()
    storage.ensureIndex(on: columns)
  }

  /// Removes the rows numbered `rows` (distinct); the last surviving rows move into the
  /// holes (see ``RelationStorage/remove(rows:)``). Returns the moves, as (from, to).
  mutating func remove(rows: [Int]) -> [(from: Int, to: Int)] {
    makeUnique()
    return storage.remove(rows: rows)
  }

  /// Removes the rows numbered `rows` (ascending, distinct), keeping the others in order.
  mutating func removeKeepingOrder(rows: [Int]) {
    guard !rows.isEmpty else { return }
    makeUnique()
    storage.removeKeepingOrder(rows: rows)
  }

  /// Forgets the index on `columns`, if any (it is rebuilt when next needed).
  mutating func dropIndex(on columns: [Int]) {
    guard storage.index(on: columns) != nil else { return }
    makeUnique()
    storage.dropIndex(on: columns)
  }

  /// Whether an index on `columns` was built.
  public func hasIndex(on columns: [Int]) -> Bool { storage.index(on: columns) != nil }

  /// The columns of every index built, in creation order.
  var indexedColumns: [[Int]] {
    let indexes = storage.indexes
    return indexes.map(\.columns)
  }

  /// A copy without the rows for which `remove` is true (indexes are rebuilt on demand).
  public func filtered(removing remove: ([UInt32]) -> Bool) -> Relation {
    var copy = Relation(arity: arity)
    for r in 0..<count where !remove(row(r)) { copy.insert(row(r)) }
    return copy
  }

  /// Approximate bytes of memory the relation holds.
  public var byteCount: Int { storage.byteCount }
}
