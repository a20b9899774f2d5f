import ValleyEngine

extension LanguageServer {
  /// `textDocument/completion`. Works on the text as typed, finished or not: after `:` at the
  /// start of a statement in a script, the commands; after `@`, the annotations; elsewhere
  /// the predicates (with arity and doc), the variables of the clause being written and,
  /// inside the arguments of a declared predicate, the column name of that argument.
  func completion(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let point = try DocumentPoint(params, server: self)
    let tokens = Lexer.tokenize(point.source).filter { !$0.isEnd && $0.span.start < point.offset }
    // The clause or statement being written starts after the last '.' before the cursor, or
    // in a script at the ':' of a command on the cursor's line (commands end at the line's end).
    var statementStart = (tokens.lastIndex { $0.isPunct(.period) }).map { $0 + 1 } ?? 0
    let line = point.source.lineIndex(of: point.offset)
    if point.uri.hasSuffix(".q"), let first = tokens.firstIndex(where: { $0.line == line }),
      tokens[first].isPunct(.colon), first >= statementStart
    {
      statementStart = first
    }
    let statement = Array(tokens[statementStart...])
    var items: [JSONValue] = []
    let last = statement.last
    // The tokens start before the cursor; the last one holds it when it ends at or after it.
    let lastTouchesCursor = last.map { $0.span.end >= point.offset } ?? false
    let atSign = last.map { $0.span.start < point.source.bytes.count && point.source.bytes[$0.span.start] == 0x40 }

    if let last, lastTouchesCursor, atSign == true {
      switch last.kind {
      case .annotation, .invalid:  // `@sou` or a lone `@`
        return Self.completionList(
          Self.annotationNames.map { Self.item($0, kind: 14, detail: "@\($0)", sort: "0") })
      default: break
      }
    }
    if point.uri.hasSuffix(".q"), let first = statement.first, first.isPunct(.colon),
      statement.count == 1 || (statement.count == 2 && lastTouchesCursor && last?.nameText != nil)
    {
      return Self.completionList(
        Commands.specs.map {
          Self.item($0.name, kind: 14, detail: $0.usage, documentation: $0.summary, sort: "0")
        })
    }
    if let (predicate, argument) = Self.enclosingAtom(statement),
      let number = point.analysis.catalog.number(of: predicate),
      let columns = point.analysis.catalog[number].columns, argument < columns.count
    {
      let column = columns[argument]
      let name = column.prefix(1).uppercased() + column.dropFirst()
      if Self.lexesAs(name, predicate: false) {
        items.append(
          Self.item(
            name, kind: 5, detail: "column \(argument + 1) of \(predicate)(\(columns.joined(separator: ", ")))",
            sort: "0"))
      }
    }
    var seen = Set<String>()
    for token in statement {
      guard case .variable(let name) = token.kind, name != "_", !(lastTouchesCursor && token.span == last?.span),
        seen.insert(name).inserted
      else { continue }
      items.append(Self.item(name, kind: 6, detail: "variable of this clause", sort: "1"))
    }
    let catalog = point.analysis.catalog
    for info in catalog.predicates.sorted(by: { $0.name < $1.name }) {
      items.append(
        Self.item(info.name, kind: 3, detail: "\(info.name)/\(info.arity)", documentation: info.doc, sort: "2"))
    }
    return Self.completionList(items)
  }

  private static let annotationNames = ["source", "note", "pred", "import"]

  /// The predicate whose argument list the statement ends inside, and which argument.
  static func enclosingAtom(_ statement: [Token]) -> (String, Int)? {
    var depth = 0
    var commas = 0
    for i in statement.indices.reversed() {
      let token = statement[i]
      if token.isPunct(.rightParen) || token.isPunct(.rightBrace) {
        depth += 1
      } else if token.isPunct(.leftParen) || token.isPunct(.leftBrace) {
        if depth == 0 {
          guard token.isPunct(.leftParen), i > 0, let name = statement[i - 1].nameText else { return nil }
          return (name, commas)
        }
        depth -= 1
      } else if token.isPunct(.comma), depth == 0 {
        commas += 1
      }
    }
    return nil
  }

  private static func item(
    _ label: String, kind: Int, detail: String, documentation: String? = nil, sort: String
  ) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("label", .string(label)), ("kind", .int(kind)), ("detail", .string(detail)),
      ("sortText", .string(sort + label)), ("insertText", .string(label)),
    ]
    if let documentation { members.append(("documentation", .string(documentation))) }
    return .object(members)
  }

  private static func completionList(_ items: [JSONValue]) -> JSONValue {
    ["isIncomplete": false, "items": .array(items)]
  }
}
