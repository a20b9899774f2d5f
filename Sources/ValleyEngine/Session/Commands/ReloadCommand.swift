/// `:reload`: reads every loaded file again, all or nothing.
struct ReloadCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "reload",
    usage: ":reload",
    summary: "read every loaded file again (all or nothing)",
    example: ":reload",
    documentation: "read every loaded file again, all or nothing")

  init(parsing arguments: CommandArguments) throws(Diagnostic) { try arguments.expectNone(":reload") }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    if let refused = session.refusingFiles(":reload", at: context.nameSpan, line: context.line) { return refused }
    return session.underAssumptions(line: context.line) { session.reloadAll(line: context.line) }
  }
}

extension Session {
  /// `:reload`: reads every loaded file again, all or nothing.
  fileprivate func reloadAll(line: Int) -> [Output] {
    let files = knowledge.units.dropFirst().compactMap { unit -> FileToLoad? in
      guard let canonical = unit.canonical, unit.name != KnowledgeBase.assumptionUnitName,
        !canonical.hasPrefix("import:")
      else { return nil }
      return FileToLoad(path: canonical, displayName: unit.name)
    }
    if files.isEmpty { return [.text("no files are loaded")] }
    return load(files, line: line, summary: .reload)
  }
}
