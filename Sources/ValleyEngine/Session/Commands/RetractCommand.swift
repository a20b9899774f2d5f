/// `:retract fact.`: removes a stored fact for this session.
struct RetractCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "retract",
    usage: ":retract fact.",
    summary: "remove a stored fact for this session",
    example: ":retract lacks(ansan, parks).",
    documentation:
      "remove a stored fact for this session (from a file or from `:assert`). Retracting a fact that is not stored is an error (`E510`); a fact that only rules derive cannot be retracted (`E509`).",
    extent: .clause)

  var tokens: [Token]

  init(parsing arguments: CommandArguments) throws(Diagnostic) { tokens = arguments.tokens }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    session.underAssumptions(line: context.line) { session.retractFact(tokens, in: context.file, line: context.line) }
  }
}

extension Session {
  fileprivate func retractFact(_ tokens: [Token], in file: SourceFile, line: Int) -> [Output] {
    let (parsed, syntaxErrors) = Parser.parseSingleClause(CommandContext.clauseTokens(tokens, in: file))
    guard let clause = parsed, !syntaxErrors.contains(where: { $0.severity == .error }) else {
      return [.diagnostics(syntaxErrors, line: line)]
    }
    var lowering = Lowering(catalog: knowledge.catalog)
    guard let predicate = lowering.resolve(clause.head) else {
      return [.diagnostics(lowering.diagnostics, line: line)]
    }
    guard clause.body.isEmpty,
      case .fact(_, let values)? = lowering.lower(clause, unit: 0, file: file)
    else {
      return [
        .diagnostics(
          [
            .error(
              .E508, ":retract takes a fact with constant arguments", at: clause.span,
              help: "rules cannot be retracted one by one; reload their file instead")
          ],
          line: line)
      ]
    }
    let ids = values.compactMap { pool.lookup($0) }
    var kb = knowledge
    guard ids.count == values.count, kb.unstore(predicate, ids) else {
      let derived =
        ids.count == values.count && predicate < kb.model.relations.count
        && kb.model.relations[predicate].contains(ids)
      return [
        .diagnostics(
          [
            derived
              ? .error(
                .E509, "\(file.text(of: clause.head.span)) is derived by rules, not stored",
                at: clause.head.span, help: "retract the stored facts it is derived from")
              : .error(
                .E510, "\(file.text(of: clause.head.span)) is not a stored fact",
                at: clause.head.span, help: "check the spelling with :list \(clause.head.name)")
          ],
          line: line)
      ]
    }
    let diagnostics = kb.shrink(removing: [(predicate, ids)], pool: pool, budget: budget)
    if !diagnostics.isEmpty { return [.diagnostics(diagnostics, line: line)] }
    knowledge = kb
    return [.text("retracted 1 fact")]
  }
}
