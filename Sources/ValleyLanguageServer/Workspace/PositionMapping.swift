import ValleyEngine

/// A place in a document as the protocol counts it: a 0-based line and a 0-based character
/// offset in UTF-16 code units.
public struct Position: Sendable, Hashable, Comparable {
  /// The 0-based line.
  public var line: Int
  /// The 0-based offset in UTF-16 code units from the start of the line.
  public var character: Int

  /// Creates a position.
  public init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  /// Reads `{"line": L, "character": C}`; nil when either is missing or negative.
  public init?(_ json: JSONValue?) {
    guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue, line >= 0,
      character >= 0
    else { return nil }
    self.init(line: line, character: character)
  }

  /// The position as JSON.
  public var json: JSONValue { ["line": .int(line), "character": .int(character)] }

  /// Orders positions by line, then character.
  public static func < (a: Position, b: Position) -> Bool { (a.line, a.character) < (b.line, b.character) }
}

extension SourceFile {
  /// The protocol position of a byte offset (clamped to the text).
  public func position(of offset: Int) -> Position {
    let clamped = max(0, min(offset, bytes.count))
    let line = lineIndex(of: clamped)
    var units = 0
    for i in lineStarts[line]..<clamped {
      let byte = bytes[i]
      if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }  // a lead byte; four-byte scalars take two units
    }
    return Position(line: line, character: units)
  }

  /// The byte offset of a protocol position. A line past the end gives the end of the text;
  /// a character past the end of its line gives the end of the line; a character inside a
  /// surrogate pair gives the start of that scalar.
  public func offset(of position: Position) -> Int {
    guard position.line < lineStarts.count else { return bytes.count }
    var i = lineStarts[position.line]
    var units = 0
    while i < bytes.count, bytes[i] != UInt8(ascii: "\n"), bytes[i] != UInt8(ascii: "\r") {
      let byte = bytes[i]
      let width = byte >= 0xF0 ? 2 : 1
      if units + width > position.character { break }
      units += width
      i += 1
      while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
    }
    return i
  }

  /// The protocol range of a span, as JSON.
  public func range(of span: SourceSpan) -> JSONValue {
    ["start": position(of: span.start).json, "end": position(of: span.end).json]
  }
}
