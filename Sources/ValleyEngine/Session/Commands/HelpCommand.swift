/// `:help [topic]`: the list of commands, help on one command, the language or a predicate.
struct HelpCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "help",
    usage: ":help [topic]",
    summary: "help on commands, the language, or a predicate",
    example: ":help factor",
    documentation: "the command list; `:help language`; `:help COMMAND`; `:help PREDICATE` (declaration, doc, counts)")

  var topic: String?

  init(parsing arguments: CommandArguments) throws(Diagnostic) {
    if arguments.tokens.isEmpty { return }
    var topic = arguments.tokens.map { token -> String in
      if case .punct(let p) = token.kind { return p.rawValue }
      return CommandArguments.word(token) ?? ""
    }.joined()
    if topic.hasPrefix(":") { topic.removeFirst() }
    self.topic = topic
  }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    session.help(topic, line: context.line, span: context.nameSpan)
  }
}

extension Session {
  fileprivate func help(_ topic: String?, line: Int, span: SourceSpan) -> [Output] {
    guard let topic, !topic.isEmpty, topic != "commands" else { return [.text(commandHelp())] }
    if topic == "language" || topic == "syntax" { return [.text(Self.languageHelp)] }
    if let entry = Commands.specs.first(where: { $0.name == topic }) {
      return [.text("\(entry.usage)\n  \(entry.summary)\n  example: \(entry.example)")]
    }
    if let p = knowledge.catalog.number(of: topic) {
      let info = knowledge.catalog[p]
      let stored = p < knowledge.base.relations.count ? knowledge.base.relations[p].count : 0
      let total = p < knowledge.model.relations.count ? knowledge.model.relations[p].count : 0
      let rules = knowledge.rules.filter { $0.head.predicate == p }.count
      var lines = [declarationLine(p)]
      lines.append(
        "  \(stored) stored fact\(stored == 1 ? "" : "s"), \(total - stored) derived, \(rules) rule\(rules == 1 ? "" : "s")"
      )
      lines.append("  :list \(info.name) shows its clauses with their sources")
      return [.text(lines.joined(separator: "\n"))]
    }
    let candidates = Commands.specs.map(\.name) + knowledge.catalog.names + ["language", "commands"]
    let suggestion = Suggestions.closest(to: topic, among: candidates)
    return [
      .diagnostics(
        [
          .error(
            .E514, "no help on '\(topic)'", at: span,
            help: suggestion.map { "did you mean '\($0)'?" } ?? "try :help, :help language or :help PREDICATE")
        ],
        line: line)
    ]
  }

  fileprivate func commandHelp() -> String {
    var lines = ["Type a query ending in '.', e.g.  factor(F, limiting).", "Commands:"]
    let rows = Commands.specs.map { ["  " + $0.usage, $0.summary] }
    lines.append(TextTable.render(header: nil, rows: rows, rightAligned: []))
    lines.append("More: :help language, :help COMMAND, :help PREDICATE")
    return lines.joined(separator: "\n")
  }

  static let languageHelp = """
    Facts      established(gtp, 1998).   lacks(ansan, "lifestyle amenities").
    Rules      older(A, B) :- established(A, Y1), established(B, Y2), Y1 < Y2.
    Queries    established(gtp, Y), Y < 2000.      (a leading ?- is optional)
    Variables  start with an upper-case letter or _ ; _ alone means any value.
    Negation   not p(X)   (also \\+ p(X)); must be stratified.
    Compare    =  !=  <  <=  >  >=   (numbers numerically; numbers before symbols)
    Arithmetic X = Y * 2 + 1   with + - * / mod; integers are 64-bit, overflow is an error.
    Aggregates N = count { F : factor(F, limiting) }   also sum, min, max.
    Comments   % to end of line, /* ... */
    """
}
