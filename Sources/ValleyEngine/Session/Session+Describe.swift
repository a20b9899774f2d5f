extension Session {
  /// `:describe pred`: doc, columns, counts, rules, sources and what depends on it.
  func describe(_ name: String, span: SourceSpan, line: Int) -> [Output] {
    let catalog = knowledge.catalog
    guard let p = catalog.number(of: name) else { return [unknownPredicate(name, at: span, line: line)] }
    let info = catalog[p]
    let stored = p < knowledge.base.relations.count ? knowledge.base.relations[p].count : 0
    let total = p < knowledge.model.relations.count ? knowledge.model.relations[p].count : 0
    let rules = knowledge.rules.filter { $0.head.predicate == p }
    var lines = [declarationLine(p)]
    if let at = info.declaredAt, let file = sources.file(at.file) {
      lines.append("  declared at \(file.name):\(file.location(of: at.start).line)")
    }
    lines.append("  \(stored) stored fact\(stored == 1 ? "" : "s"), \(total - stored) derived")
    if !rules.isEmpty {
      lines.append("  rules:")
      for rule in rules {
        let location = sources.file(rule.span.file).map { "\($0.name):\($0.location(of: rule.span.start).line)" } ?? "?"
        lines.append("    \(location)  \(rule.text)")
      }
    }
    var factSources: [String] = []
    if p < knowledge.origins.count {
      for origin in knowledge.origins[p] {
        if let s = origin.source, !factSources.contains(s) { factSources.append(s) }
      }
    }
    for rule in rules {
      if let s = rule.source, !factSources.contains(s) { factSources.append(s) }
    }
    if !factSources.isEmpty {
      lines.append("  sources:")
      lines += factSources.map { "    " + $0 }
    }
    let uses = Set(knowledge.rules.filter { rule in rule.body.contains { mentions($0, p) } }.map(\.head.predicate))
    if !uses.isEmpty {
      let names = uses.map { catalog[$0].name }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      lines.append("  used by: " + names.joined(separator: ", "))
    }
    return [.text(lines.joined(separator: "\n"))]
  }

  private func mentions(_ literal: Literal, _ p: Int) -> Bool {
    switch literal {
    case .positive(let a), .negative(let a): return a.predicate == p
    case .comparison: return false
    case .aggregate(let agg): return agg.body.contains { mentions($0, p) }
    }
  }

  /// `:apropos word`: predicates whose name, doc or sources mention `word` (ignoring case).
  func apropos(_ word: String) -> String {
    let needle = word.lowercased()
    let catalog = knowledge.catalog
    var rows: [[String]] = []
    let order = (0..<catalog.count).sorted {
      catalog[$0].name.utf8.lexicographicallyPrecedes(catalog[$1].name.utf8)
    }
    for p in order {
      let info = catalog[p]
      var places: [String] = []
      if info.name.lowercased().contains(needle) { places.append("name") }
      if let doc = info.doc, doc.lowercased().contains(needle) { places.append("doc") }
      let inSources =
        (p < knowledge.origins.count && knowledge.origins[p].contains { $0.source?.lowercased().contains(needle) ?? false })
        || knowledge.rules.contains { $0.head.predicate == p && ($0.source?.lowercased().contains(needle) ?? false) }
      if inSources { places.append("source") }
      if !places.isEmpty {
        rows.append(["\(info.name)/\(info.arity)", places.joined(separator: ","), TextTable.cut(info.doc ?? "", to: 60)])
      }
    }
    if rows.isEmpty { return "nothing mentions '\(word)'" }
    return TextTable.render(header: ["predicate", "found in", "doc"], rows: rows, rightAligned: [])
  }

  /// `:reload`: reads every loaded file again, all or nothing.
  func reloadAll(line: Int) -> [Output] {
    let files = knowledge.units.dropFirst().compactMap { unit -> FileToLoad? in
      guard let canonical = unit.canonical, unit.name != KnowledgeBase.assumptionUnitName,
        !canonical.hasPrefix("import:")
      else { return nil }
      return FileToLoad(path: canonical, displayName: unit.name)
    }
    if files.isEmpty { return [.text("no files are loaded")] }
    return load(files, line: line, summary: .reload)
  }

  /// `:save "file"`: the clauses asserted this session, written atomically.
  func save(_ path: String, span: SourceSpan, line: Int) -> [Output] {
    var lines = ["% Clauses asserted in a Valley session."]
    var count = 0
    let catalog = knowledge.catalog
    for p in 0..<min(catalog.count, knowledge.base.relations.count) {
      for (r, origin) in knowledge.origins[p].enumerated() where origin.unit == 0 {
        let values = knowledge.base.relations[p].row(r).map { ValueFormatter.source(pool[$0]) }
        lines.append(values.isEmpty ? "\(catalog[p].name)." : "\(catalog[p].name)(\(values.joined(separator: ", "))).")
        count += 1
      }
    }
    for rule in knowledge.rules where rule.unit == 0 {
      lines.append(rule.text)
      count += 1
    }
    switch loader.write(physical(path), contents: lines.joined(separator: "\n") + "\n") {
    case .success:
      return [.text("saved \(count) clause\(count == 1 ? "" : "s") to \(path)")]
    case .failure(let failure):
      return [
        .diagnostics(
          [.error("E524", "cannot save to '\(path)': \(failure.writeReason); nothing was written", at: span,
                  help: "choose a writable file; an existing file is left as it was")],
          line: line)
      ]
    }
  }
}
