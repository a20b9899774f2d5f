/// One piece of Valley source text: a knowledge file, a script, or one line typed at the prompt.
///
/// The text is kept as UTF-8 bytes with a table of line starts, so that spans (byte ranges)
/// can be turned into 1-based lines and columns only when a diagnostic is rendered.
public struct SourceFile: Sendable {
  /// The identifier spans use to refer to this file.
  public let id: Int
  /// The name shown in diagnostics: a path as the user gave it, or `<input:N>`.
  public let name: String
  /// The file's bytes (valid UTF-8).
  public let bytes: [UInt8]
  /// Byte offsets where each line starts; the first is 0.
  public let lineStarts: LineStarts

  /// Creates a source file from already-validated text.
  public init(id: Int, name: String, text: String) {
    self.init(id: id, name: name, validBytes: Array(text.utf8))
  }

  /// Creates a source file from bytes already known to be valid UTF-8 (without copying them).
  public init(id: Int, name: String, validBytes: [UInt8]) {
    self.id = id
    self.name = name
    self.bytes = validBytes
    self.lineStarts = LineStarts(validBytes)
  }

  /// A source file whose line starts are known (they must be those of `validBytes`).
  init(id: Int, name: String, validBytes: [UInt8], lineStarts: LineStarts) {
    self.id = id
    self.name = name
    self.bytes = validBytes
    self.lineStarts = lineStarts
  }

  /// The whole text.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The 0-based index of the line that holds `offset`.
  public func lineIndex(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// The text of the 0-based line `index`, without its line break.
  public func lineText(_ index: Int) -> String {
    guard index >= 0, index < lineStarts.count else { return "" }
    let start = lineStarts[index]
    var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
    while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
      end -= 1
    }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// The 1-based line and column (counted in characters) of a byte offset.
  public func location(of offset: Int) -> SourceLocation {
    let clamped = max(0, min(offset, bytes.count))
    let line = lineIndex(of: clamped)
    let start = lineStarts[line]
    let prefix = String(decoding: bytes[start..<clamped], as: UTF8.self)
    return SourceLocation(line: line + 1, column: prefix.count + 1)
  }

  /// The text a span covers.
  public func text(of span: SourceSpan) -> String {
    let start = max(0, min(span.start, bytes.count))
    let end = max(start, min(span.end, bytes.count))
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}

/// Every source file a session has seen, so spans can be resolved to names and lines.
public struct SourceRegistry: Sendable {
  private var files: [SourceFile] = []

  /// Creates an empty registry.
  public init() {}

  /// Registers text under a display name and returns the new file.
  public mutating func add(name: String, text: String) -> SourceFile {
    add(name: name, validBytes: Array(text.utf8))
  }

  /// Registers bytes known to be valid UTF-8 under a display name and returns the new file.
  public mutating func add(name: String, validBytes: [UInt8]) -> SourceFile {
    let file = SourceFile(id: files.count, name: name, validBytes: validBytes)
    files.append(file)
    return file
  }

  /// Registers bytes known to be valid UTF-8, with their line starts already counted.
  mutating func add(name: String, validBytes: [UInt8], lineStarts: LineStarts) -> SourceFile {
    let file = SourceFile(id: files.count, name: name, validBytes: validBytes, lineStarts: lineStarts)
    files.append(file)
    return file
  }

  /// The number of files registered.
  public var count: Int { files.count }

  /// The file with the given identifier, if any.
  public func file(_ id: Int) -> SourceFile? {
    id >= 0 && id < files.count ? files[id] : nil
  }
}
