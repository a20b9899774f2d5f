/// Byte offsets into texts, in order of appending: 4 bytes each while every offset fits in
/// 32 bits, 8 from the first that does not (a text of 4 GiB or more).
///
/// Where each fact of a large data file starts is kept for its origin, so this is one of the
/// few things a load keeps per fact.
public struct ByteOffsets: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
  private var narrow: [UInt32] = []
  /// Every offset, once one does not fit in `narrow` (which is then empty).
  private var wide: [Int] = []

  /// No offsets.
  public init() {}

  /// The given offsets.
  public init(_ offsets: [Int]) {
    reserveCapacity(offsets.count)
    for offset in offsets { append(offset) }
  }

  /// The offsets written out.
  public init(arrayLiteral offsets: Int...) {
    self.init(offsets)
  }

  /// The first position.
  public var startIndex: Int { 0 }
  /// The number of offsets.
  public var endIndex: Int { wide.isEmpty ? narrow.count : wide.count }

  /// Offset number `i`.
  public subscript(i: Int) -> Int { wide.isEmpty ? Int(narrow[i]) : wide[i] }

  /// Adds an offset.
  public mutating func append(_ offset: Int) {
    if wide.isEmpty {
      if offset >= 0, offset <= Int(UInt32.max) {
        narrow.append(UInt32(truncatingIfNeeded: offset))
        return
      }
      wide = narrow.map { Int($0) }
      narrow = []
    }
    wide.append(offset)
  }

  /// Makes room for `count` offsets in all.
  public mutating func reserveCapacity(_ count: Int) {
    if wide.isEmpty { narrow.reserveCapacity(count) } else { wide.reserveCapacity(count) }
  }

  /// Removes the offsets at `rows` (ascending, distinct), keeping the others in order.
  public mutating func remove(rows: [Int]) {
    if wide.isEmpty { narrow.remove(rows: rows) } else { wide.remove(rows: rows) }
  }
}
