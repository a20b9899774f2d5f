/// Heads waiting to be inserted together (see ``RelationStorage/insertBatch(_:count:hashes:isNew:)``),
/// with the variable values that derived each when provenance is recorded.
final class HeadBatch {
  static let capacity = 16
  let width: Int
  /// Whether each new head's rule and bindings are kept (provenance on).
  let recording: Bool
  /// Variables per derivation (0 without provenance, and for a rule with no variables).
  let bindingWidth: Int
  let rule: Int32
  let tuples: UnsafeMutablePointer<UInt32>
  let bindings: UnsafeMutablePointer<UInt32>
  let hashes: UnsafeMutablePointer<UInt64>
  let isNew: UnsafeMutablePointer<Bool>
  var count = 0
  /// How many times the batch was flushed (for checking the budget now and then).
  var flushes = 0

  init(width: Int, recording: Bool, slotCount: Int, rule: Int32) {
    self.width = width
    self.recording = recording
    self.bindingWidth = recording ? slotCount : 0
    self.rule = rule
    tuples = .allocate(capacity: HeadBatch.capacity * width)
    bindings = .allocate(capacity: max(1, HeadBatch.capacity * bindingWidth))
    hashes = .allocate(capacity: HeadBatch.capacity)
    isNew = .allocate(capacity: HeadBatch.capacity)
  }

  /// Adds the head of the derivation in `frame`.
  @inline(__always)
  func add(_ frame: RuleFrame, _ head: [Operand]) throws(EvaluationError) {
    let tuple = tuples + count * width
    for k in 0..<width { tuple[k] = try frame.resolve(head[k]) }
    if bindingWidth > 0 { (bindings + count * bindingWidth).update(from: frame.slots, count: bindingWidth) }
    count += 1
  }

  /// Inserts the waiting heads into `storage`, noting the new ones in `out`.
  func flush(into storage: RelationStorage, recording out: PendingRows) {
    guard count > 0 else { return }
    out.emitted += storage.insertBatch(tuples, count: count, hashes: hashes, isNew: isNew)
    if recording {
      // A rule with no variables still records its rule (with no bindings) for each row.
      for j in 0..<count where isNew[j] {
        out.rules.append(rule)
        out.bindings.append(contentsOf: UnsafeBufferPointer(start: bindings + j * bindingWidth, count: bindingWidth))
      }
    }
    count = 0
    flushes += 1
  }

  func deallocate() {
    tuples.deallocate()
    bindings.deallocate()
    hashes.deallocate()
    isNew.deallocate()
  }
}
