/// Checks that raw bytes are UTF-8 before they become a ``SourceFile``.
public enum SourceDecoder {
  /// Decodes `bytes` as UTF-8, or returns the byte offset of the first invalid sequence.
  public static func decode(_ bytes: [UInt8]) -> Result<String, InvalidUTF8> {
    if let bad = firstInvalid(in: bytes) { return .failure(bad) }
    return .success(String(decoding: bytes, as: UTF8.self))
  }

  /// The position of the first byte of `bytes` that is not valid UTF-8, or nil if all are.
  public static func firstInvalid(in bytes: [UInt8]) -> InvalidUTF8? {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      let length: Int
      let minimum: UInt32
      var value: UInt32
      switch b {
      case 0xC2...0xDF:
        length = 2
        minimum = 0x80
        value = UInt32(b & 0x1F)
      case 0xE0...0xEF:
        length = 3
        minimum = 0x800
        value = UInt32(b & 0x0F)
      case 0xF0...0xF4:
        length = 4
        minimum = 0x10000
        value = UInt32(b & 0x07)
      default:
        return InvalidUTF8(offset: i, in: bytes)
      }
      guard i + length <= n else { return InvalidUTF8(offset: i, in: bytes) }
      for k in 1..<length {
        let c = bytes[i + k]
        guard c & 0xC0 == 0x80 else { return InvalidUTF8(offset: i, in: bytes) }
        value = (value << 6) | UInt32(c & 0x3F)
      }
      guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else {
        return InvalidUTF8(offset: i, in: bytes)
      }
      i += length
    }
    return nil
  }
}

/// The position of the first byte that is not valid UTF-8.
public struct InvalidUTF8: Error, Equatable, Sendable {
  /// The 0-based byte offset.
  public var offset: Int
  /// The 1-based line of that byte.
  public var line: Int
  /// The 1-based column: characters (Unicode scalars) before it on its line, plus one.
  public var column: Int

  /// The position of byte `offset` of `bytes`, whose earlier bytes are valid UTF-8.
  public init(offset: Int, in bytes: [UInt8]) {
    self.offset = offset
    var line = 1
    var column = 1
    for b in bytes[..<min(offset, bytes.count)] {
      if b == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
    }
    self.line = line
    self.column = column
  }

  /// "line L, column C (byte offset N)", for messages.
  public var position: String { "line \(line), column \(column) (byte offset \(offset))" }
}
