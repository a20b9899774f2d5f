/// `:quit`: ends the session (end of input does too).
struct QuitCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "quit",
    aliases: ["q", "exit", "halt"],
    usage: ":quit",
    summary: "leave (end of input does too)",
    example: ":quit",
    documentation: "leave; end of input leaves as well")

  init(parsing arguments: CommandArguments) throws(Diagnostic) { try arguments.expectNone(":quit") }

  func run(in session: Session, _ context: CommandContext) -> [Output] { [.quit] }
}
