extension Session {
  /// E202 for a predicate named in a command, with a did-you-mean.
  func unknownPredicate(_ name: String, at span: SourceSpan?, line: Int) -> Output {
    let suggestion = Suggestions.closest(to: name, among: knowledge.catalog.names)
    return .diagnostics(
      [
        .error(
          .E202, "unknown predicate '\(name)'", at: span,
          help: suggestion.map { "did you mean '\($0)'?" } ?? "type :preds to list the predicates")
      ],
      line: line)
  }

  func declarationLine(_ p: Int) -> String {
    let info = knowledge.catalog[p]
    let columns = (0..<info.arity).map { knowledge.catalog.columnName(p, $0) }
    let head = columns.isEmpty ? info.name : "\(info.name)(\(columns.joined(separator: ", ")))"
    return "@pred \(head)" + (info.doc.map { " " + ValueFormatter.quoted($0) } ?? "")
  }
}
