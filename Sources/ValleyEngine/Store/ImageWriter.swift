/// Writes the bytes of a knowledge image (see `KnowledgeImage`): numbers as variable-length
/// integers, text as its UTF-8 bytes after their count, rows of values as raw 32-bit words.
///
/// The format belongs to one build of valley: an image is only ever read by the program that
/// wrote it (the image records which), so nothing here is meant to last across versions.
struct ImageWriter {
  /// What has been written.
  private(set) var bytes: [UInt8] = []

  /// Starts an empty image.
  init() {}

  /// A non-negative number in 7-bit groups, lowest first (LEB128).
  mutating func unsigned(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(truncatingIfNeeded: rest))
  }

  /// A number, negative ones folded onto odd numbers first (zigzag) so small ones stay short.
  mutating func int(_ value: Int) {
    let wide = Int64(value)
    unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
  }

  /// Eight bytes, lowest first.
  mutating func fixed64(_ value: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
  }

  /// Bytes as they are, with no count.
  mutating func raw(_ value: [UInt8]) {
    bytes += value
  }

  /// One byte, 1 or 0.
  mutating func bool(_ value: Bool) {
    bytes.append(value ? 1 : 0)
  }

  /// The number of bytes, then the bytes.
  mutating func byteArray(_ value: some Collection<UInt8>) {
    int(value.count)
    bytes += value
  }

  /// A text: the number of its UTF-8 bytes, then the bytes.
  mutating func string(_ value: String) {
    int(value.utf8.count)
    bytes += value.utf8
  }

  /// 1 and the text, or 0.
  mutating func optionalString(_ value: String?) {
    bool(value != nil)
    if let value { string(value) }
  }

  /// The number of values, then each as `element` writes it.
  mutating func array<Element>(_ values: [Element], _ element: (inout ImageWriter, Element) -> Void) {
    int(values.count)
    for value in values { element(&self, value) }
  }

  /// The number of texts, then each.
  mutating func strings(_ values: [String]) {
    array(values) { $0.string($1) }
  }

  /// The number of numbers, then each.
  mutating func ints(_ values: [Int]) {
    array(values) { $0.int($1) }
  }

  /// `count` 32-bit words from `words`, four bytes each, lowest byte first, with no count.
  mutating func words(_ words: UnsafePointer<UInt32>, count: Int) {
    guard count > 0 else { return }
    let start = bytes.count
    bytes += repeatElement(0, count: count * 4)
    bytes.withUnsafeMutableBytes { buffer in
      for i in 0..<count {
        buffer.storeBytes(of: words[i].littleEndian, toByteOffset: start + i * 4, as: UInt32.self)
      }
    }
  }

  /// The number of words, then the words (see ``words(_:count:)``).
  mutating func wordArray(_ values: [UInt32]) {
    int(values.count)
    values.withUnsafeBufferPointer { buffer in
      if let base = buffer.baseAddress { words(base, count: buffer.count) }
    }
  }
}
