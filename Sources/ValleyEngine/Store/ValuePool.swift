/// Interns values as 32-bit identifiers so that facts are flat arrays of `UInt32`.
///
/// The pool only grows: an identifier, once given, names the same value for the life of the
/// session. Identifiers carry no order; sorting goes through ``Value/compare(_:_:)``.
///
/// An integer from 0 to ``ValuePool/largestImmediate`` is its own identifier, with the top
/// bit set: it needs no table at all, so a load of millions of such numbers (the common
/// case in data files: keys, counts, years) neither looks them up nor keeps them. Other
/// values get the next free identifier below 2^31, in first-use order: other numbers
/// through a table of their 64-bit patterns, symbols through a dictionary, whose string
/// equality and hashing follow Unicode canonical equivalence.
public final class ValuePool: @unchecked Sendable {
  /// The largest integer held in its identifier.
  public static let largestImmediate: Int64 = 0x7FFF_FFFE
  /// The bit that marks an identifier holding its integer.
  static let immediateBit: UInt32 = 0x8000_0000

  /// Everything in one value: each use of a stored property of a class is checked at run
  /// time for exclusive access, so interning makes one such access rather than five.
  private var tables = PoolTables()

  /// Creates an empty pool.
  public init() {}

  /// A pool with the same identifiers that grows on its own. The two share their tables
  /// until one of them interns a new value (the tables are copy-on-write arrays).
  public func copy() -> ValuePool {
    let copy = ValuePool()
    copy.tables = tables
    return copy
  }

  /// The identifier of an integer held in its identifier, or nil for other integers.
  @inline(__always)
  static func immediate(_ i: Int64) -> UInt32? {
    i >= 0 && i <= largestImmediate ? immediateBit | UInt32(truncatingIfNeeded: i) : nil
  }

  /// The identifier of `value`, adding it if it is new.
  public func intern(_ value: Value) -> UInt32 {
    if case .integer(let i) = value, let id = ValuePool.immediate(i) { return id }
    return tables.intern(value)
  }

  /// The identifier of the integer `i`, adding it if it is new (no ``Value`` is made).
  public func intern(integer i: Int64) -> UInt32 {
    ValuePool.immediate(i) ?? tables.intern(.integer(i))
  }

  /// The identifier `value` would have in a fact, or nil when no fact can hold it (a value
  /// never interned).
  public func lookup(_ value: Value) -> UInt32? {
    if case .integer(let i) = value, let id = ValuePool.immediate(i) { return id }
    return tables.lookup(value)
  }

  /// The value with identifier `id`.
  public subscript(id: UInt32) -> Value {
    id & ValuePool.immediateBit != 0
      ? .integer(Int64(id & ~ValuePool.immediateBit)) : tables.value(id)
  }

  /// Whether the value with identifier `id` is a symbol.
  public func isSymbol(_ id: UInt32) -> Bool {
    id & ValuePool.immediateBit == 0 && tables.kinds[Int(id)] == 2
  }

  /// How many values the pool keeps in its tables (integers held in their identifiers are
  /// not counted).
  public var count: Int { tables.kinds.count }

  // MARK: Images

  /// Writes every value of the tables to a knowledge image, in identifier order.
  func write(to image: inout ImageWriter) {
    image.int(tables.kinds.count)
    for id in 0..<tables.kinds.count {
      let kind = tables.kinds[id]
      image.int(Int(kind))
      if kind == 2 {
        image.string(tables.texts[Int(tables.bits[id])])
      } else {
        image.fixed64(tables.bits[id])
      }
    }
  }

  /// Takes over the values of `other`, with their identifiers (for a pool that holds none).
  func adopt(_ other: ValuePool) {
    tables = other.tables
  }

  /// Interns the values ``write(to:)`` wrote, in order, into this pool, which must be empty:
  /// each gets the identifier it had.
  func read(from image: inout ImageReader) throws(ImageDamage) {
    guard tables.kinds.isEmpty else { throw ImageDamage() }
    let n = try image.count()
    var restored = PoolTables()
    restored.reserve(n)
    for id in 0..<n {
      let value: Value
      switch try image.int(in: 0...2) {
      case 0: value = .integer(Int64(bitPattern: try image.fixed64()))
      case 1: value = .decimal(Double(bitPattern: try image.fixed64()))
      default: value = .symbol(try image.string())
      }
      // Each value is new to the pool, so it gets the next identifier: `id`.
      guard restored.intern(value) == UInt32(id) else { throw ImageDamage() }
    }
    tables = restored
  }
}

/// The tables of a ``ValuePool``: the values that are not held in their identifiers.
private struct PoolTables {
  /// Each value's kind: 0 an integer, 1 a decimal, 2 a symbol.
  var kinds: [UInt8] = []
  /// Each number's 64 bits; for a symbol, its place in `texts`. Kept apart from the symbols'
  /// text so a number costs 9 bytes rather than a whole ``Value``.
  var bits: [UInt64] = []
  var texts: [String] = []
  var integers = NumberTable()
  var decimals = NumberTable()
  var symbols: [String: UInt32] = [:]

  mutating func intern(_ value: Value) -> UInt32 {
    let next = UInt32(truncatingIfNeeded: kinds.count)
    precondition(next < ValuePool.immediateBit, "more than 2^31 distinct values")
    switch value {
    case .integer(let i):
      let pattern = UInt64(bitPattern: i)
      let id = integers.find(pattern, orInsert: next)
      if id == next { append(kind: 0, bits: pattern) }
      return id
    case .decimal(let d):
      let id = decimals.find(PoolTables.pattern(d), orInsert: next)
      if id == next { append(kind: 1, bits: d.bitPattern) }
      return id
    case .symbol(let s):
      if let known = symbols[s] { return known }
      symbols[s] = next
      append(kind: 2, bits: UInt64(texts.count))
      texts.append(s)
      return next
    }
  }

  /// Makes room for `count` values in all.
  mutating func reserve(_ count: Int) {
    kinds.reserveCapacity(count)
    bits.reserveCapacity(count)
    symbols.reserveCapacity(count)
  }

  private mutating func append(kind: UInt8, bits pattern: UInt64) {
    kinds.append(kind)
    bits.append(pattern)
  }

  func lookup(_ value: Value) -> UInt32? {
    switch value {
    case .integer(let i): integers.find(UInt64(bitPattern: i))
    case .decimal(let d): decimals.find(PoolTables.pattern(d))
    case .symbol(let s): symbols[s]
    }
  }

  func value(_ id: UInt32) -> Value {
    let i = Int(id)
    switch kinds[i] {
    case 0: return .integer(Int64(bitPattern: bits[i]))
    case 1: return .decimal(Double(bitPattern: bits[i]))
    default: return .symbol(texts[Int(bits[i])])
    }
  }

  /// The bits of a decimal, with -0.0 as 0.0 (the two are equal values).
  static func pattern(_ d: Double) -> UInt64 {
    d == 0 ? 0 : d.bitPattern
  }
}

/// An open-addressing table from 64-bit patterns to identifiers (at most three quarters
/// full, linear probing).
///
/// Each slot holds its key and identifier together in 12 bytes, so a probe touches one
/// place in memory: a load of millions of distinct numbers looks them up at random.
struct NumberTable {
  private struct Slot {
    var low: UInt32 = 0
    var high: UInt32 = 0
    /// Identifier plus one; 0 marks an empty slot.
    var id: UInt32 = 0

    var key: UInt64 { UInt64(high) << 32 | UInt64(low) }
  }

  private var slots: [Slot] = []
  private var count = 0

  @inline(__always)
  private static func home(_ key: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 17) & mask
  }

  func find(_ key: UInt64) -> UInt32? {
    guard !slots.isEmpty else { return nil }
    let mask = slots.count - 1
    var i = NumberTable.home(key, mask)
    while slots[i].id != 0 {
      if slots[i].key == key { return slots[i].id - 1 }
      i = (i + 1) & mask
    }
    return nil
  }

  /// The identifier of `key`, or `id` after recording it as the identifier of `key`.
  mutating func find(_ key: UInt64, orInsert id: UInt32) -> UInt32 {
    if (count + 1) * 4 > slots.count * 3 { grow() }
    let mask = slots.count - 1
    var i = NumberTable.home(key, mask)
    while slots[i].id != 0 {
      if slots[i].key == key { return slots[i].id - 1 }
      i = (i + 1) & mask
    }
    slots[i] = Slot(low: UInt32(truncatingIfNeeded: key), high: UInt32(truncatingIfNeeded: key >> 32), id: id + 1)
    count += 1
    return id
  }

  private mutating func grow() {
    let size = max(64, slots.count * 2)
    var grown = [Slot](repeating: Slot(), count: size)
    let mask = size - 1
    for slot in slots where slot.id != 0 {
      var i = NumberTable.home(slot.key, mask)
      while grown[i].id != 0 { i = (i + 1) & mask }
      grown[i] = slot
    }
    slots = grown
  }
}
