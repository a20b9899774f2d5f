/// `:whynot goal.`: why a ground goal does not hold, rule by rule.
struct WhyNotCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "whynot",
    usage: ":whynot goal.",
    summary: "why a ground goal does not hold: the premise that fails",
    example: ":whynot addressed(crime_image).",
    documentation: "for a ground goal that does not hold: the premise that fails, rule by rule",
    extent: .clause)

  var tokens: [Token]

  init(parsing arguments: CommandArguments) throws(Diagnostic) { tokens = arguments.tokens }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    session.whyNot(tokens, in: context.file, line: context.line)
  }
}

extension Session {
  /// `:whynot goal.`: which premise fails, rule by rule, for a ground goal.
  fileprivate func whyNot(_ tokens: [Token], in file: SourceFile, line: Int) -> [Output] {
    let query: Query
    switch checkedQuery(tokens, in: file) {
    case .failure(let list): return [.diagnostics(list.diagnostics, line: line)]
    case .success(let q): query = q
    }
    guard query.body.count == 1, case .positive(let atom) = query.body[0],
      let values = atom.arguments.map({ term -> Value? in
        if case .constant(let c, _) = term { return c }
        return nil
      }) as [Value?]?, !values.contains(where: { $0 == nil })
    else {
      return [
        .diagnostics(
          [
            .error(
              .E517, ":whynot takes one ground goal, such as addressed(crime_image).",
              at: query.span, help: "replace variables with the values you expected")
          ],
          line: line)
      ]
    }
    let goal = values.compactMap { $0 }
    let report = makeExplainer().whyNot(
      atom.predicate, goal, goalText: file.text(of: atom.span), budget: budget)
    return [.whyNot(report)]
  }
}
