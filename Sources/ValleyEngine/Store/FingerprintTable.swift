/// The open-addressing hash table behind ``RelationStorage``'s membership set (entries are
/// row numbers) and ``IndexStorage``'s key groups (entries are group numbers).
///
/// The table stores no keys. Each slot is empty (0) or a ``SlotTag``: an entry number plus
/// one, with a fingerprint of the entry's hash in the bits the number does not need. The
/// owner keeps the keys and tells each call how to compare a probed entry with what it looks
/// for, and how to hash an entry again when the table grows or an entry moves. Those are
/// non-escaping closures passed to `@inline(__always)` methods, so each use compiles to its
/// own loop with the comparison inlined; the closure only runs when the fingerprints agree.
///
/// Linear probing over a power-of-two number of slots, never more than three quarters full.
/// Removal shifts the later entries of a probe run back, so there are no tombstones. The
/// table grows in place (see ``grown(toHold:existing:hashOf:)``).
///
/// The table is a plain value (an address and a size), and no method mutates it in place:
/// the owner reads it with one instantaneous load before probing, so no access to the
/// owner's stored property is open while a closure runs, and the compiler can drop the
/// dynamic exclusivity checks on it (they cost more than a probe). The owner frees the
/// slots with ``deallocate()`` (in its `deinit`, and before replacing the table); a table
/// that must outlive its owner's is made with ``copy()``.
struct FingerprintTable {
  private var slots: UnsafeMutablePointer<UInt32>?
  /// The number of slots: 0 or a power of two.
  private(set) var capacity = 0
  /// `capacity - 1`: the bits of a slot that hold the entry number plus one.
  private var entryMask: UInt32 = 0

  /// An empty table, with no slots yet.
  init() {}

  /// The most entries a table of `capacity` slots holds: three quarters of its slots (with
  /// fingerprints, a probe that misses rarely reads a row, so a fuller table costs little
  /// time, and a relation's membership set is most of its memory after its rows).
  @inline(__always)
  private static func limit(_ capacity: Int) -> Int { capacity / 4 * 3 }

  /// Frees the slots; the table must not be used afterwards (assign a new one).
  func deallocate() {
    if let slots { StoreMemory.deallocate(slots, capacity: capacity) }
  }

  /// An independent table with the same entries in the same slots.
  func copy() -> FingerprintTable {
    var copy = FingerprintTable()
    if let slots {
      let newSlots = StoreMemory.allocate(UInt32.self, capacity: capacity)
      newSlots.update(from: slots, count: capacity)
      copy.slots = newSlots
      copy.capacity = capacity
      copy.entryMask = entryMask
    }
    return copy
  }

  /// Whether holding `entries` entries needs a larger table.
  @inline(__always)
  func needsRoom(for entries: Int) -> Bool { entries > FingerprintTable.limit(capacity) }

  /// The entry hashed `hash` for which `matches` holds, or -1. `matches` only sees entries
  /// whose fingerprint agrees with `hash`.
  @inline(__always)
  func find(_ hash: UInt64, where matches: (Int) -> Bool) -> Int {
    guard let slots else { return -1 }
    let mask = capacity - 1
    let tag = SlotTag.fingerprint(hash, entryMask)
    var i = Int(truncatingIfNeeded: hash) & mask
    while true {
      let s = slots[i]
      if s == 0 { return -1 }
      if s & ~entryMask == tag {
        let entry = Int(s & entryMask) - 1
        if matches(entry) { return entry }
      }
      i = (i + 1) & mask
    }
  }

  /// Like ``find(_:where:)``; when no entry matches, enters `entry` in the first empty slot
  /// of the probe run and returns -1. The table must have room for one more entry.
  @inline(__always)
  func findOrAdd(_ hash: UInt64, entry: Int, where matches: (Int) -> Bool) -> Int {
    guard let slots else { return -1 }
    let mask = capacity - 1
    let tag = SlotTag.fingerprint(hash, entryMask)
    var i = Int(truncatingIfNeeded: hash) & mask
    while true {
      let s = slots[i]
      if s == 0 { break }
      if s & ~entryMask == tag {
        let found = Int(s & entryMask) - 1
        if matches(found) { return found }
      }
      i = (i + 1) & mask
    }
    slots[i] = tag | UInt32(truncatingIfNeeded: entry + 1)
    return -1
  }

  /// Enters `entry`, known to be absent, in the first empty slot of its probe run. The table
  /// must have room for it.
  @inline(__always)
  func add(_ hash: UInt64, entry: Int) {
    guard let slots else { return }
    let mask = capacity - 1
    var i = Int(truncatingIfNeeded: hash) & mask
    while slots[i] != 0 { i = (i + 1) & mask }
    slots[i] = SlotTag.fingerprint(hash, entryMask) | UInt32(truncatingIfNeeded: entry + 1)
  }

  /// A larger table, with room for `entries` entries, holding the entries `0..<existing`
  /// (`hashOf` gives the hash of each). This table's slots are taken over: assign the result
  /// in its place. (A value-returning method rather than a mutating one, so that the owner's
  /// access to its stored table stays instantaneous while `hashOf` runs.)
  ///
  /// The slots are enlarged where they are (see ``StoreMemory``: a large table is remapped,
  /// not copied), emptied, and the entries entered again in the order of their numbers, so
  /// that the owner reads its keys one after another; growing never holds two tables.
  func grown(toHold entries: Int, existing: Int, hashOf: (Int) -> UInt64) -> FingerprintTable {
    var newCapacity = SlotTag.grownCount(capacity)
    while entries > FingerprintTable.limit(newCapacity) { newCapacity = SlotTag.grownCount(newCapacity) }
    var table = FingerprintTable()
    if let slots {
      let grownSlots = StoreMemory.grow(slots, from: capacity, to: newCapacity, zeroed: true)
      grownSlots.update(repeating: 0, count: capacity)
      table.slots = grownSlots
    } else {
      table.slots = StoreMemory.allocate(UInt32.self, capacity: newCapacity, zeroed: true)
    }
    table.capacity = newCapacity
    table.entryMask = UInt32(truncatingIfNeeded: newCapacity - 1)
    for entry in 0..<existing { table.add(hashOf(entry), entry: entry) }
    return table
  }

  // MARK: Batched probes

  /// The home slot of `hash` as stored (read early, so that the cache misses of a batch of
  /// probes overlap; the value itself means nothing to the caller).
  @inline(__always)
  func homeSlot(_ hash: UInt64) -> UInt32 {
    guard let slots else { return 0 }
    return slots[Int(truncatingIfNeeded: hash) & (capacity - 1)]
  }

  /// The entry in the home slot of `hash` if its fingerprint agrees, or -1 (the entry a
  /// probe would most likely compare with first).
  @inline(__always)
  func homeEntry(_ hash: UInt64) -> Int {
    let s = homeSlot(hash)
    guard s != 0, s & ~entryMask == SlotTag.fingerprint(hash, entryMask) else { return -1 }
    return Int(s & entryMask) - 1
  }

  // MARK: Removal

  /// The slot that holds `entry` (hashed `hash`), or -1.
  private func slot(of entry: Int, hash: UInt64) -> Int {
    guard let slots else { return -1 }
    let mask = capacity - 1
    var i = Int(truncatingIfNeeded: hash) & mask
    let wanted = UInt32(truncatingIfNeeded: entry + 1)
    while slots[i] != 0 {
      if slots[i] & entryMask == wanted { return i }
      i = (i + 1) & mask
    }
    return -1
  }

  /// Takes `entry` (hashed `hash`) out, moving later entries of its probe run back into the
  /// hole where their home allows; `hashOf` gives the hash of any entry still in.
  func remove(_ entry: Int, hash: UInt64, hashOf: (Int) -> UInt64) {
    guard let slots else { return }
    var hole = slot(of: entry, hash: hash)
    guard hole >= 0 else { return }
    let mask = capacity - 1
    slots[hole] = 0
    var j = hole
    while true {
      j = (j + 1) & mask
      let s = slots[j]
      if s == 0 { return }
      let home = Int(truncatingIfNeeded: hashOf(Int(s & entryMask) - 1)) & mask
      // The entry at j may fill the hole unless its home lies cyclically in (hole, j].
      let stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j)
      if !stays {
        slots[hole] = s
        slots[j] = 0
        hole = j
      }
    }
  }

  /// Gives `entry` (hashed `hash`) the number `newEntry`, in the same slot.
  func renumber(_ entry: Int, hash: UInt64, to newEntry: Int) {
    guard let slots else { return }
    let k = slot(of: entry, hash: hash)
    guard k >= 0 else { return }
    slots[k] = (slots[k] & ~entryMask) | UInt32(truncatingIfNeeded: newEntry + 1)
  }

  /// Approximate bytes held.
  var byteCount: Int { capacity * 4 }
}
