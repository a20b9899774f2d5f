extension Session {
  func run(_ command: Command, nameSpan: SourceSpan, in file: SourceFile, line: Int) -> [Output] {
    switch command {
    case .quit:
      return [.quit]
    case .format(let format):
      self.format = format
      return [.text("answers now print as \(format.rawValue)")]
    case .load(let path, let span):
      let resolved = PathJoin.resolve(path, against: currentDirectory)
      return underAssumptions(line: line) {
        load([FileToLoad(path: resolved, displayName: resolved, span: span)], line: line, summary: .perFile)
      }
    case .assert(let tokens):
      return underAssumptions(line: line) { assertClause(tokens, in: file, line: line) }
    case .retract(let tokens):
      return underAssumptions(line: line) { retractFact(tokens, in: file, line: line) }
    case .importTable(let predicate, let path, let span):
      let resolved = PathJoin.resolve(path, against: currentDirectory)
      return underAssumptions(line: line) { importTable(predicate, path: resolved, span: span, line: line) }
    case .describe(let name, let span):
      return describe(name, span: span, line: line)
    case .apropos(let word):
      return [.text(apropos(word))]
    case .reload:
      return underAssumptions(line: line) { reloadAll(line: line) }
    case .save(let path, let span):
      return save(PathJoin.resolve(path, against: currentDirectory), span: span, line: line)
    case .history:
      return [.text(history.isEmpty ? "no statements typed at the prompt yet" : history.enumerated().map {
        "\($0.offset + 1)  \($0.element)"
      }.joined(separator: "\n"))]
    case .graph(let kind, let arguments, let path, let span):
      return graph(kind, arguments, path: PathJoin.resolve(path, against: currentDirectory), span: span, in: file, line: line)
    case .assume(let tokens):
      return assume(tokens, in: file, line: line)
    case .assumptions:
      return listAssumptions()
    case .drop(let number, let span):
      return drop(number, span: span, line: line)
    case .reset:
      return resetAssumptions()
    case .diff:
      return diff()
    case .why(let tokens):
      return why(tokens, in: file, line: line)
    case .whynot(let tokens):
      return whyNot(tokens, in: file, line: line)
    case .list(let name, let span):
      return list(name, span: span, line: line)
    case .preds:
      return [.text(predicateTable())]
    case .help(let topic):
      return help(topic, line: line, span: nameSpan)
    case .set(let name, let value, let span):
      return set(name, value, span: span, line: line)
    }
  }

  /// Runs a change to the knowledge (:load, :assert, :retract) on the knowledge without
  /// assumptions, then applies the assumptions again, so they stay hypothetical.
  private func underAssumptions(line: Int, _ change: () -> [Output]) -> [Output] {
    guard let base = assumptionBase else { return change() }
    let effective = knowledge
    knowledge = base
    let outputs = change()
    if outputs.contains(where: \.isError) {
      knowledge = effective
      return outputs
    }
    assumptionBase = knowledge
    let problems = rebuildAssumptions(line: line)
    if !problems.isEmpty {
      assumptionBase = base
      knowledge = effective
      return problems
    }
    return outputs
  }

  // MARK: :set

  private func set(_ name: String?, _ value: String?, span: SourceSpan?, line: Int) -> [Output] {
    guard let name, let value else {
      return [
        .text(
          """
          max_facts \(budget.maximumDerivedFacts)
          timeout \(formatSeconds(budget.timeLimit))
          why_depth \(options.whyDepth)
          why_answers \(options.whyAnswers)
          provenance \(knowledge.recordsProvenance ? "on" : "off")
          timing \(options.timing ? "on" : "off")
          """)
      ]
    }
    switch name {
    case "max_facts":
      guard let n = Int(value), n > 0, n <= EvaluationBudget.largestFactCap else {
        return [badSetting(name, span, line, "a whole number from 1 to \(EvaluationBudget.largestFactCap)")]
      }
      budget.maximumDerivedFacts = n
    case "timeout":
      guard let s = Double(value), s >= 0, s.isFinite else {
        return [badSetting(name, span, line, "a number of seconds (0 for no limit)")]
      }
      budget.timeLimit = s
    case "why_depth", "why_answers":
      guard let n = Int(value), n > 0, n <= 1_000 else {
        return [badSetting(name, span, line, "a whole number from 1 to 1000")]
      }
      if name == "why_depth" { options.whyDepth = n } else { options.whyAnswers = n }
    case "provenance":
      guard value == "on" || value == "off" else { return [badSetting(name, span, line, "on or off")] }
      var kb = knowledge
      kb.recordsProvenance = value == "on"
      let problems = kb.evaluate(pool: pool, budget: budget)
      if !problems.isEmpty { return [.diagnostics(problems, line: line)] }
      knowledge = kb
    case "timing":
      guard value == "on" || value == "off" else { return [badSetting(name, span, line, "on or off")] }
      options.timing = value == "on"
    default:
      let options = ["max_facts", "timeout", "why_depth", "why_answers", "provenance", "timing"]
      let suggestion = Suggestions.closest(to: name, among: options)
      return [
        .diagnostics(
          [.error("E512", "unknown option '\(name)'", at: span,
                  help: suggestion.map { "did you mean '\($0)'?" }
                    ?? "the options are " + options.joined(separator: ", "))],
          line: line)
      ]
    }
    return [.text("\(name) \(value)")]
  }

  private func badSetting(_ name: String, _ span: SourceSpan?, _ line: Int, _ expected: String) -> Output {
    .diagnostics([.error("E513", "\(name) takes \(expected)", at: span)], line: line)
  }

  private func formatSeconds(_ s: Double) -> String {
    s == s.rounded() && s < 1e15 ? String(Int64(s)) : String(s)
  }

  // MARK: :list and :preds

  private func list(_ name: String?, span: SourceSpan?, line: Int) -> [Output] {
    let catalog = knowledge.catalog
    var predicates = Array(0..<catalog.count)
    if let name {
      guard let p = catalog.number(of: name) else { return [unknownPredicate(name, at: span, line: line)] }
      predicates = [p]
    }
    var lines: [String] = []
    for p in predicates {
      let info = catalog[p]
      let facts = p < knowledge.base.relations.count ? knowledge.base.relations[p].count : 0
      let rules = knowledge.rules.filter { $0.head.predicate == p }
      if name == nil && facts == 0 && rules.isEmpty { continue }
      if !lines.isEmpty { lines.append("") }
      lines.append(declarationLine(p))
      var lastSource: String?? = .none
      func sourceLine(_ source: String?) {
        if case .some(let previous) = lastSource, previous == source { return }
        lastSource = .some(source)
        lines.append(source.map { "@source " + ValueFormatter.quoted($0) } ?? "% (no @source)")
      }
      for r in 0..<facts {
        let origin = knowledge.origins[p][r]
        sourceLine(origin.source)
        if let note = origin.note { lines.append("@note " + ValueFormatter.quoted(note)) }
        let values = knowledge.base.relations[p].row(r).map { ValueFormatter.source(pool[$0]) }
        lines.append(values.isEmpty ? "\(info.name)." : "\(info.name)(\(values.joined(separator: ", "))).")
      }
      for rule in rules {
        sourceLine(rule.source)
        if let note = rule.note { lines.append("@note " + ValueFormatter.quoted(note)) }
        lines.append(rule.text)
      }
    }
    return [.text(lines.isEmpty ? "no clauses" : lines.joined(separator: "\n"))]
  }

  /// E202 for a predicate named in a command, with a did-you-mean.
  func unknownPredicate(_ name: String, at span: SourceSpan?, line: Int) -> Output {
    let suggestion = Suggestions.closest(to: name, among: knowledge.catalog.names)
    return .diagnostics(
      [.error("E202", "unknown predicate '\(name)'", at: span,
              help: suggestion.map { "did you mean '\($0)'?" } ?? "type :preds to list the predicates")],
      line: line)
  }

  func declarationLine(_ p: Int) -> String {
    let info = knowledge.catalog[p]
    let columns = (0..<info.arity).map { knowledge.catalog.columnName(p, $0) }
    let head = columns.isEmpty ? info.name : "\(info.name)(\(columns.joined(separator: ", ")))"
    return "@pred \(head)" + (info.doc.map { " " + ValueFormatter.quoted($0) } ?? "")
  }

  func predicateTable() -> String {
    let catalog = knowledge.catalog
    let order = (0..<catalog.count).sorted {
      catalog[$0].name.utf8.lexicographicallyPrecedes(catalog[$1].name.utf8)
    }
    var rows: [[String]] = []
    for p in order {
      let info = catalog[p]
      let facts = p < knowledge.model.relations.count ? knowledge.model.relations[p].count : 0
      rows.append(["\(info.name)/\(info.arity)", String(facts), TextTable.cut(info.doc ?? "", to: 64)])
    }
    if rows.isEmpty { return "no predicates" }
    return TextTable.render(header: ["predicate", "facts", "doc"], rows: rows, rightAligned: [1])
  }
}
