/// `:apropos word`: predicates whose name, doc or sources mention a word.
struct AproposCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "apropos",
    usage: ":apropos word",
    summary: "search predicate names, docs and sources",
    example: ":apropos amenit",
    documentation: "predicates whose name, doc or sources mention the word (ignoring case)")

  var word: String

  init(parsing arguments: CommandArguments) throws(Diagnostic) {
    let words = arguments.tokens.compactMap(CommandArguments.word)
    guard !words.isEmpty, words.count == arguments.tokens.count else {
      throw .error(.E522, ":apropos needs a word to search for", at: arguments.span, help: "usage: :apropos amenity")
    }
    word = words.joined(separator: " ")
  }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    [.predicates(session.apropos(word))]
  }
}

extension Session {
  /// `:apropos word`: predicates whose name, doc or sources mention `word` (ignoring case).
  fileprivate func apropos(_ word: String) -> PredicateListing {
    let needle = word.lowercased()
    let catalog = knowledge.catalog
    var entries: [PredicateListing.Entry] = []
    let order = (0..<catalog.count).sorted {
      catalog[$0].name.utf8.lexicographicallyPrecedes(catalog[$1].name.utf8)
    }
    for p in order {
      let info = catalog[p]
      var places: [String] = []
      if info.name.lowercased().contains(needle) { places.append("name") }
      if let doc = info.doc, doc.lowercased().contains(needle) { places.append("doc") }
      let inSources =
        (p < knowledge.origins.count
          && knowledge.origins[p].contains { $0.source?.lowercased().contains(needle) ?? false })
        || knowledge.rules.contains { $0.head.predicate == p && ($0.source?.lowercased().contains(needle) ?? false) }
      if inSources { places.append("source") }
      if !places.isEmpty {
        entries.append(PredicateListing.Entry(name: info.name, arity: info.arity, foundIn: places, doc: info.doc))
      }
    }
    return PredicateListing(search: word, entries: entries)
  }
}
