import ValleyEngine

extension LanguageServer {
  /// `textDocument/prepareRename`: the name under the cursor when it is a predicate name or a
  /// variable; anything else (a symbol, quoted text, a comment) cannot be renamed.
  func prepareRename(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let point = try DocumentPoint(params, server: self)
    let (name, span) = try renameTarget(point)
    return ["range": point.source.range(of: span), "placeholder": .string(name)]
  }

  /// `textDocument/rename`: a predicate everywhere its name is written (declarations,
  /// heads, bodies, imports, the queries of open scripts), or a variable within its clause.
  func rename(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let point = try DocumentPoint(params, server: self)
    guard let newName = params["newName"]?.stringValue else { throw .invalidParams("rename needs newName") }
    let index = point.analysis.index
    var edits: [(SourceSpan, String)] = []
    if let occurrence = index.occurrence(file: point.source.id, offset: point.offset) {
      guard Self.lexesAs(newName, predicate: true), !Syntax.reservedWords.contains(newName) else {
        throw .requestFailed("'\(newName)' is not a predicate name: it must start with a lower-case letter")
      }
      if newName != occurrence.name, point.analysis.catalog.number(of: newName) != nil {
        throw .requestFailed("'\(newName)' is already a predicate; renaming would merge the two")
      }
      edits = index.occurrences(of: occurrence.name).map { ($0.span, newName) }
    } else if let variable = index.variable(file: point.source.id, offset: point.offset) {
      guard Self.lexesAs(newName, predicate: false), newName != "_" else {
        throw .requestFailed("'\(newName)' is not a variable name: it must start with an upper-case letter or _")
      }
      if newName != variable.name,
        index.unit(file: point.source.id, offset: point.offset)?.variables.contains(where: { $0.name == newName })
          == true
      {
        throw .requestFailed("the clause already has a variable '\(newName)'")
      }
      edits = variable.spans.map { ($0, newName) }
    } else {
      throw .requestFailed("only predicate names and variables can be renamed")
    }
    return ["changes": WorkspaceEdits.json(edits, in: point.analysis)]
  }

  private func renameTarget(_ point: DocumentPoint) throws(ResponseError) -> (String, SourceSpan) {
    let index = point.analysis.index
    if let occurrence = index.occurrence(file: point.source.id, offset: point.offset) {
      return (occurrence.name, occurrence.span)
    }
    if let variable = index.variable(file: point.source.id, offset: point.offset),
      let span = variable.spans.first(where: { $0.start <= point.offset && point.offset <= $0.end })
    {
      return (variable.name, span)
    }
    throw .requestFailed("only predicate names and variables can be renamed")
  }

  /// Whether `text` is exactly one bare name (`predicate`) or one variable, as the lexer reads it.
  static func lexesAs(_ text: String, predicate: Bool) -> Bool {
    let tokens = Lexer.tokenize(SourceFile(id: 0, name: "", text: text))
    guard tokens.count == 2, tokens[0].span.start == 0, tokens[0].span.end == text.utf8.count else { return false }
    switch tokens[0].kind {
    case .name(let n): return predicate && n == text
    case .variable(let v): return !predicate && v == text
    default: return false
    }
  }
}

/// Text edits grouped by document, as a workspace edit's `changes`.
enum WorkspaceEdits {
  /// `{uri: [TextEdit]}`, URIs sorted, edits in text order.
  static func json(_ edits: [(SourceSpan, String)], in analysis: Analysis) -> JSONValue {
    var byURI: [String: [(SourceSpan, String)]] = [:]
    for edit in edits {
      guard let uri = analysis.uris[edit.0.file] else { continue }
      byURI[uri, default: []].append(edit)
    }
    return .object(
      byURI.keys.sorted().map { uri in
        let list = (byURI[uri] ?? []).sorted { $0.0.start < $1.0.start }
        let json: [JSONValue] = list.compactMap { span, text in
          guard let file = analysis.source(span.file) else { return nil }
          return ["range": file.range(of: span), "newText": .string(text)]
        }
        return (uri, JSONValue.array(json))
      })
  }
}
