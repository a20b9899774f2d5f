/// `:load "file.kb"`: loads (or reloads) a knowledge file, all or nothing.
struct LoadCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "load",
    usage: ":load \"file.kb\"",
    summary: "load a knowledge file (path relative to the script)",
    example: ":load \"extra.kb\"",
    documentation:
      "load a knowledge file; a relative path is resolved against the folder of the script that names it (at the prompt: the current folder). Loading a file that is already loaded **reloads** it: its previous clauses and declarations are replaced, so nothing is duplicated."
  )

  var path: String
  var span: SourceSpan

  init(parsing arguments: CommandArguments) throws(Diagnostic) {
    guard let token = arguments.single, let path = CommandArguments.word(token) else {
      throw .error(.E503, ":load needs one file name in quotes", at: arguments.span, help: "usage: :load \"file.kb\"")
    }
    self.path = path
    span = token.span
  }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    if let refused = session.refusingFiles(":load", at: span, line: context.line) { return refused }
    let resolved = PathJoin.resolve(path, against: session.currentDirectory)
    return session.underAssumptions(line: context.line) {
      session.load(
        [Session.FileToLoad(path: resolved, displayName: resolved, span: span)], line: context.line, summary: .perFile)
    }
  }
}
