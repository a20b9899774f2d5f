/// A comment in source text, as the lexer passed it.
///
/// The parser never sees comments; a lexer made with `recordingComments` keeps them so that a
/// formatter can put them back and an editor can colour them.
public struct SourceComment: Sendable, Hashable {
  /// The form of a comment.
  public enum Kind: Sendable, Hashable {
    /// `%` to the end of the line (the span stops before the line break).
    case line
    /// `/* ... */`, possibly over several lines.
    case block
    /// A first line starting with `#!`.
    case shebang
  }

  /// Which form it is.
  public var kind: Kind
  /// Where it is, from its first character to just after its last.
  public var span: SourceSpan
  /// The 0-based line it starts on.
  public var line: Int

  /// Creates a comment.
  public init(kind: Kind, span: SourceSpan, line: Int) {
    self.kind = kind
    self.span = span
    self.line = line
  }
}
