/// A command typed after `:`.
public enum Command: Sendable {
  case help(topic: String?)
  case load(path: String, span: SourceSpan)
  case assert([Token])
  case retract([Token])
  case list(predicate: String?, span: SourceSpan?)
  case preds
  case why([Token])
  case whynot([Token])
  case format(OutputFormat)
  case set(name: String?, value: String?, span: SourceSpan?)
  case importTable(predicate: String, path: String, span: SourceSpan)
  case describe(predicate: String, span: SourceSpan)
  case apropos(word: String)
  case reload
  case save(path: String, span: SourceSpan)
  case history
  case graph(kind: String, arguments: [Token], path: String, span: SourceSpan)
  case assume([Token])
  case assumptions
  case drop(number: Int?, span: SourceSpan?)
  case reset
  case diff
  case quit

  /// Every command name with a one-line summary, in the order `:help` lists them.
  public static let summaries: [(name: String, usage: String, summary: String, example: String)] = [
    ("help", ":help [topic]", "help on commands, the language, or a predicate", ":help factor"),
    ("load", ":load \"file.kb\"", "load a knowledge file (path relative to the script)", ":load \"extra.kb\""),
    ("import", ":import pred \"file.csv\"", "load a CSV or TSV file with a header as facts of pred", ":import sales \"sales.csv\""),
    ("assert", ":assert clause.", "add a fact or rule for this session", ":assert lacks(ansan, parks)."),
    ("retract", ":retract fact.", "remove a stored fact for this session", ":retract lacks(ansan, parks)."),
    ("list", ":list [pred]", "print clauses with their annotations", ":list factor"),
    ("preds", ":preds", "predicates with arity, number of facts and doc", ":preds"),
    ("describe", ":describe pred", "a predicate's doc, columns, rules, sources, facts and dependents", ":describe unaddressed_limit"),
    ("apropos", ":apropos word", "search predicate names, docs and sources", ":apropos amenit"),
    ("reload", ":reload", "read every loaded file again (all or nothing)", ":reload"),
    ("save", ":save \"file.kb\"", "write the clauses asserted this session to a file", ":save \"mine.kb\""),
    ("history", ":history", "the statements entered in this session", ":history"),
    ("why", ":why goal.", "proof trees of the answers, with their sources", ":why unaddressed_limit(F)."),
    ("whynot", ":whynot goal.", "why a ground goal does not hold: the premise that fails", ":whynot addressed(crime_image)."),
    ("assume", ":assume clause.  /  :assume not fact.", "what if: add a clause, or hide a stored fact, hypothetically", ":assume addresses(amenity_plan, lack_of_lifestyle_amenities)."),
    ("assumptions", ":assumptions", "list the assumptions in effect, numbered", ":assumptions"),
    ("drop", ":drop N", "withdraw assumption N", ":drop 1"),
    ("reset", ":reset", "withdraw every assumption", ":reset"),
    ("diff", ":diff", "facts that appear or disappear under the assumptions", ":diff"),
    ("graph", ":graph deps|why GOAL.|edges PRED... [kinds PRED] \"file\"", "draw dependencies, a proof, or binary facts as a graph (DOT; SVG/PNG with Graphviz)", ":graph deps \"deps.dot\""),
    ("format", ":format table|tsv|csv|json", "how answers print", ":format csv"),
    ("set", ":set [option value]", "show or change options (max_facts, timeout, why_depth, why_answers, provenance, timing)", ":set timeout 10"),
    ("quit", ":quit", "leave (end of input does too)", ":quit"),
  ]
}

/// Reads a command's name and argument tokens into a ``Command``.
public enum CommandParser {
  /// The command, or the diagnostic that explains why it is not one.
  public static func parse(name: String, nameSpan: SourceSpan, arguments: [Token])
    -> Result<Command, Diagnostic>
  {
    func single() -> Token? { arguments.count == 1 ? arguments[0] : nil }
    func word(_ token: Token) -> String? {
      switch token.kind {
      case .name(let n), .string(let n), .variable(let n): return n
      default: return nil
      }
    }
    func extra(_ usage: String) -> Diagnostic {
      let span = arguments.first.map { $0.span.merged(with: arguments[arguments.count - 1].span) } ?? nameSpan
      return .error("E502", "unexpected text after :\(name)", at: span, help: "usage: \(usage)")
    }
    switch name {
    case "help":
      if arguments.isEmpty { return .success(.help(topic: nil)) }
      var topic = arguments.map { token -> String in
        if case .punct(let p) = token.kind { return p.rawValue }
        return word(token) ?? ""
      }.joined()
      if topic.hasPrefix(":") { topic.removeFirst() }
      return .success(.help(topic: topic))
    case "load":
      guard let token = single(), let path = word(token) else {
        return .failure(
          .error(
            "E503", ":load needs one file name in quotes", at: arguments.first?.span ?? nameSpan,
            help: "usage: :load \"file.kb\""))
      }
      return .success(.load(path: path, span: token.span))
    case "assert": return .success(.assert(arguments))
    case "retract": return .success(.retract(arguments))
    case "why": return .success(.why(arguments))
    case "assume": return .success(.assume(arguments))
    case "graph":
      guard arguments.count >= 2, let kind = arguments.first?.nameText,
        ["deps", "why", "edges"].contains(kind), case .string(let path) = arguments[arguments.count - 1].kind
      else {
        return .failure(
          .error("E525", ":graph needs what to draw and a file name in quotes", at: arguments.first?.span ?? nameSpan,
                 help: "usage: :graph deps \"deps.dot\", :graph why GOAL. \"why.svg\", :graph edges leads_to hinders \"map.dot\""))
      }
      return .success(
        .graph(kind: kind, arguments: Array(arguments.dropFirst().dropLast()), path: path,
               span: arguments[arguments.count - 1].span))
    case "import":
      guard arguments.count == 2, let predicate = arguments[0].nameText,
        case .string(let path) = arguments[1].kind
      else {
        return .failure(
          .error("E528", ":import needs a predicate name and a file name in quotes",
                 at: arguments.first?.span ?? nameSpan, help: "usage: :import sales \"sales.csv\""))
      }
      return .success(.importTable(predicate: predicate, path: path, span: arguments[1].span))
    case "describe":
      guard let token = single(), let n = token.nameText else {
        return .failure(
          .error("E521", ":describe needs one predicate name", at: arguments.first?.span ?? nameSpan,
                 help: "usage: :describe factor"))
      }
      return .success(.describe(predicate: n, span: token.span))
    case "apropos":
      let words = arguments.compactMap(word)
      guard !words.isEmpty, words.count == arguments.count else {
        return .failure(
          .error("E522", ":apropos needs a word to search for", at: arguments.first?.span ?? nameSpan,
                 help: "usage: :apropos amenity"))
      }
      return .success(.apropos(word: words.joined(separator: " ")))
    case "reload": return arguments.isEmpty ? .success(.reload) : .failure(extra(":reload"))
    case "history": return arguments.isEmpty ? .success(.history) : .failure(extra(":history"))
    case "save":
      guard let token = single(), let path = word(token) else {
        return .failure(
          .error("E523", ":save needs one file name in quotes", at: arguments.first?.span ?? nameSpan,
                 help: "usage: :save \"mine.kb\""))
      }
      return .success(.save(path: path, span: token.span))
    case "assumptions":
      return arguments.isEmpty ? .success(.assumptions) : .failure(extra(":assumptions"))
    case "reset": return arguments.isEmpty ? .success(.reset) : .failure(extra(":reset"))
    case "diff": return arguments.isEmpty ? .success(.diff) : .failure(extra(":diff"))
    case "drop":
      guard let token = single(), case .integer(let n) = token.kind else {
        return .failure(
          .error("E520", ":drop needs the number of an assumption", at: arguments.first?.span ?? nameSpan,
                 help: "usage: :drop 1 (see :assumptions)"))
      }
      return .success(.drop(number: n <= UInt64(Int.max) ? Int(n) : nil, span: token.span))
    case "whynot": return .success(.whynot(arguments))
    case "list":
      if arguments.isEmpty { return .success(.list(predicate: nil, span: nil)) }
      // Accept `:list name` and `:list name/2`.
      guard let first = arguments.first, let n = first.nameText,
        arguments.count == 1 || (arguments.count == 3 && arguments[1].isPunct(.slash))
      else { return .failure(extra(":list [predicate]")) }
      return .success(.list(predicate: n, span: first.span))
    case "preds":
      return arguments.isEmpty ? .success(.preds) : .failure(extra(":preds"))
    case "format":
      guard let token = single(), let w = word(token), let format = OutputFormat(rawValue: w) else {
        return .failure(
          .error(
            "E504", ":format needs one of table, tsv, csv, json",
            at: arguments.first?.span ?? nameSpan, help: "usage: :format json"))
      }
      return .success(.format(format))
    case "set":
      if arguments.isEmpty { return .success(.set(name: nil, value: nil, span: nil)) }
      var values = arguments.dropFirst()
      let negative = values.first?.isPunct(.minus) == true
      if negative { values = values.dropFirst() }
      guard values.count == 1, let option = word(arguments[0]), let value = values.first else {
        return .failure(extra(":set [option value]"))
      }
      var valueText: String
      switch value.kind {
      case .integer(let i): valueText = String(i)
      case .decimal(let d): valueText = String(d)
      default: valueText = word(value) ?? ""
      }
      if negative { valueText = "-" + valueText }
      return .success(.set(name: option, value: valueText, span: arguments[0].span.merged(with: arguments[1].span)))
    case "quit", "q", "exit", "halt":
      return arguments.isEmpty ? .success(.quit) : .failure(extra(":quit"))
    default:
      let names = Command.summaries.map(\.name)
      let suggestion = Suggestions.closest(to: name, among: names)
      return .failure(
        .error(
          "E501", "unknown command ':\(name)'", at: nameSpan,
          help: suggestion.map { "did you mean ':\($0)'? Type :help for the list of commands" }
            ?? "type :help for the list of commands"))
    }
  }
}
