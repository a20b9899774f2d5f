/// Up to ``capacity`` tuples of one width, gathered so that a relation can insert them
/// together (see ``RelationStorage/insertBatch(_:count:hashes:isNew:)``), with the scratch
/// memory that the batched insert needs.
///
/// Write the values of the next tuple into ``next``, then ``commit()``; when the batch is
/// full (or done), ``insert(into:)`` and then ``removeAll()``.
final class TupleBatch {
  /// The most tuples a batch holds.
  static let capacity = 16
  /// Values per tuple.
  let width: Int
  /// How many tuples are committed.
  private(set) var count = 0
  private let tuples: ScratchBuffer<UInt32>
  private let hashes: ScratchBuffer<UInt64>
  private let isNewFlags: ScratchBuffer<Bool>

  /// An empty batch of tuples of `width` values.
  init(width: Int) {
    self.width = width
    tuples = ScratchBuffer(count: TupleBatch.capacity * width, repeating: 0)
    hashes = ScratchBuffer(count: TupleBatch.capacity, repeating: 0)
    isNewFlags = ScratchBuffer(count: TupleBatch.capacity, repeating: false)
  }

  /// Whether the batch holds ``capacity`` tuples.
  @inline(__always)
  var isFull: Bool { count == TupleBatch.capacity }

  /// Where the values of the next tuple go (`width` of them).
  @inline(__always)
  var next: ScratchView<UInt32> { tuples.view.advanced(by: count * width) }

  /// Adds the tuple written into ``next`` to the batch.
  @inline(__always)
  func commit() { count += 1 }

  /// Inserts the tuples into `storage` in order, as one insert each would; returns how many
  /// were new.
  func insert(into storage: RelationStorage) -> Int {
    storage.insertBatch(
      UnsafePointer(tuples.view.address), count: count, hashes: hashes.view.address,
      isNew: isNewFlags.view.address)
  }

  /// Empties the batch.
  @inline(__always)
  func removeAll() { count = 0 }
}
