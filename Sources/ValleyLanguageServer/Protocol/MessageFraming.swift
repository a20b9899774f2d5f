/// The base protocol's framing: each message is a `Content-Length: N` header (other headers
/// allowed), a blank line, and N bytes of JSON.
public struct FrameReader {
  /// What the next frame was.
  public enum Frame: Equatable, Sendable {
    /// The body of one message.
    case message([UInt8])
    /// A header block without a usable `Content-Length`; the reader skipped it.
    case badHeader(String)
    /// The input ended.
    case end
  }

  /// The largest body accepted; a longer one is refused without reading it into memory at once.
  public static let maximumLength = 64 << 20

  private var buffer: [UInt8] = []
  private var start = 0
  private let readMore: () -> [UInt8]?

  /// Creates a reader that calls `readMore` for more bytes (nil or empty at the end).
  public init(readMore: @escaping () -> [UInt8]?) {
    self.readMore = readMore
  }

  /// Whether bytes of a next message are already waiting (read but not yet returned).
  public var hasBuffered: Bool { start < buffer.count }

  private mutating func fill() -> Bool {
    guard let more = readMore(), !more.isEmpty else { return false }
    if start > 0 {
      buffer.removeFirst(start)
      start = 0
    }
    buffer += more
    return true
  }

  /// Reads the next frame.
  public mutating func next() -> Frame {
    // The header block ends at the first blank line.
    var headerEnd: Int?
    var scanFrom = start
    while headerEnd == nil {
      var i = scanFrom
      while i + 3 < buffer.count {
        if buffer[i] == 13, buffer[i + 1] == 10, buffer[i + 2] == 13, buffer[i + 3] == 10 {
          headerEnd = i
          break
        }
        i += 1
      }
      if headerEnd != nil { break }
      scanFrom = max(start, buffer.count - 3)
      let consumed = scanFrom - start
      guard fill() else { return .end }
      scanFrom = start + consumed
      if buffer.count - start > 64 << 10 {
        start = buffer.count
        return .badHeader("a header block longer than 64 KiB")
      }
    }
    guard let end = headerEnd else { return .end }
    let header = String(decoding: buffer[start..<end], as: UTF8.self)
    start = end + 4
    var length: Int?
    for line in header.split(separator: "\r\n") {
      let parts = line.split(separator: ":", maxSplits: 1)
      guard parts.count == 2, parts[0].lowercased() == "content-length" else { continue }
      length = Int(parts[1].trimmingBlanks)
    }
    guard let length, length >= 0 else { return .badHeader("no Content-Length in the header '\(header)'") }
    guard length <= FrameReader.maximumLength else {
      // Skip the body without keeping it.
      var remaining = length
      while remaining > 0 {
        let available = buffer.count - start
        if available == 0 && !fill() { return .end }
        let take = min(remaining, buffer.count - start)
        start += take
        remaining -= take
      }
      return .badHeader("a message of \(length) bytes (more than \(FrameReader.maximumLength))")
    }
    while buffer.count - start < length {
      guard fill() else { return .end }
    }
    let body = Array(buffer[start..<(start + length)])
    start += length
    return .message(body)
  }
}

/// Frames one message: the header and the JSON body.
public func framed(_ message: JSONValue) -> [UInt8] {
  let body = Array(message.serialized.utf8)
  return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
}

extension Substring {
  /// The text without leading and trailing spaces and tabs.
  var trimmingBlanks: Substring {
    var s = self
    while let first = s.first, first == " " || first == "\t" { s = s.dropFirst() }
    while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
    return s
  }
}
