/// `:assumptions`: the assumptions in effect, numbered.
struct AssumptionsCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "assumptions",
    usage: ":assumptions",
    summary: "list the assumptions in effect, numbered",
    example: ":assumptions",
    documentation: "the assumptions in effect, numbered from 1")

  init(parsing arguments: CommandArguments) throws(Diagnostic) { try arguments.expectNone(":assumptions") }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    session.listAssumptions()
  }
}

extension Session {
  fileprivate func listAssumptions() -> [Output] {
    guard !assumptions.isEmpty else { return [.text("no assumptions")] }
    return [.text(assumptions.enumerated().map { "\($0.offset + 1). \($0.element.text)" }.joined(separator: "\n"))]
  }
}
