import ValleyEngine

extension LanguageServer {
  /// `textDocument/codeAction`: quick fixes for the engine's diagnostics in the range: take
  /// the did-you-mean suggestion (unknown predicate, annotation or command), or mark a
  /// variable used once as deliberate (`_` or `_Name`).
  func codeActions(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let (uri, analysis, source) = try DocumentPoint.document(params, server: self)
    guard let start = Position(params["range"]?["start"]), let end = Position(params["range"]?["end"]) else {
      throw .invalidParams("codeAction needs a range")
    }
    let from = source.offset(of: start)
    let to = source.offset(of: end)
    let diagnostics = analysis.diagnosticsByURI(unplaced: [])[uri] ?? []
    var actions: [JSONValue] = []
    for diagnostic in diagnostics {
      guard let span = diagnostic.span, span.file == source.id, span.start <= to, from <= span.end else { continue }
      let diagnosticJSON = DiagnosticConversion.json(diagnostic, in: analysis)
      func action(_ title: String, _ newText: String, preferred: Bool) -> JSONValue {
        [
          "title": .string(title), "kind": "quickfix", "diagnostics": [diagnosticJSON], "isPreferred": .bool(preferred),
          "edit": ["changes": WorkspaceEdits.json([(span, newText)], in: analysis)],
        ]
      }
      switch diagnostic.kind {
      case .E202, .E106, .E501:
        guard let suggestion = Self.suggestion(in: diagnostic.help) else { continue }
        actions.append(action("Change to \(suggestion)", suggestion, preferred: true))
      case .W101:
        let name = source.text(of: span)
        actions.append(action("Replace \(name) with _", "_", preferred: true))
        actions.append(action("Rename \(name) to _\(name)", "_" + name, preferred: false))
      default:
        continue
      }
    }
    return .array(actions)
  }

  /// The name in a help text of the form `did you mean 'name'?`.
  static func suggestion(in help: String?) -> String? {
    guard let help, let marker = help.firstRange(of: "did you mean '") else { return nil }
    let rest = help[marker.upperBound...]
    guard let close = rest.firstIndex(of: "'") else { return nil }
    let name = String(rest[..<close])
    return name.isEmpty ? nil : name
  }
}
