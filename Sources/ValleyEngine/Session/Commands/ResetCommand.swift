/// `:reset`: withdraws every assumption.
struct ResetCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "reset",
    usage: ":reset",
    summary: "withdraw every assumption",
    example: ":reset",
    documentation: "withdraw every assumption")

  init(parsing arguments: CommandArguments) throws(Diagnostic) { try arguments.expectNone(":reset") }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    session.resetAssumptions()
  }
}

extension Session {
  fileprivate func resetAssumptions() -> [Output] {
    guard let base = assumptionBase else { return [.text("no assumptions")] }
    let count = assumptions.count
    knowledge = base
    assumptions = []
    assumptionBase = nil
    return [.text("dropped \(count) assumption\(count == 1 ? "" : "s"); back to the knowledge base")]
  }
}
