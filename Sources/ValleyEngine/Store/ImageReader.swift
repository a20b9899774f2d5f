#if canImport(Glibc)
  import Glibc
#endif

/// An image that cannot be read: cut short, or holding something the writer never writes.
/// Whoever reads an image then does the work the image would have saved.
struct ImageDamage: Error {}

/// Reads what an ``ImageWriter`` wrote, in the same order.
///
/// Every read checks that its bytes are there and that counts fit in what is left, so a
/// damaged image becomes an ``ImageDamage`` error rather than a crash.
struct ImageReader {
  private let bytes: [UInt8]
  /// Where the next read starts.
  private(set) var position: Int

  /// Reads `bytes` from `position` on.
  init(_ bytes: [UInt8], from position: Int = 0) {
    self.bytes = bytes
    self.position = max(0, min(position, bytes.count))
  }

  /// Whether every byte has been read.
  var isAtEnd: Bool { position == bytes.count }

  /// The number of bytes not read yet.
  var remaining: Int { bytes.count - position }

  /// See ``ImageWriter/unsigned(_:)``.
  mutating func unsigned() throws(ImageDamage) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard position < bytes.count, shift < 64 else { throw ImageDamage() }
      let byte = bytes[position]
      position += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
  }

  /// See ``ImageWriter/int(_:)``.
  mutating func int() throws(ImageDamage) -> Int {
    let folded = try unsigned()
    let wide = Int64(bitPattern: folded >> 1) ^ -Int64(bitPattern: folded & 1)
    guard let value = Int(exactly: wide) else { throw ImageDamage() }
    return value
  }

  /// A number that must lie in `range`.
  mutating func int(in range: ClosedRange<Int>) throws(ImageDamage) -> Int {
    let value = try int()
    guard range.contains(value) else { throw ImageDamage() }
    return value
  }

  /// A count of things that take at least `size` bytes each, so no larger than what is left.
  mutating func count(ofAtLeast size: Int = 1) throws(ImageDamage) -> Int {
    try int(in: 0...(bytes.count - position) / max(size, 1))
  }

  /// See ``ImageWriter/fixed64(_:)``.
  mutating func fixed64() throws(ImageDamage) -> UInt64 {
    guard bytes.count - position >= 8 else { throw ImageDamage() }
    var value: UInt64 = 0
    for i in 0..<8 { value |= UInt64(bytes[position + i]) << UInt64(8 * i) }
    position += 8
    return value
  }

  /// See ``ImageWriter/bool(_:)``.
  mutating func bool() throws(ImageDamage) -> Bool {
    guard position < bytes.count, bytes[position] <= 1 else { throw ImageDamage() }
    position += 1
    return bytes[position - 1] == 1
  }

  /// The next `count` bytes, in place.
  mutating func slice(_ count: Int) throws(ImageDamage) -> ArraySlice<UInt8> {
    guard count >= 0, bytes.count - position >= count else { throw ImageDamage() }
    position += count
    return bytes[position - count..<position]
  }

  /// See ``ImageWriter/byteArray(_:)``.
  mutating func byteArray() throws(ImageDamage) -> ArraySlice<UInt8> {
    try slice(count())
  }

  /// See ``ImageWriter/string(_:)``. (The checksum vouches for the bytes: they are the valid
  /// UTF-8 of a string, which decoding gives back unchanged.)
  mutating func string() throws(ImageDamage) -> String {
    String(decoding: try slice(count()), as: UTF8.self)
  }

  /// See ``ImageWriter/optionalString(_:)``.
  mutating func optionalString() throws(ImageDamage) -> String? {
    try bool() ? try string() : nil
  }

  /// See ``ImageWriter/array(_:_:)``: the count (of elements that take at least `size`
  /// bytes each), then each element as `element` reads it.
  mutating func array<Element>(
    ofAtLeast size: Int = 1, _ element: (inout ImageReader) throws(ImageDamage) -> Element
  ) throws(ImageDamage) -> [Element] {
    let n = try count(ofAtLeast: size)
    var values: [Element] = []
    values.reserveCapacity(n)
    for _ in 0..<n { values.append(try element(&self)) }
    return values
  }

  /// See ``ImageWriter/strings(_:)``.
  mutating func strings() throws(ImageDamage) -> [String] {
    try array { reader throws(ImageDamage) in try reader.string() }
  }

  /// See ``ImageWriter/ints(_:)``.
  mutating func ints() throws(ImageDamage) -> [Int] {
    try array { reader throws(ImageDamage) in try reader.int() }
  }

  /// Reads `count` words (see ``ImageWriter/words(_:count:)``) into `words`.
  mutating func words(into words: UnsafeMutablePointer<UInt32>, count: Int) throws(ImageDamage) {
    guard count >= 0, (bytes.count - position) / 4 >= count else { throw ImageDamage() }
    let start = position
    bytes.withUnsafeBytes { buffer in
      for i in 0..<count {
        words[i] = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: start + i * 4, as: UInt32.self))
      }
    }
    position += count * 4
  }

  /// See ``ImageWriter/wordArray(_:)``.
  mutating func wordArray() throws(ImageDamage) -> [UInt32] {
    let n = try count(ofAtLeast: 4)
    var failed = false
    let values = [UInt32](unsafeUninitializedCapacity: n) { buffer, initialized in
      do throws(ImageDamage) {
        if let base = buffer.baseAddress { try words(into: base, count: n) }
        initialized = n
      } catch {
        failed = true
        initialized = 0
      }
    }
    if failed { throw ImageDamage() }
    return values
  }

  /// A 64-bit checksum of `bytes` from `start` on: a fast multiply-and-rotate hash over four
  /// lanes of eight bytes (so the multiplications overlap). It finds an image that was cut
  /// short or changed on disk by accident; it is no defence against an image made to deceive
  /// (which needs write access to the user's own cache).
  static func checksum(_ bytes: [UInt8], from start: Int) -> UInt64 {
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (
      0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x85EB_CA77_C2B2_AE63
    )
    @inline(__always) func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
      let product = (lane ^ word) &* 0xFF51_AFD7_ED55_8CCD
      return (product << 29) | (product >> 35)
    }
    var tail: UInt64 = UInt64(bytes.count)
    bytes.withUnsafeBytes { buffer in
      var offset = min(start, buffer.count)
      while offset + 32 <= buffer.count {
        lanes.0 = mix(lanes.0, buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        lanes.1 = mix(lanes.1, buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        lanes.2 = mix(lanes.2, buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
        lanes.3 = mix(lanes.3, buffer.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
        offset += 32
      }
      while offset < buffer.count {
        tail = (tail ^ UInt64(buffer[offset])) &* 0xC4CE_B9FE_1A85_EC53
        offset += 1
      }
    }
    var hash = tail
    for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { hash = mix(hash, lane) }
    hash ^= hash >> 33
    hash = hash &* 0xFF51_AFD7_ED55_8CCD
    return hash ^ (hash >> 33)
  }

  /// Whether two runs of bytes are the same (compared as memory, not byte by byte).
  static func same(_ a: [UInt8], _ b: ArraySlice<UInt8>) -> Bool {
    a.count == b.count
      && a.withUnsafeBytes { x in
        b.withUnsafeBytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
      }
  }
}
