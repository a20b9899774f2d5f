/// A graph drawn by `:graph` and returned inline instead of written to a file.
public struct Picture: Sendable {
  /// The picture's language.
  public enum Format: String, Sendable {
    /// Graphviz's DOT source.
    case dot
    /// SVG, drawn by Graphviz.
    case svg
  }

  /// The language of ``text``.
  public var format: Format
  /// The DOT source or the SVG document.
  public var text: String

  /// Creates a picture.
  public init(format: Format, text: String) {
    self.format = format
    self.text = text
  }
}
