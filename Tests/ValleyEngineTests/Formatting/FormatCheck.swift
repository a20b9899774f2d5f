import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// Formats texts for the formatter's tests and checks what every formatting must keep.
enum FormatCheck {
  /// The formatted text, or nil (after recording an issue) when formatting failed.
  static func format(_ text: String, kind: SourceKind, name: String = "test") -> String? {
    switch SourceFormatter.format(text, fileName: name, kind: kind) {
    case .formatted(let output): return output
    case .failed(let diagnostics, let sources):
      Issue.record("\(name) was not formatted:\n\(DiagnosticRenderer(sources: sources).render(diagnostics))")
      return nil
    }
  }

  /// Checks that `output`, the formatting of `input`, means the same, keeps its comments and
  /// formats to itself.
  static func expectFaithful(_ input: String, _ output: String, kind: SourceKind, name: String = "test") {
    #expect(meaning(of: output, kind: kind) == meaning(of: input, kind: kind), "meaning changed: \(name)")
    #expect(comments(of: output) == comments(of: input), "comments changed: \(name)")
    #expect(format(output, kind: kind, name: name) == output, "not idempotent: \(name)")
    #expect(!output.split(separator: "\n", omittingEmptySubsequences: false).contains { $0.hasSuffix(" ") })
  }

  /// The parsed statements without spans, one string each.
  ///
  /// A knowledge file: its clauses (with their `@source` and `@note`), declarations and
  /// imports. A script: each statement as the session's splitter cuts it, queries and clauses
  /// parsed and printed, a command as its name and argument tokens.
  static func meaning(of text: String, kind: SourceKind) -> [String] {
    var sources = SourceRegistry()
    let file = sources.add(name: "meaning", text: text)
    let tokens = Lexer.tokenize(file)
    switch kind {
    case .knowledge:
      let (parsed, diagnostics) = Parser.parseKnowledge(tokens)
      return parsed.clauses.map { "\(SyntaxPrinter.show($0)) source=\($0.source ?? "-") note=\($0.note ?? "-")" }
        + parsed.declarations.map { "@pred \($0.name) \($0.columns) \($0.doc ?? "-")" }
        + parsed.imports.map { "@import \($0.predicate) \($0.path) \($0.source ?? "-")" }
        + diagnostics.map { "\($0.severity) \($0.code)" }
    case .queries:
      return StatementSplitter.split(tokens).statements.map { statement in
        switch statement {
        case .query(let tokens):
          let input = tokens + [Token(.end, span: tokens[tokens.count - 1].span, line: 0)]
          if let query = Parser.parseQuery(input).0 { return SyntaxPrinter.show(query) }
          if let clause = Parser.parseSingleClause(input).0 { return SyntaxPrinter.show(clause) }
          return "unparsed " + tokens.map { "\($0.kind)" }.joined(separator: " ")
        case .command(let name, _, let arguments, _, _):
          return ":\(name) " + arguments.map { "\($0.kind)" }.joined(separator: " ")
        }
      }
    }
  }

  /// The texts of the comments, blanks at line ends aside, in order.
  static func comments(of text: String) -> [String] {
    var sources = SourceRegistry()
    let file = sources.add(name: "comments", text: text)
    return Lexer.tokenizeKeepingComments(file).comments.map { ItemPrinter.normalized(file.text(of: $0.span)) }
  }
}
