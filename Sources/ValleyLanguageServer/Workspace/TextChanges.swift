import ValleyEngine

/// The `contentChanges` of `textDocument/didChange`, applied to a document's text.
enum TextChanges {
  /// Applies changes in order: one without a range replaces the whole text; one with a range
  /// replaces that range (positions in UTF-16 units, clamped to the text). A change without
  /// text is skipped.
  static func apply(_ changes: [JSONValue], to text: String) -> String {
    var text = text
    for change in changes {
      guard let newText = change["text"]?.stringValue else { continue }
      guard let range = change["range"], let start = Position(range["start"]), let end = Position(range["end"]) else {
        text = newText
        continue
      }
      let file = SourceFile(id: 0, name: "", text: text)
      let from = file.offset(of: start)
      let to = max(from, file.offset(of: end))
      var bytes = file.bytes
      bytes.replaceSubrange(from..<to, with: Array(newText.utf8))
      text = String(decoding: bytes, as: UTF8.self)
    }
    return text
  }
}
