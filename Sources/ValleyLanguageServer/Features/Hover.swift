import ValleyEngine

extension LanguageServer {
  /// `textDocument/hover`: on a predicate name, its `name/arity`, columns, `@pred` doc and how
  /// many facts and rules define it; on a variable, how often it occurs in its clause; inside
  /// a clause, also the clause's `@source` and `@note`.
  func hover(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let point = try DocumentPoint(params, server: self)
    let index = point.analysis.index
    var parts: [String] = []
    var range: SourceSpan?
    if let occurrence = index.occurrence(file: point.source.id, offset: point.offset) {
      parts.append(Self.describePredicate(occurrence.name, in: point.analysis))
      range = occurrence.span
    } else if let variable = index.variable(file: point.source.id, offset: point.offset) {
      let count = variable.spans.count
      parts.append("variable `\(variable.name)`: \(count) occurrence\(count == 1 ? "" : "s") in this clause")
      range = variable.spans.first { $0.start <= point.offset && point.offset <= $0.end }
    }
    if let unit = index.unit(file: point.source.id, offset: point.offset), unit.head != nil {
      if let source = unit.source { parts.append("@source \(source)") }
      if let note = unit.note { parts.append("@note \(note)") }
    }
    guard !parts.isEmpty else { return .null }
    var members: [(String, JSONValue)] = [
      ("contents", ["kind": "markdown", "value": .string(parts.joined(separator: "\n\n"))])
    ]
    if let range { members.append(("range", point.source.range(of: range))) }
    return .object(members)
  }

  /// What hover shows about a predicate.
  static func describePredicate(_ name: String, in analysis: Analysis) -> String {
    let catalog = analysis.catalog
    guard let number = catalog.number(of: name) else {
      return "**\(name)**: no fact, rule or @pred defines it"
    }
    let info = catalog[number]
    var lines = ["**\(name)/\(info.arity)**"]
    if let columns = info.columns, !columns.isEmpty {
      lines[0] += " `\(name)(\(columns.joined(separator: ", ")))`"
    }
    if let doc = info.doc { lines.append(doc) }
    let counts = analysis.definitions[name] ?? .init(facts: 0, rules: 0)
    lines.append(
      "\(counts.facts) fact\(counts.facts == 1 ? "" : "s"), \(counts.rules) rule\(counts.rules == 1 ? "" : "s")")
    return lines.joined(separator: "\n\n")
  }
}
