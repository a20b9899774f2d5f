extension Session {
  func makeExplainer() -> Explainer {
    Explainer(
      program: knowledge.program, model: knowledge.model, provenance: knowledge.provenance,
      base: knowledge.base, origins: knowledge.origins, pool: pool, sources: sources,
      assumptionUnit: knowledge.units.firstIndex { $0.name == KnowledgeBase.assumptionUnitName },
      depthLimit: options.whyDepth)
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
}
