/// `:drop N`: withdraws one assumption.
struct DropCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "drop",
    usage: ":drop N",
    summary: "withdraw assumption N",
    example: ":drop 1",
    documentation: "withdraw assumption `N` (see `:assumptions`)")

  var number: Int?
  var span: SourceSpan

  init(parsing arguments: CommandArguments) throws(Diagnostic) {
    guard let token = arguments.single, case .integer(let n) = token.kind else {
      throw .error(
        .E520, ":drop needs the number of an assumption", at: arguments.span,
        help: "usage: :drop 1 (see :assumptions)")
    }
    number = n <= UInt64(Int.max) ? Int(n) : nil
    span = token.span
  }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    session.drop(number, span: span, line: context.line)
  }
}

extension Session {
  fileprivate func drop(_ number: Int?, span: SourceSpan?, line: Int) -> [Output] {
    guard let number, number >= 1, number <= assumptions.count else {
      return [
        .diagnostics(
          [
            .error(
              .E520, "there is no assumption \(number.map(String.init) ?? "")", at: span,
              help: assumptions.isEmpty ? "there are no assumptions" : ":assumptions lists them, numbered from 1")
          ],
          line: line)
      ]
    }
    let dropped = assumptions.remove(at: number - 1)
    let problems = rebuildAssumptions(line: line)
    if !problems.isEmpty {
      assumptions.insert(dropped, at: number - 1)
      return problems
    }
    return [.text("dropped assumption \(number): \(dropped.text)")]
  }
}
