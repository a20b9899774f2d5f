extension Session {
  /// `:why goal.`: a proof tree for each answer (up to `why_answers`), smallest first.
  func why(_ tokens: [Token], in file: SourceFile, line: Int) -> [Output] {
    lastExplanation = nil
    let query: Query
    switch checkedQuery(tokens, in: file) {
    case .failure(let list): return [.diagnostics(list.diagnostics, line: line)]
    case .success(let q): query = q
    }
    guard knowledge.recordsProvenance else {
      return [
        .diagnostics(
          [.error("E516", "explanations need provenance, which is off", at: query.span,
                  help: "turn it on with :set provenance on")], line: line)
      ]
    }
    let found: (bindings: [[UInt32]], total: Int)
    do throws(EvaluationError) {
      found = try Evaluator.bindings(
        query, store: &knowledge.model, pool: pool, budget: budget, limit: Int.max)
    } catch {
      return [.diagnostics([RuntimeDiagnostics.diagnostic(
        for: error, program: knowledge.program, pool: pool, budget: budget, statement: query.span)], line: line)]
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
        (Explanation.Answer(bindings: named, proofs: proofs),
         proofs.reduce(0) { $0 + $1.size },
         query.answerVariables.map { pool[bindings[$0]] }))
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

  func makeExplainer() -> Explainer {
    Explainer(
      program: knowledge.program, model: knowledge.model, provenance: knowledge.provenance,
      base: knowledge.base, origins: knowledge.origins, pool: pool, sources: sources,
      assumptionUnit: knowledge.units.firstIndex { $0.name == KnowledgeBase.assumptionUnitName },
      depthLimit: options.whyDepth)
  }

  /// Parses, lowers and checks a goal given as command arguments.
  func checkedQuery(_ tokens: [Token], in file: SourceFile) -> Result<Query, DiagnosticList> {
    let end = tokens.last?.span.end ?? 0
    let endToken = Token(.end, span: SourceSpan(file: file.id, start: end, end: end), line: tokens.last?.line ?? 0)
    let (parsed, syntaxErrors) = Parser.parseQuery(tokens + [endToken])
    guard let parsed, !syntaxErrors.contains(where: { $0.severity == .error }) else {
      return .failure(DiagnosticList(syntaxErrors))
    }
    var lowering = Lowering(catalog: knowledge.catalog)
    guard let query = lowering.lower(parsed) else {
      return .failure(DiagnosticList(lowering.diagnostics))
    }
    let unsafe = SafetyChecker.check(query)
    if !unsafe.isEmpty { return .failure(DiagnosticList(unsafe)) }
    return .success(query)
  }
}

extension Session {
  /// `:whynot goal.`: which premise fails, rule by rule, for a ground goal.
  func whyNot(_ tokens: [Token], in file: SourceFile, line: Int) -> [Output] {
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
          [.error("E517", ":whynot takes one ground goal, such as addressed(crime_image).",
                  at: query.span, help: "replace variables with the values you expected")],
          line: line)
      ]
    }
    let goal = values.compactMap { $0 }
    let report = makeExplainer().whyNot(
      atom.predicate, goal, goalText: file.text(of: atom.span), budget: budget)
    return [.whyNot(report)]
  }
}
