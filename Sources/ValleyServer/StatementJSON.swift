import ValleyEngine

/// One JSON object per statement, each the object `valley run --format json` prints for it.
///
/// A statement that prints several objects there (warnings before its result) gives here
/// its result with the warnings' texts under `"warnings"`; a statement with nothing to show
/// (`:quit`) gives a message.
enum StatementJSON {
  static func objects(_ results: [StatementResult], sources: SourceRegistry) -> [String] {
    let renderer = OutputRenderer(format: .json, sources: sources)
    let headlines = DiagnosticRenderer(sources: sources)
    return results.map { result in
      var main: String?
      var warnings: [String] = []
      for output in result.outputs {
        var shown = output
        if case .diagnostics(let list, let line) = output {
          warnings += list.filter { $0.severity != .error }.map { JSON.string(headlines.headline($0)) }
          let errors = list.filter { $0.severity == .error }
          if errors.isEmpty { continue }
          shown = .diagnostics(errors, line: line)
        }
        let text = renderer.render(shown).stdout
        guard let line = text.split(separator: "\n").first else { continue }
        if main == nil || shown.isError { main = String(line) }
      }
      var object = main ?? JSON.object([("message", JSON.string(quitMessage(result)))])
      if !warnings.isEmpty {
        object.removeLast()
        object += ", \"warnings\": [" + warnings.joined(separator: ", ") + "]}"
      }
      return object
    }
  }

  private static func quitMessage(_ result: StatementResult) -> String {
    result.outputs.contains { if case .quit = $0 { return true } else { return false } }
      ? "the session stays open: close the page to leave" : "done"
  }
}
