/// `:assume clause.` or `:assume not fact.`: a hypothetical change (what if).
struct AssumeCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "assume",
    usage: ":assume clause.  /  :assume not fact.",
    summary: "what if: add a clause, or hide a stored fact, hypothetically",
    example: ":assume addresses(amenity_plan, lack_of_lifestyle_amenities).",
    documentation:
      "what if: add a clause (`:assume clause.`) or hide a stored fact (`:assume not fact.`) hypothetically; changes made afterwards apply under the assumptions",
    extent: .clause)

  var tokens: [Token]

  init(parsing arguments: CommandArguments) throws(Diagnostic) { tokens = arguments.tokens }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    session.assume(tokens, in: context.file, line: context.line)
  }
}

extension Session {
  /// `:assume CLAUSE.` or `:assume not FACT.`: a hypothetical change over the knowledge base.
  fileprivate func assume(_ tokens: [Token], in file: SourceFile, line: Int) -> [Output] {
    let text = tokens.isEmpty ? "" : file.text(of: tokens[0].span.merged(with: tokens[tokens.count - 1].span))
    var clauseTokens = tokens
    let hiding = tokens.first.map { $0.isPunct(.negation) || $0.nameText == "not" } ?? false
    if hiding { clauseTokens.removeFirst() }
    let (parsed, syntaxErrors) = Parser.parseSingleClause(
      clauseTokens + [CommandContext.endToken(after: tokens, in: file)])
    guard let clause = parsed, !syntaxErrors.contains(where: { $0.severity == .error }) else {
      return [.diagnostics(syntaxErrors, line: line)]
    }
    let assumption: Assumption
    if hiding {
      var lowering = Lowering(catalog: knowledge.catalog)
      guard let predicate = lowering.resolve(clause.head) else {
        return [.diagnostics(lowering.diagnostics, line: line)]
      }
      guard clause.body.isEmpty, case .fact(_, let values)? = lowering.lower(clause, unit: 0, file: file)
      else {
        return [
          .diagnostics([.error(.E518, ":assume not takes a fact with constant arguments", at: clause.span)], line: line)
        ]
      }
      let ids = values.compactMap { pool.lookup($0) }
      guard ids.count == values.count, predicate < knowledge.base.relations.count,
        knowledge.base.relations[predicate].contains(ids)
      else {
        return [
          .diagnostics(
            [
              .error(
                .E519, "\(file.text(of: clause.head.span)) is not a stored fact, so it cannot be hidden",
                at: clause.head.span, help: "only stored facts can be assumed away; derived facts follow from them")
            ],
            line: line)
        ]
      }
      assumption = Assumption(text: text, change: .hide(predicate: predicate, ids: ids))
    } else {
      assumption = Assumption(text: text, change: .clause(clause, file))
    }
    let base = assumptionBase ?? knowledge
    var kb = knowledge
    let problems = apply(assumption, to: &kb)
    if problems.contains(where: { $0.severity == .error }) { return [.diagnostics(problems, line: line)] }
    assumptionBase = base
    knowledge = kb
    assumptions.append(assumption)
    var outputs: [Output] = problems.isEmpty ? [] : [.diagnostics(problems, line: line)]
    outputs.append(.text("assumption \(assumptions.count): \(text)  (:diff shows what changes)"))
    return outputs
  }
}
