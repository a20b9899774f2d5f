extension Session {
  func makeExplainer() -> Explainer {
    Explainer(
      program: knowledge.program, model: knowledge.model, provenance: knowledge.provenance,
      base: knowledge.base, origins: knowledge.origins, pool: pool, sources: sources,
      assumptionUnit: knowledge.units.firstIndex { $0.name == KnowledgeBase.assumptionUnitName },
      depthLimit: options.whyDepth, budget: budget)
  }

  /// Parses, lowers and checks a goal given as command arguments.
  func checkedQuery(_ tokens: [Token], in file: SourceFile) -> Result<Query, DiagnosticList> {
    let (parsed, syntaxErrors) = Parser.parseQuery(CommandContext.clauseTokens(tokens, in: file))
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
  /// Why the query in `text` does not give the answer `row`: the query runs like a rule whose
  /// head is its answer variables, with `row` bound to them (one value per answer variable, in
  /// the order they first appear), and the report names the first premise that fails with the
  /// values found up to there. Exercises use it to explain one missing row of an answer.
  ///
  /// - Parameters:
  ///   - text: one query as typed (a leading `?-` and the final `.` are allowed), named `name`
  ///     in diagnostics.
  ///   - row: the answer that was expected.
  ///   - location: what the report calls the query (`your query`).
  /// - Returns: the report (`holds` when the query does give the row), or the diagnostics when
  ///   the text is not one runnable query or `row` has the wrong number of values.
  public func whyNotAnswer(_ text: String, row: [Value], name: String, location: String)
    -> Result<WhyNotReport, DiagnosticList>
  {
    let file = sources.add(name: name, text: text)
    var tokens = Lexer.tokenize(file).filter { !$0.isEnd }
    if tokens.first?.isPunct(.queryMark) == true { tokens.removeFirst() }
    if let last = tokens.last, !last.isPunct(.period) {
      tokens.append(
        Token(
          .punct(.period), span: SourceSpan(file: file.id, start: last.span.end, end: last.span.end), line: last.line))
    }
    let query: Query
    switch checkedQuery(tokens, in: file) {
    case .failure(let list): return .failure(list)
    case .success(let q): query = q
    }
    guard query.answerVariables.count == row.count else {
      let wrong = Diagnostic.error(
        .E517, "the query reports \(query.answerVariables.count) value(s), not \(row.count)", at: query.span,
        help: "give one value per variable of the query")
      return .failure(DiagnosticList([wrong]))
    }
    let shown = file.text(of: query.span)
    return .success(
      makeExplainer().whyNotAnswer(query, row: row, text: shown, location: location, budget: budget))
  }
}
