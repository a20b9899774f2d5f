/// The facts of one predicate: a set of tuples of interned values, kept in insertion order.
///
/// Tuples are stored flat (`arity` identifiers per row) with no per-tuple allocation. A
/// row's number never changes while the relation grows, which is what semi-naive evaluation
/// relies on: rows before a mark are "stable", rows after it are the "delta".
/// Indexes on column subsets are built on demand and kept up to date as rows are added.
public struct Relation: Sendable {
  /// The number of columns.
  public let arity: Int
  /// The rows, `arity` identifiers each, one after another.
  public private(set) var data: [UInt32] = []
  /// The number of rows.
  public private(set) var count = 0
  private var slots: [Int32] = []
  private var indexes: [[Int]: HashIndex] = [:]

  /// Creates an empty relation.
  public init(arity: Int) {
    self.arity = arity
  }

  /// The values of row `row`.
  public func row(_ row: Int) -> ArraySlice<UInt32> {
    data[(row * arity)..<((row + 1) * arity)]
  }

  /// Every row as an array (for presentation and tests; evaluation reads `data` directly).
  public var rows: [[UInt32]] {
    (0..<count).map { Array(row($0)) }
  }

  @inline(__always)
  private func hash<C: Collection>(_ tuple: C) -> UInt64 where C.Element == UInt32 {
    var h: UInt64 = 0x243F_6A88_85A3_08D3
    for v in tuple { h = TupleHash.mix(h, v) }
    return TupleHash.finish(h)
  }

  @inline(__always)
  private static func rowEquals<C: Collection>(
    _ data: UnsafeBufferPointer<UInt32>, _ start: Int, _ tuple: C
  ) -> Bool where C.Element == UInt32 {
    var i = start
    for v in tuple {
      if data[i] != v { return false }
      i += 1
    }
    return true
  }

  @inline(__always)
  private func rowEquals<C: Collection>(_ row: Int, _ tuple: C) -> Bool where C.Element == UInt32 {
    data.withUnsafeBufferPointer { Relation.rowEquals($0, row * arity, tuple) }
  }

  /// Whether the relation holds `tuple`.
  public func contains<C: Collection>(_ tuple: C) -> Bool where C.Element == UInt32 {
    if arity == 0 { return count > 0 }
    guard !slots.isEmpty else { return false }
    let mask = slots.count - 1
    let h = hash(tuple)
    let arity = self.arity
    return slots.withUnsafeBufferPointer { slots in
      data.withUnsafeBufferPointer { data in
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
          let r = slots[i]
          if r < 0 { return false }
          if Relation.rowEquals(data, Int(r) * arity, tuple) { return true }
          i = (i + 1) & mask
        }
      }
    }
  }

  /// The row number of `tuple`, if the relation holds it.
  public func rowIndex<C: Collection>(of tuple: C) -> Int? where C.Element == UInt32 {
    if arity == 0 { return count > 0 ? 0 : nil }
    guard !slots.isEmpty else { return nil }
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: hash(tuple)) & mask
    while true {
      let r = slots[i]
      if r < 0 { return nil }
      if rowEquals(Int(r), tuple) { return Int(r) }
      i = (i + 1) & mask
    }
  }

  /// Adds `tuple` unless present; returns whether it was new.
  @discardableResult
  public mutating func insert<C: Collection>(_ tuple: C) -> Bool where C.Element == UInt32 {
    if arity == 0 {
      if count > 0 { return false }
      count = 1
      for key in indexes.keys { indexes[key]?.add(row: 0, data: data, arity: arity) }
      return true
    }
    if (count + 1) * 2 > slots.count { growSlots() }
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: hash(tuple)) & mask
    while true {
      let r = slots[i]
      if r < 0 { break }
      if rowEquals(Int(r), tuple) { return false }
      i = (i + 1) & mask
    }
    slots[i] = Int32(count)
    data.append(contentsOf: tuple)
    let row = count
    count += 1
    if !indexes.isEmpty {
      for key in indexes.keys { indexes[key]?.add(row: row, data: data, arity: arity) }
    }
    return true
  }

  private mutating func growSlots() {
    let capacity = max(16, slots.count * 2)
    slots = [Int32](repeating: -1, count: capacity)
    let mask = capacity - 1
    for r in 0..<count {
      var i = Int(truncatingIfNeeded: hash(row(r))) & mask
      while slots[i] >= 0 { i = (i + 1) & mask }
      slots[i] = Int32(r)
    }
  }

  /// Makes sure an index on `columns` exists (built from the current rows if new).
  public mutating func ensureIndex(on columns: [Int]) {
    guard indexes[columns] == nil else { return }
    var index = HashIndex(columns: columns)
    for r in 0..<count { index.add(row: r, data: data, arity: arity) }
    indexes[columns] = index
  }

  /// The index on `columns`, if it was built.
  public func index(on columns: [Int]) -> HashIndex? { indexes[columns] }

  /// A copy without the rows for which `remove` is true (indexes are rebuilt on demand).
  public func filtered(removing remove: (ArraySlice<UInt32>) -> Bool) -> Relation {
    var copy = Relation(arity: arity)
    for r in 0..<count where !remove(row(r)) { copy.insert(row(r)) }
    return copy
  }
}
