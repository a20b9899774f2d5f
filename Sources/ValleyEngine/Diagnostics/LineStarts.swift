/// The byte offsets where the lines of a text start, the first being 0.
///
/// Four bytes a line (a text of 4 GiB or more takes eight; see ``ByteOffsets``): a large
/// data file has millions of lines, and its table lives as long as the file is known.
public struct LineStarts: RandomAccessCollection, Sendable {
  private var offsets = ByteOffsets()

  /// The line starts of `bytes`: 0 and every offset after a line feed.
  public init(_ bytes: [UInt8]) {
    var lines = 1
    for byte in bytes where byte == UInt8(ascii: "\n") { lines += 1 }
    offsets.reserveCapacity(lines)
    offsets.append(0)
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { offsets.append(offset + 1) }
  }

  /// Line starts computed before (from a knowledge image): `offsets` must be those of the text.
  init(offsets: [Int]) {
    self.offsets = ByteOffsets(offsets)
  }

  /// The first line.
  public var startIndex: Int { 0 }
  /// The number of lines.
  public var endIndex: Int { offsets.count }

  /// Where line `index` (0-based) starts.
  public subscript(index: Int) -> Int { offsets[index] }
}
