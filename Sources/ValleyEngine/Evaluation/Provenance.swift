/// When each derived fact was first derived: a *stamp*, the number of the evaluation round that
/// added it. Nothing else is kept during evaluation; explanations find a derivation again on
/// demand (see ``Explainer``), and the stamp is what makes that search sound and shallow:
///
/// - every read of a round stops at the rows its relations had when the round started, so a
///   fact stamped `s` has a derivation whose derived premises all carry stamps below `s`;
/// - semi-naive evaluation adds facts round by round, so looking for a derivation among the
///   facts stamped below `s` gives one of least height, and following such derivations from
///   any fact always ends at stored facts (stamps strictly decrease: no cycles).
///
/// Rounds are numbered across the life of a knowledge base (first evaluation, each update,
/// each delete-and-rederive), so stamps from different evaluations compare correctly. Stored
/// facts have stamp 0.
///
/// Memory: rows are appended in the order they are derived, so the stamps of one predicate are
/// kept as runs (the row where a run starts and its stamp): one entry per round in which the
/// predicate grew, however many facts the round added. Removing facts moves rows from the end
/// into the holes (``RelationStorage/remove(rows:)``); moved rows keep their stamps in a small
/// table of exceptions.
public struct Provenance: Sendable {
  /// One predicate's stamps.
  public struct Table: Sendable {
    /// The first row of each run, ascending. Rows before the first run are stored facts.
    var runStarts: [Int] = []
    /// The stamp of each run.
    var runStamps: [UInt32] = []
    /// Rows whose stamp is not their run's (rows moved by a removal).
    var moved: [Int: UInt32] = [:]

    /// The stamp of `row`.
    func stamp(of row: Int) -> UInt32 {
      if !moved.isEmpty, let stamp = moved[row] { return stamp }
      // The last run starting at or before `row`.
      var low = 0
      var high = runStarts.count
      while low < high {
        let mid = (low + high) / 2
        if runStarts[mid] <= row { low = mid + 1 } else { high = mid }
      }
      return low == 0 ? 0 : runStamps[low - 1]
    }

    /// Notes that the rows from `row` on (to the end of the relation) carry `stamp`. `row` is
    /// the relation's size before they were added: every run starts before it (removals drop
    /// the runs past the new end, see ``Provenance/apply(removing:moves:count:of:)``).
    mutating func stamp(from row: Int, _ stamp: UInt32) {
      if (runStamps.last ?? 0) == stamp { return }
      runStarts.append(row)
      runStamps.append(stamp)
    }
  }

  /// One table per predicate (predicates without derived facts may have none).
  public private(set) var tables: [Table] = []
  /// The number of the last round started; the next round gets the next one.
  public private(set) var round: UInt32 = 0

  /// Creates empty provenance.
  public init() {}

  /// The stamp of `row` of `predicate`: 0 for a stored fact, otherwise the round that derived it.
  public func stamp(of predicate: Int, row: Int) -> UInt32 {
    predicate < tables.count ? tables[predicate].stamp(of: row) : 0
  }

  /// Starts a new round and returns its stamp. Past the last stamp, rounds share it; a
  /// derivation is then still found, but it need not be of least height.
  mutating func nextRound() -> UInt32 {
    if round < UInt32.max { round += 1 }
    return round
  }

  /// Notes that the rows of `predicate` from `row` on were added by the round `stamp`.
  mutating func record(predicate: Int, from row: Int, stamp: UInt32) {
    while tables.count <= predicate { tables.append(Table()) }
    tables[predicate].stamp(from: row, stamp)
  }

  /// Notes that `row` of `predicate` (and the rows after it) are stored facts added after an
  /// evaluation (incremental updates append stored facts after derived rows).
  mutating func recordStored(predicate: Int, row: Int) {
    guard predicate < tables.count else { return }
    tables[predicate].stamp(from: row, 0)
  }

  /// Follows ``RelationStorage/remove(rows:)`` on `predicate`'s relation: the rows `doomed`
  /// went, `moves` relocated others, and the relation now has `count` rows.
  mutating func apply(removing doomed: [Int], moves: [(from: Int, to: Int)], count: Int, of predicate: Int) {
    guard predicate < tables.count else { return }
    var table = tables[predicate]
    let movedStamps = moves.map { (to: $0.to, stamp: table.stamp(of: $0.from)) }
    for r in doomed { table.moved[r] = nil }
    for (from, _) in moves { table.moved[from] = nil }
    if !table.moved.isEmpty { table.moved = table.moved.filter { $0.key < count } }
    for (to, stamp) in movedStamps where stamp != table.stamp(of: to) { table.moved[to] = stamp }
    while let start = table.runStarts.last, start >= count {
      table.runStarts.removeLast()
      table.runStamps.removeLast()
    }
    tables[predicate] = table
  }

  /// Forgets every stamp of `predicate` (before it is evaluated again from its stored facts).
  mutating func clear(predicate: Int) {
    guard predicate < tables.count else { return }
    tables[predicate] = Table()
  }

  // MARK: Images

  /// Writes every stamp to a knowledge image.
  func write(to image: inout ImageWriter) {
    image.fixed64(UInt64(round))
    image.array(tables) { image, table in
      image.ints(table.runStarts)
      image.wordArray(table.runStamps)
      image.array(table.moved.sorted { $0.key < $1.key }) { image, moved in
        image.int(moved.key)
        image.fixed64(UInt64(moved.value))
      }
    }
  }

  /// The stamps ``write(to:)`` wrote.
  init(from image: inout ImageReader) throws(ImageDamage) {
    guard let round = UInt32(exactly: try image.fixed64()) else { throw ImageDamage() }
    self.round = round
    tables = try image.array(ofAtLeast: 3) { image throws(ImageDamage) in
      var table = Table()
      table.runStarts = try image.ints()
      table.runStamps = try image.wordArray()
      guard table.runStarts.count == table.runStamps.count else { throw ImageDamage() }
      for _ in 0..<(try image.count(ofAtLeast: 9)) {
        let row = try image.int()
        guard let stamp = UInt32(exactly: try image.fixed64()) else { throw ImageDamage() }
        table.moved[row] = stamp
      }
      return table
    }
  }
}
