import ValleyEngine

extension LanguageServer {
  /// `textDocument/definition`: for a predicate, its `@pred` declaration when there is one,
  /// else the heads that define it; for a variable, its first occurrence in the clause.
  func definition(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let point = try DocumentPoint(params, server: self)
    let index = point.analysis.index
    if let occurrence = index.occurrence(file: point.source.id, offset: point.offset) {
      let all = index.occurrences(of: occurrence.name)
      let declared = all.filter { $0.role == .declaration }
      let targets = declared.isEmpty ? all.filter { $0.role == .definition } : declared
      return .array(targets.compactMap { point.location($0.span) })
    }
    if let variable = index.variable(file: point.source.id, offset: point.offset), let first = variable.spans.first {
      return .array([point.location(first)].compactMap { $0 })
    }
    return .null
  }

  /// `textDocument/references`: every place a predicate's name is written (the `@pred`
  /// name only with `includeDeclaration`), across the workspace; or a variable's
  /// occurrences in its clause.
  func references(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let point = try DocumentPoint(params, server: self)
    let includeDeclaration = params["context"]?["includeDeclaration"]?.boolValue ?? false
    let index = point.analysis.index
    if let occurrence = index.occurrence(file: point.source.id, offset: point.offset) {
      let all = index.occurrences(of: occurrence.name).filter { includeDeclaration || $0.role != .declaration }
      return .array(all.compactMap { point.location($0.span) })
    }
    if let variable = index.variable(file: point.source.id, offset: point.offset) {
      return .array(variable.spans.compactMap { point.location($0) })
    }
    return []
  }
}
