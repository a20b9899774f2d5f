/// Heads waiting to be inserted together (see ``TupleBatch``), with the variable values that
/// derived each when provenance is recorded.
final class HeadBatch {
  /// The most heads a batch holds.
  static let capacity = TupleBatch.capacity
  let width: Int
  /// Whether each new head's rule and bindings are kept (provenance on).
  let recording: Bool
  /// Variables per derivation (0 without provenance, and for a rule with no variables).
  let bindingWidth: Int
  let rule: Int32
  private let tuples: TupleBatch
  /// `bindingWidth` values per waiting head, in the order of the heads.
  private let bindings: ScratchBuffer<UInt32>
  /// How many times the batch was flushed (for checking the budget now and then).
  var flushes = 0

  init(width: Int, recording: Bool, slotCount: Int, rule: Int32) {
    self.width = width
    self.recording = recording
    self.bindingWidth = recording ? slotCount : 0
    self.rule = rule
    tuples = TupleBatch(width: width)
    bindings = ScratchBuffer(count: HeadBatch.capacity * bindingWidth, repeating: 0)
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
    if bindingWidth > 0 {
      bindings.view.advanced(by: tuples.count * bindingWidth).copy(from: frame.slots, count: bindingWidth)
    }
    tuples.commit()
  }

  /// Inserts the waiting heads into `storage`, noting the new ones in `out`.
  func flush(into storage: RelationStorage, recording out: PendingRows) {
    guard count > 0 else { return }
    out.emitted += tuples.insert(into: storage)
    if recording {
      // A rule with no variables still records its rule (with no bindings) for each row.
      for j in 0..<count where tuples.isNew(j) {
        out.rules.append(rule)
        bindings.view.advanced(by: j * bindingWidth).append(count: bindingWidth, to: &out.bindings)
      }
    }
    tuples.removeAll()
    flushes += 1
  }
}
