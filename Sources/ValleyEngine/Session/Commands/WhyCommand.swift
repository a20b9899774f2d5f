/// `:why goal.`: proof trees of a goal's answers, smallest first, with their sources.
struct WhyCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "why",
    usage: ":why goal.",
    summary: "proof trees of the answers, with their sources",
    example: ":why unaddressed_limit(F).",
    documentation:
      "a proof tree for each answer, with the rules and the sources of the facts ([explanations](explanations.md))",
    extent: .clause)

  var tokens: [Token]

  init(parsing arguments: CommandArguments) throws(Diagnostic) { tokens = arguments.tokens }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    session.why(tokens, in: context.file, line: context.line)
  }
}

extension Session {
  /// `:why goal.`: a proof tree for each answer (up to `why_answers`), smallest first.
  func why(_ tokens: [Token], in file: SourceFile, line: Int) -> [Output] {
    lastExplanation = nil
    let query: Query
    switch checkedQuery(tokens, in: file) {
    case .failure(let list): return [.diagnostics(list.diagnostics, line: line)]
    case .success(let q): query = q
    }
    let found: (bindings: [[UInt32]], total: Int)
    do throws(EvaluationError) {
      found = try Evaluator.bindings(
        query, store: &knowledge.model, pool: pool, budget: budget, limit: Int.max)
    } catch {
      return [
        .diagnostics(
          [
            RuntimeDiagnostics.diagnostic(
              for: error, program: knowledge.program, pool: pool, budget: budget, statement: query.span)
          ], line: line)
      ]
    }
    let explainer = makeExplainer()
    var answers: [(answer: Explanation.Answer, size: Int, key: [Value])] = []
    for bindings in found.bindings {
      let proofs = query.body.map {
        explainer.premise($0, names: query.variableNames, bindings, depth: 0)
      }
      let named = query.answerVariables.map {
        (name: query.variableNames[$0], value: ValueFormatter.source(pool[bindings[$0]]))
      }
      answers.append(
        (
          Explanation.Answer(bindings: named, proofs: proofs),
          proofs.reduce(0) { $0 + $1.size },
          query.answerVariables.map { pool[bindings[$0]] }
        ))
    }
    answers.sort { a, b in
      if a.size != b.size { return a.size < b.size }
      for (x, y) in zip(a.key, b.key) where x != y { return Value.sortsBefore(x, y) }
      return false
    }
    let shown = Array(answers.prefix(options.whyAnswers))
    let proofs: [ProofNode] = shown.flatMap { $0.answer.proofs }
    let explanation = Explanation(
      goal: file.text(of: query.span), answers: shown.map { $0.answer },
      omitted: answers.count - shown.count, rules: explainer.rulesUsed(proofs))
    lastExplanation = explanation
    return [
      .proofs(explanation)
    ]
  }
}
