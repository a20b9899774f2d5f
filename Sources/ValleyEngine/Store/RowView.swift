/// A read-only view of one tuple of value identifiers: a row of a ``RelationStorage``, or
/// the values in a ``ScratchBuffer``. It is how evaluation reads rows and hands tuples to
/// the store without touching the store's memory itself.
///
/// A view is a bare address with no ownership and no length: it is valid only while what it
/// points into is alive and unchanged (a relation's row views last until rows are next added
/// to it, since adding may move its buffer), and reading past the tuple's width is an error
/// the view cannot catch. Take one, read it, drop it.
struct RowView {
  /// The first value. Only ``Store`` code reads it.
  let address: UnsafePointer<UInt32>

  /// A view of the values at `address`.
  @inline(__always)
  init(_ address: UnsafePointer<UInt32>) { self.address = address }

  /// The value in `column`.
  @inline(__always)
  subscript(column: Int) -> UInt32 { address[column] }

  /// The first `count` values, as an array.
  func array(count: Int) -> [UInt32] {
    Array(UnsafeBufferPointer(start: address, count: count))
  }
}
