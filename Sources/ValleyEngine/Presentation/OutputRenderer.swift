/// Renders ``Output`` values as text for standard output and standard error, in the
/// session's format. Every line ends without trailing white space.
public struct OutputRenderer {
  /// The answer format.
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
    switch output {
    case .quit:
      return ("", "")
    case .answers(let table):
      if format == .table {
        let layout = AnswerRenderer.Layout(maxRows: maxRows, maxCellWidth: maxCellWidth, color: color)
        return (AnswerRenderer.renderTable(table, layout: layout), "")
      }
      return (AnswerRenderer.render(table, format: format), "")
    case .report(let text, let json):
      return ((format == .json ? json : text) + "\n", "")
    case .text(let text):
      if format == .json { return (JSON.object([("message", JSON.string(text))]) + "\n", "") }
      return (text + "\n", "")
    case .diagnostics(let list, let line):
      let renderer = DiagnosticRenderer(sources: sources, color: color && format != .json)
      if format == .json {
        var out = ""
        let errors = list.filter { $0.severity == .error }
        if let first = errors.first {
          var fields = [("error", JSON.string(renderer.headline(first))), ("line", String(line))]
          if errors.count > 1 {
            fields.append(("errors", "[" + errors.map { JSON.string(renderer.headline($0)) }.joined(separator: ", ") + "]"))
          }
          out += JSON.object(fields) + "\n"
        }
        for warning in list where warning.severity != .error {
          out += JSON.object([("warning", JSON.string(renderer.headline(warning))), ("line", String(line))]) + "\n"
        }
        return (out, "")
      }
      return ("", renderer.render(list) + "\n")
    }
  }
}

/// Minimal JSON writing: strings with escapes, objects with keys in the given order.
public enum JSON {
  /// A JSON string literal.
  public static func string(_ s: String) -> String {
    ValueFormatter.escaped(s) { scalar in
      guard scalar.value < 0x20 else { return nil }
      let hex = String(scalar.value, radix: 16)
      return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
  }

  /// `{"k": v, ...}` with `": "` and `", "` separators; values are already JSON.
  public static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
  }

  /// A value as JSON: numbers as numbers, symbols as strings.
  public static func value(_ v: Value) -> String {
    switch v {
    case .integer(let i): return String(i)
    case .decimal(let d): return ValueFormatter.decimal(d)
    case .symbol(let s): return string(s)
    }
  }
}
