/// `:assert clause.`: adds a fact or a rule for this session.
struct AssertCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "assert",
    usage: ":assert clause.",
    summary: "add a fact or rule for this session",
    example: ":assert lacks(ansan, parks).",
    documentation: "add a fact or a rule for this session",
    extent: .clause)

  var tokens: [Token]

  init(parsing arguments: CommandArguments) throws(Diagnostic) { tokens = arguments.tokens }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    session.underAssumptions(line: context.line) { session.assertClause(tokens, in: context.file, line: context.line) }
  }
}

extension Session {
  fileprivate func assertClause(_ tokens: [Token], in file: SourceFile, line: Int) -> [Output] {
    let (parsed, syntaxErrors) = Parser.parseSingleClause(CommandContext.clauseTokens(tokens, in: file))
    guard let clause = parsed, !syntaxErrors.contains(where: { $0.severity == .error }) else {
      return [.diagnostics(syntaxErrors, line: line)]
    }
    var kb = knowledge
    let before = (kb.base.totalCount, kb.rules.count)
    let (_, diagnostics) = kb.add([(file, [clause], Syntax.CompactFacts(), [], 0)], pool: pool, budget: budget)
    if diagnostics.contains(where: { $0.severity == .error }) {
      return [.diagnostics(diagnostics, line: line)]
    }
    knowledge = kb
    var outputs: [Output] = diagnostics.isEmpty ? [] : [.diagnostics(diagnostics, line: line)]
    if kb.rules.count > before.1 {
      outputs.append(.text("asserted 1 rule"))
    } else if kb.base.totalCount > before.0 {
      outputs.append(.text("asserted 1 fact"))
    } else {
      outputs.append(.text("already known: nothing changed"))
    }
    return outputs
  }
}
