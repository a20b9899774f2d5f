import ValleyEngine

/// The engine's diagnostics as the protocol's: the code string as `code`, the message with
/// the help after it, notes that point somewhere as related information.
enum DiagnosticConversion {
  /// One diagnostic as JSON. Without a place it sits at the start of the file.
  static func json(_ diagnostic: Diagnostic, in analysis: Analysis) -> JSONValue {
    var message = diagnostic.message
    if let help = diagnostic.help { message += "\nhelp: \(help)" }
    var related: [JSONValue] = []
    for note in diagnostic.notes {
      if let span = note.span, let file = analysis.source(span.file) {
        related.append([
          "location": [
            "uri": .string(analysis.uris[span.file] ?? DocumentURI.uri(ofPath: file.name)),
            "range": file.range(of: span),
          ],
          "message": .string(note.message),
        ])
      } else {
        message += "\nnote: \(note.message)"
      }
    }
    let range: JSONValue =
      if let span = diagnostic.span, let file = analysis.source(span.file) {
        file.range(of: span)
      } else {
        ["start": Position(line: 0, character: 0).json, "end": Position(line: 0, character: 0).json]
      }
    var members: [(String, JSONValue)] = [
      ("range", range),
      ("severity", .int(diagnostic.severity == .error ? 1 : diagnostic.severity == .warning ? 2 : 3)),
      ("code", .string(diagnostic.code)),
      ("source", "valley"),
      ("message", .string(message)),
    ]
    if !related.isEmpty { members.append(("relatedInformation", .array(related))) }
    return .object(members)
  }
}
