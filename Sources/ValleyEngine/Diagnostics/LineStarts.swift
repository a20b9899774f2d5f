/// The byte offsets where the lines of a text start, the first being 0.
///
/// Four bytes a line (a text of 4 GiB or more takes eight): a large data file has millions
/// of lines, and its table lives as long as the file is known.
public struct LineStarts: RandomAccessCollection, Sendable {
  private var narrow: [UInt32] = []
  /// Used instead of `narrow` when an offset does not fit in 32 bits.
  private var wide: [Int] = []

  /// The line starts of `bytes`: 0 and every offset after a line feed.
  public init(_ bytes: [UInt8]) {
    var lines = 1
    for byte in bytes where byte == UInt8(ascii: "\n") { lines += 1 }
    if bytes.count <= Int(UInt32.max) {
      narrow.reserveCapacity(lines)
      narrow.append(0)
      for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
        narrow.append(UInt32(truncatingIfNeeded: offset + 1))
      }
    } else {
      wide.reserveCapacity(lines)
      wide.append(0)
      for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { wide.append(offset + 1) }
    }
  }

  /// Line starts computed before (from a knowledge image): `offsets` must be those of the text.
  init(offsets: [Int]) {
    if offsets.allSatisfy({ $0 <= Int(UInt32.max) }) {
      narrow = offsets.map { UInt32(truncatingIfNeeded: $0) }
    } else {
      wide = offsets
    }
  }

  /// The first line.
  public var startIndex: Int { 0 }
  /// The number of lines.
  public var endIndex: Int { wide.isEmpty ? narrow.count : wide.count }

  /// Where line `index` (0-based) starts.
  public subscript(index: Int) -> Int { wide.isEmpty ? Int(narrow[index]) : wide[index] }
}
