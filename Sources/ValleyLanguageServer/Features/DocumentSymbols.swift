import ValleyEngine

extension LanguageServer {
  /// `textDocument/documentSymbol`: the outline. A knowledge file lists its predicates in
  /// order of first appearance, each with its `@pred` declaration and clauses; a script
  /// lists its statements.
  func documentSymbols(_ params: JSONValue) throws(ResponseError) -> JSONValue {
    let (uri, analysis, source) = try DocumentPoint.document(params, server: self)
    if let script = analysis.script(uri: uri) {
      return .array(
        script.analysis.statements.map { statement in
          let span = statement.span
          let isCommand: Bool = if case .command = statement { true } else { false }
          return Self.symbol(
            Self.shortText(source.text(of: span)), kind: isCommand ? 24 : 21, span: span, selection: span,
            in: source)
        })
    }
    guard let file = analysis.knowledgeFile(source.id) else { return [] }
    var order: [String] = []
    var members: [String: [(SourceSpan, SourceSpan, String, Int)]] = [:]
    func add(_ name: String, _ span: SourceSpan, _ selection: SourceSpan, _ label: String, _ kind: Int) {
      if members[name] == nil { order.append(name) }
      members[name, default: []].append((span, selection, label, kind))
    }
    for declaration in file.syntax.declarations {
      add(declaration.name, declaration.span, declaration.nameSpan, "@pred " + declaration.name, 11)
    }
    for request in file.syntax.imports {
      add(request.predicate, request.span, request.predicateSpan, "@import " + request.predicate, 17)
    }
    for clause in file.syntax.clauses {
      add(
        clause.head.name, clause.span, clause.head.nameSpan, Self.shortText(source.text(of: clause.span)),
        clause.body.isEmpty ? 14 : 6)
    }
    let catalog = analysis.catalog
    return .array(
      order.compactMap { name -> JSONValue? in
        guard let list = members[name]?.sorted(by: { $0.0.start < $1.0.start }), let first = list.first else {
          return nil
        }
        let whole = list.dropFirst().reduce(first.0) { $0.merged(with: $1.0) }
        let arity = catalog.number(of: name).map { "/\(catalog[$0].arity)" } ?? ""
        var symbol = Self.symbol(name + arity, kind: 12, span: whole, selection: first.1, in: source)
        if case .object(var fields) = symbol {
          fields.append(
            ("children", .array(list.map { Self.symbol($0.2, kind: $0.3, span: $0.0, selection: $0.1, in: source) })))
          symbol = .object(fields)
        }
        return symbol
      })
  }

  private static func symbol(_ name: String, kind: Int, span: SourceSpan, selection: SourceSpan, in source: SourceFile)
    -> JSONValue
  {
    [
      "name": .string(name), "kind": .int(kind), "range": source.range(of: span),
      "selectionRange": source.range(of: selection),
    ]
  }

  /// A clause or statement on one line, shortened to 80 characters.
  static func shortText(_ text: String) -> String {
    let oneLine = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).map {
      $0.trimmingBlanks
    }.joined(separator: " ")
    return oneLine.count > 80 ? String(oneLine.prefix(79)) + "…" : oneLine
  }
}
