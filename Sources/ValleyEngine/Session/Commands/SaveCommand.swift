/// `:save "file.kb"`: writes the clauses asserted this session, atomically.
struct SaveCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "save",
    usage: ":save \"file.kb\"",
    summary: "write the clauses asserted this session to a file",
    example: ":save \"mine.kb\"",
    documentation:
      "write the clauses asserted this session; the file is replaced atomically (a failed write leaves the old file)")

  var path: String
  var span: SourceSpan

  init(parsing arguments: CommandArguments) throws(Diagnostic) {
    guard let token = arguments.single, let path = CommandArguments.word(token) else {
      throw .error(.E523, ":save needs one file name in quotes", at: arguments.span, help: "usage: :save \"mine.kb\"")
    }
    self.path = path
    span = token.span
  }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    if let refused = session.refusingFiles(":save", at: span, line: context.line) { return refused }
    return session.save(PathJoin.resolve(path, against: session.currentDirectory), span: span, line: context.line)
  }
}

extension Session {
  /// `:save "file"`: the clauses asserted this session, written atomically.
  fileprivate func save(_ path: String, span: SourceSpan, line: Int) -> [Output] {
    var lines = ["% Clauses asserted in a Valley session."]
    var count = 0
    let catalog = knowledge.catalog
    for p in 0..<min(catalog.count, knowledge.base.relations.count) {
      for (r, origin) in knowledge.origins[p].enumerated() where origin.unit == 0 {
        let values = knowledge.base.relations[p].row(r).map { ValueFormatter.source(pool[$0]) }
        lines.append(values.isEmpty ? "\(catalog[p].name)." : "\(catalog[p].name)(\(values.joined(separator: ", "))).")
        count += 1
      }
    }
    for rule in knowledge.rules where rule.unit == 0 {
      lines.append(rule.text)
      count += 1
    }
    switch loader.write(physical(path), contents: lines.joined(separator: "\n") + "\n") {
    case .success:
      return [.text("saved \(count) clause\(count == 1 ? "" : "s") to \(path)")]
    case .failure(let failure):
      return [
        .diagnostics(
          [
            .error(
              .E524, "cannot save to '\(path)': \(failure.writeReason); nothing was written", at: span,
              help: "choose a writable file; an existing file is left as it was")
          ],
          line: line)
      ]
    }
  }
}
