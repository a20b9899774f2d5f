/// `:history`: what was typed at the prompt in this session.
struct HistoryCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "history",
    usage: ":history",
    summary: "the statements entered in this session",
    example: ":history",
    documentation: "what was typed at the prompt in this session")

  init(parsing arguments: CommandArguments) throws(Diagnostic) { try arguments.expectNone(":history") }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    let history = session.history
    if history.isEmpty { return [.text("no statements typed at the prompt yet")] }
    return [.text(history.enumerated().map { "\($0.offset + 1)  \($0.element)" }.joined(separator: "\n"))]
  }
}
