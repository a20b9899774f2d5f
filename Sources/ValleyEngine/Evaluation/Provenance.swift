/// How each derived fact was first derived: the rule and the values of all its variables.
///
/// Recorded during evaluation, when a pending row is merged into its relation. The first
/// derivation found is kept; because semi-naive evaluation derives facts round by round, it is
/// a derivation of the least height. Its premises were all present before its round started,
/// so following derivations from any fact always ends at stored facts (no cycles).
public struct Provenance: Sendable {
  /// One predicate's derivations, for its rows from `firstDerivedRow` on.
  public struct Table: Sendable {
    /// Rows before this one are stored facts, not derived.
    public var firstDerivedRow: Int = 0
    /// For each derived row, the rule that derived it.
    public var rules: [Int32] = []
    /// For each derived row, where its variable values start in `bindings`.
    public var starts: [Int32] = []
    /// The variable values of every derivation, one after another.
    public var bindings: [UInt32] = []
    /// How many values of `bindings` belong to derivations that were removed.
    var garbage = 0
  }

  /// Whether provenance is being recorded.
  public var isEnabled: Bool
  /// One table per predicate.
  public var tables: [Table] = []

  /// Creates empty provenance.
  public init(enabled: Bool) {
    isEnabled = enabled
  }

  /// The derivation of `row` of `predicate`: the rule index and its variable values, or nil
  /// for a stored fact (or when provenance was off).
  public func derivation(of predicate: Int, row: Int, slotCount: (Int) -> Int)
    -> (rule: Int, bindings: [UInt32])?
  {
    guard predicate < tables.count else { return nil }
    let table = tables[predicate]
    let i = row - table.firstDerivedRow
    guard i >= 0, i < table.rules.count, table.rules[i] >= 0 else { return nil }
    let rule = Int(table.rules[i])
    let start = Int(table.starts[i])
    return (rule, Array(table.bindings[start..<(start + slotCount(rule))]))
  }

  mutating func prepare(predicate: Int, firstDerivedRow: Int) {
    while tables.count <= predicate { tables.append(Table()) }
    if tables[predicate].rules.isEmpty { tables[predicate].firstDerivedRow = firstDerivedRow }
  }

  /// Notes that `row` of `predicate` is a stored fact added after evaluation (incremental
  /// updates append stored facts after derived rows).
  mutating func recordStored(predicate: Int, row: Int) {
    // Every row from firstDerivedRow on has an entry; -1 marks a stored fact.
    prepare(predicate: predicate, firstDerivedRow: row)
    tables[predicate].rules.append(-1)
    tables[predicate].starts.append(Int32(tables[predicate].bindings.count))
  }

  /// Follows ``RelationStorage/remove(rows:)`` on `predicate`'s relation: the rows `doomed`
  /// went, `moves` relocated others, and the relation now has `count` rows. Holes among the
  /// stored rows at the front are filled by derived rows, so the derived part then starts at
  /// the first hole, and stored rows after it are marked as stored. The bindings of removed
  /// derivations are compacted away once they are half of what the table holds (`width`
  /// gives a rule's number of variables).
  mutating func apply(
    removing doomed: [Int], moves: [(from: Int, to: Int)], count: Int, of predicate: Int,
    width: (Int) -> Int
  ) {
    guard predicate < tables.count else { return }
    var table = tables[predicate]
    let lowest = moves.map(\.to).min() ?? table.firstDerivedRow
    if lowest < table.firstDerivedRow {
      let extra = table.firstDerivedRow - lowest
      table.rules.insert(contentsOf: repeatElement(-1, count: extra), at: 0)
      let start = Int32(table.bindings.count)
      table.starts.insert(contentsOf: repeatElement(start, count: extra), at: 0)
      table.firstDerivedRow = lowest
    }
    for r in doomed {
      let i = r - table.firstDerivedRow
      if i >= 0, i < table.rules.count, table.rules[i] >= 0 { table.garbage += width(Int(table.rules[i])) }
    }
    for (from, to) in moves {
      let i = from - table.firstDerivedRow
      let j = to - table.firstDerivedRow
      guard i >= 0, i < table.rules.count, j >= 0, j < table.rules.count else { continue }
      table.rules[j] = table.rules[i]
      table.starts[j] = table.starts[i]
    }
    let kept = max(0, count - table.firstDerivedRow)
    if table.rules.count > kept {
      table.rules.removeLast(table.rules.count - kept)
      table.starts.removeLast(table.starts.count - kept)
    }
    if table.rules.isEmpty {
      table = Table()
      table.firstDerivedRow = count
    } else if table.garbage > 1_024, table.garbage * 2 > table.bindings.count {
      var bindings: [UInt32] = []
      bindings.reserveCapacity(table.bindings.count - table.garbage)
      for i in table.rules.indices {
        let start = Int(table.starts[i])
        table.starts[i] = Int32(truncatingIfNeeded: bindings.count)
        if table.rules[i] >= 0 {
          bindings.append(contentsOf: table.bindings[start..<(start + width(Int(table.rules[i])))])
        }
      }
      table.bindings = bindings
      table.garbage = 0
    }
    tables[predicate] = table
  }

  /// Forgets every derivation of `predicate` (before it is evaluated again).
  mutating func clear(predicate: Int) {
    guard predicate < tables.count else { return }
    tables[predicate] = Table()
  }

  /// The most variable values one predicate's table can hold (offsets are 32-bit).
  static let capacity = Int(Int32.max)

  /// Throws unless `predicate`'s table can take `values` more variable values.
  func checkRoom(for values: Int, predicate: Int) throws(EvaluationError) {
    let used = predicate < tables.count ? tables[predicate].bindings.count : 0
    if used + values > Provenance.capacity { throw .provenanceLimit(predicate: predicate) }
  }

  mutating func record(predicate: Int, rule: Int, bindings: ArraySlice<UInt32>) {
    tables[predicate].rules.append(Int32(rule))
    tables[predicate].starts.append(Int32(tables[predicate].bindings.count))
    tables[predicate].bindings.append(contentsOf: bindings)
  }
}
