/// Interns values as 32-bit identifiers so that facts are flat arrays of `UInt32`.
///
/// The pool only grows: an identifier, once given, names the same value for the life of the
/// session. Identifiers carry no order; sorting goes through ``Value/compare(_:_:)``.
/// Numbers are looked up in a table of their 64-bit patterns (loading a million numeric rows
/// interns millions of them); symbols in a dictionary, whose string equality and hashing
/// follow Unicode canonical equivalence.
public final class ValuePool: @unchecked Sendable {
  private var values: [Value] = []
  private var integers = NumberTable()
  private var decimals = NumberTable()
  private var symbols: [String: UInt32] = [:]
  /// For each identifier, whether its value is a symbol (a quick test for joins and filters).
  public private(set) var isSymbol: [Bool] = []

  /// Creates an empty pool.
  public init() {}

  /// A pool with the same identifiers that grows on its own. The two share their tables
  /// until one of them interns a new value (the tables are copy-on-write arrays).
  public func copy() -> ValuePool {
    let copy = ValuePool()
    copy.values = values
    copy.integers = integers
    copy.decimals = decimals
    copy.symbols = symbols
    copy.isSymbol = isSymbol
    return copy
  }

  /// The identifier of `value`, adding it if it is new.
  public func intern(_ value: Value) -> UInt32 {
    let next = UInt32(truncatingIfNeeded: values.count)
    let id: UInt32
    switch value {
    case .integer(let i): id = integers.find(UInt64(bitPattern: i), orInsert: next)
    case .decimal(let d): id = decimals.find(ValuePool.pattern(d), orInsert: next)
    case .symbol(let s):
      if let known = symbols[s] { return known }
      symbols[s] = next
      id = next
    }
    if id == next {
      values.append(value)
      isSymbol.append(!value.isNumber)
    }
    return id
  }

  /// The identifier of `value` if it was ever interned.
  public func lookup(_ value: Value) -> UInt32? {
    switch value {
    case .integer(let i): integers.find(UInt64(bitPattern: i))
    case .decimal(let d): decimals.find(ValuePool.pattern(d))
    case .symbol(let s): symbols[s]
    }
  }

  /// The value with identifier `id`.
  public subscript(id: UInt32) -> Value { values[Int(id)] }

  /// How many distinct values the pool holds.
  public var count: Int { values.count }

  /// The bits of a decimal, with -0.0 as 0.0 (the two are equal values).
  private static func pattern(_ d: Double) -> UInt64 {
    d == 0 ? 0 : d.bitPattern
  }
}

/// An open-addressing table from 64-bit patterns to identifiers (at most half full).
struct NumberTable {
  private var keys: [UInt64] = []
  /// Identifier plus one; 0 marks an empty slot.
  private var ids: [UInt32] = []
  private var count = 0

  @inline(__always)
  private static func home(_ key: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 17) & mask
  }

  func find(_ key: UInt64) -> UInt32? {
    guard !ids.isEmpty else { return nil }
    let mask = ids.count - 1
    var i = NumberTable.home(key, mask)
    while ids[i] != 0 {
      if keys[i] == key { return ids[i] - 1 }
      i = (i + 1) & mask
    }
    return nil
  }

  /// The identifier of `key`, or `id` after recording it as the identifier of `key`.
  mutating func find(_ key: UInt64, orInsert id: UInt32) -> UInt32 {
    if (count + 1) * 2 > ids.count { grow() }
    let mask = ids.count - 1
    var i = NumberTable.home(key, mask)
    while ids[i] != 0 {
      if keys[i] == key { return ids[i] - 1 }
      i = (i + 1) & mask
    }
    keys[i] = key
    ids[i] = id + 1
    count += 1
    return id
  }

  private mutating func grow() {
    let size = max(64, ids.count * 2)
    var newKeys = [UInt64](repeating: 0, count: size)
    var newIds = [UInt32](repeating: 0, count: size)
    let mask = size - 1
    for slot in ids.indices where ids[slot] != 0 {
      var i = NumberTable.home(keys[slot], mask)
      while newIds[i] != 0 { i = (i + 1) & mask }
      newKeys[i] = keys[slot]
      newIds[i] = ids[slot]
    }
    keys = newKeys
    ids = newIds
  }
}
