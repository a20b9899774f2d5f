/// Renders ``Output`` values as text for standard output and standard error, in one
/// ``OutputFormat``. Every line ends without trailing white space.
public struct OutputRenderer {
  /// The format.
  public let format: OutputFormat
  /// The files diagnostics point into.
  public let sources: SourceRegistry
  /// Whether to colour diagnostics and table headers.
  public let color: Bool
  /// For people at a prompt: the most table rows shown before "… N more answers" (nil: all).
  public var maxRows: Int?
  /// For people at a prompt: table cells wider than this are cut with "…" (nil: never).
  public var maxCellWidth: Int?

  /// Creates a renderer.
  public init(
    format: OutputFormat, sources: SourceRegistry, color: Bool = false, maxRows: Int? = nil,
    maxCellWidth: Int? = nil
  ) {
    self.format = format
    self.sources = sources
    self.color = color
    self.maxRows = maxRows
    self.maxCellWidth = maxCellWidth
  }

  /// The text for standard output and for standard error; each is empty or ends in a newline.
  public func render(_ output: Output) -> (stdout: String, stderr: String) {
    let style = format.style
    switch output {
    case .quit:
      return ("", "")
    case .answers(let table):
      let layout = AnswerLayout(maxRows: maxRows, maxCellWidth: maxCellWidth, color: color)
      return (style.answers(table, layout: layout), "")
    case .text(let text):
      return (style.message(text), "")
    case .proofs(let explanation):
      return (style.proofs(explanation), "")
    case .whyNot(let report):
      return (style.whyNot(report), "")
    case .diff(let diff):
      return (style.diff(diff), "")
    case .picture(let picture):
      return (style.picture(picture), "")
    case .predicates(let listing):
      return (style.predicates(listing), "")
    case .diagnostics(let list, let line):
      let renderer = DiagnosticRenderer(sources: sources, color: color && format != .json)
      if let text = style.diagnostics(list, line: line, renderer: renderer) { return (text, "") }
      return ("", renderer.render(list) + "\n")
    }
  }
}
