import ValleyEngine

extension LanguageServer {
  /// `textDocument/formatting`: the open document in `valley fmt`'s layout, as one edit that
  /// replaces the whole text (none when it is already formatted, or when it has syntax errors,
  /// which the diagnostics already show). The editor's tab size and spaces options are not
  /// used: the layout is the same everywhere (docs/formatting.md).
  func formatting(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    guard let uri = params["textDocument"]?["uri"]?.stringValue else {
      throw .invalidParams("textDocument.uri is missing")
    }
    guard let document = workspace.documents[uri] else {
      throw .invalidParams("\(uri) is not open: only open documents are formatted")
    }
    guard let kind = SourceKind(fileName: document.path) else { return [] }
    guard case .formatted(let text) = SourceFormatter.format(document.text, fileName: document.path, kind: kind),
      text != document.text
    else { return [] }
    var scratch = SourceRegistry()
    let original = scratch.add(name: document.path, text: document.text)
    let whole = SourceSpan(file: original.id, start: 0, end: original.bytes.count)
    return [["range": original.range(of: whole), "newText": .string(text)]]
  }
}
