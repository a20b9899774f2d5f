/// A half-open range of UTF-8 bytes in one source file.
public struct SourceSpan: Hashable, Sendable {
  /// The file's identifier in its ``SourceRegistry``.
  public var file: Int
  /// The first byte covered.
  public var start: Int
  /// One past the last byte covered.
  public var end: Int

  /// Creates a span.
  public init(file: Int, start: Int, end: Int) {
    self.file = file
    self.start = start
    self.end = max(start, end)
  }

  /// The smallest span that covers both `self` and `other` (same file assumed).
  public func merged(with other: SourceSpan) -> SourceSpan {
    SourceSpan(file: file, start: min(start, other.start), end: max(end, other.end))
  }
}

/// A 1-based line and column; columns count characters, not bytes.
public struct SourceLocation: Hashable, Sendable, Comparable {
  /// The line, from 1.
  public var line: Int
  /// The column, from 1, in characters.
  public var column: Int

  /// Creates a location.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// Orders locations by line, then column.
  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}
