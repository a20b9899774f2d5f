/// Heads waiting to be inserted together (see ``TupleBatch``).
final class HeadBatch {
  /// The most heads a batch holds.
  static let capacity = TupleBatch.capacity
  let width: Int
  private let tuples: TupleBatch
  /// How many times the batch was flushed (for checking the budget now and then).
  var flushes = 0

  init(width: Int) {
    self.width = width
    tuples = TupleBatch(width: width)
  }

  /// How many heads are waiting.
  @inline(__always)
  var count: Int { tuples.count }

  /// Whether the batch is full (then flush it).
  @inline(__always)
  var isFull: Bool { tuples.isFull }

  /// Adds the head of the derivation in `frame`.
  @inline(__always)
  func add(_ frame: RuleFrame, _ head: [Operand]) throws(EvaluationError) {
    let tuple = tuples.next
    for k in 0..<width { tuple[k] = try frame.resolve(head[k]) }
    tuples.commit()
  }

  /// Inserts the waiting heads into `storage`, counting the new ones in `out`.
  func flush(into storage: RelationStorage, counting out: PendingRows) {
    guard count > 0 else { return }
    out.emitted += tuples.insert(into: storage)
    tuples.removeAll()
    flushes += 1
  }
}
