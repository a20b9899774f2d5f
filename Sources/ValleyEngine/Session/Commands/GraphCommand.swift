/// `:graph deps "f"`, `:graph why GOAL. "f"`, `:graph edges PRED... [kinds PRED] "f"`:
/// draws dependencies, a proof or binary facts as a graph (DOT; SVG or PNG through Graphviz).
struct GraphCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "graph",
    usage: ":graph deps|why GOAL.|edges PRED... [kinds PRED] [\"file\"]",
    summary: "draw dependencies, a proof, or binary facts as a graph (DOT; SVG/PNG with Graphviz)",
    example: ":graph deps \"deps.dot\"",
    documentation:
      "draw the predicate dependencies (`:graph deps \"f.dot\"`), a proof (`:graph why GOAL. \"f.svg\"`), or binary facts (`:graph edges PRED... [kinds PRED] \"f.png\"`) as a graph: DOT always; SVG or PNG through Graphviz's `dot` when it is installed (`apt-get install graphviz`), with a warning and a `.dot` file when it is not. Without a file name (and always in `valley serve`) the picture is the statement's answer: DOT, or SVG where Graphviz is installed"
  )

  var kind: String
  var arguments: [Token]
  var path: String?
  var span: SourceSpan

  init(parsing arguments: CommandArguments) throws(Diagnostic) {
    let tokens = arguments.tokens
    guard let kind = tokens.first?.nameText, ["deps", "why", "edges"].contains(kind) else {
      throw .error(
        .E525, ":graph needs what to draw: deps, why GOAL. or edges PRED...", at: arguments.span,
        help: "usage: :graph deps \"deps.dot\", :graph why GOAL. \"why.svg\", :graph edges leads_to hinders \"map.dot\""
      )
    }
    self.kind = kind
    if tokens.count >= 2, case .string(let path) = tokens[tokens.count - 1].kind {
      self.arguments = Array(tokens.dropFirst().dropLast())
      self.path = path
      span = tokens[tokens.count - 1].span
    } else {
      var goal = Array(tokens.dropFirst())
      // The splitter drops the `.` that ends a line command; a goal needs it back.
      if kind == "why", let last = goal.last, !last.isPunct(.period) {
        goal.append(
          Token(
            .punct(.period), span: SourceSpan(file: last.span.file, start: last.span.end, end: last.span.end),
            line: last.line))
      }
      self.arguments = goal
      path = nil
      span = tokens[0].span
    }
  }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    // A server never writes files: the picture is the answer, whatever name was given.
    let target = session.policy.allowsFiles ? path.map { PathJoin.resolve($0, against: session.currentDirectory) } : nil
    return session.graph(kind, arguments, path: target, span: span, in: context.file, line: context.line)
  }
}

extension Session {
  /// `:graph deps|why GOAL.|edges PRED... [kinds PRED] "file"`: writes a graph.
  fileprivate func graph(
    _ kind: String, _ arguments: [Token], path: String?, span: SourceSpan, in file: SourceFile, line: Int
  ) -> [Output] {
    let dot: String
    switch kind {
    case "deps":
      guard arguments.isEmpty else {
        return [.diagnostics([.error(.E525, ":graph deps takes only a file name", at: arguments[0].span)], line: line)]
      }
      dot = DotRenderer.dependencies(
        DependencyGraph(rules: knowledge.rules, predicateCount: knowledge.catalog.count), catalog: knowledge.catalog)
    case "why":
      let outputs = why(arguments, in: file, line: line)
      guard let explanation = lastExplanation, !outputs.contains(where: \.isError) else { return outputs }
      dot = DotRenderer.proofs(explanation)
    default:
      var names = arguments.compactMap(\.nameText)
      var kindsPredicate: String?
      if let k = names.firstIndex(of: "kinds"), k + 1 < names.count {
        kindsPredicate = names[k + 1]
        names.removeSubrange(k...(k + 1))
      }
      var facts: [(predicate: String, from: String, to: String)] = []
      for name in names {
        guard let p = knowledge.catalog.number(of: name), knowledge.catalog[p].arity == 2 else {
          return [
            .diagnostics(
              [
                .error(
                  .E526, "'\(name)' is not a known predicate with two arguments", at: span,
                  help: ":graph edges draws binary predicates such as leads_to/2")
              ], line: line)
          ]
        }
        let relation = knowledge.model.relations[p]
        for r in 0..<relation.count {
          let row = relation.row(r).map { ValueFormatter.plain(pool[$0]) }
          facts.append((name, row[0], row[1]))
        }
      }
      var kinds: [String: String] = [:]
      if let k = kindsPredicate, let p = knowledge.catalog.number(of: k), knowledge.catalog[p].arity == 2 {
        let relation = knowledge.model.relations[p]
        for r in 0..<relation.count {
          let row = relation.row(r).map { ValueFormatter.plain(pool[$0]) }
          kinds[row[0]] = row[1]
        }
      }
      dot = DotRenderer.edges(facts, kinds: kinds)
    }
    guard let path else {
      if let svg = drawSVG?(dot) { return [.picture(Picture(format: .svg, text: svg))] }
      return [.picture(Picture(format: .dot, text: dot))]
    }
    return writeGraph(dot, to: path, span: span, line: line)
  }

  fileprivate func writeGraph(_ dot: String, to path: String, span: SourceSpan, line: Int) -> [Output] {
    let lower = path.lowercased()
    let format = lower.hasSuffix(".svg") ? "svg" : lower.hasSuffix(".png") ? "png" : nil
    guard let format else {
      return writeFile(dot, to: path, span: span, line: line, done: "wrote the graph to \(path) (DOT)")
    }
    guard let convert = convertGraph else {
      let fallback = path + ".dot"
      var outputs = writeFile(dot, to: fallback, span: span, line: line, done: "wrote the graph to \(fallback) (DOT)")
      if !outputs.contains(where: \.isError) {
        outputs.insert(
          .diagnostics(
            [
              .warning(
                .W501, "\(format.uppercased()) needs Graphviz's dot, which is not available here", at: span,
                help: "install Graphviz (apt-get install graphviz) or open the .dot file with any DOT viewer")
            ],
            line: line), at: 0)
      }
      return outputs
    }
    if let problem = convert(dot, physical(path), format) {
      return [
        .diagnostics(
          [
            .error(
              .E527, "could not draw \(path): \(problem)", at: span,
              help: "write a .dot file instead, or check that Graphviz's dot works")
          ], line: line)
      ]
    }
    return [.text("wrote the graph to \(path) (\(format.uppercased()))")]
  }

  fileprivate func writeFile(_ text: String, to path: String, span: SourceSpan, line: Int, done: String) -> [Output] {
    switch loader.write(physical(path), contents: text) {
    case .success: return [.text(done)]
    case .failure(let failure):
      return [
        .diagnostics(
          [.error(.E524, "cannot write '\(path)': \(failure.writeReason); nothing was written", at: span)], line: line)
      ]
    }
  }
}
