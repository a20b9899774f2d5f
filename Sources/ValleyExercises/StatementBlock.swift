import ValleyEngine

/// The statements of a solution or of an answer: clauses first, then the query that is checked.
///
/// The rule, for solutions and answers alike: the **last** statement is the query; every
/// statement before it is a clause, written plainly (`p(X) :- q(X).`, `r(a).`) or as
/// `:assert clause.`. A `?-` may start the query. Any other command, and a query (`?-`) before
/// the last statement, is an error (`E609`); a block whose last statement is a rule or an
/// `:assert` is an error too (`E608`).
///
/// The block keeps only spans into its file. ``clauseText(in:)`` and ``queryText(in:)`` give
/// the file's text with everything else blanked out, so that the engine reports errors at the
/// same line and column as in the file.
public struct StatementBlock: Sendable {
  /// The clauses, in order (for `:assert`, the clause after the command name).
  public var clauses: [SourceSpan]
  /// The final query, when the block has one.
  public var query: SourceSpan?
  /// Whether the block holds no statement at all.
  public var isEmpty: Bool { clauses.isEmpty && query == nil }

  /// Creates a block.
  public init(clauses: [SourceSpan], query: SourceSpan?) {
    self.clauses = clauses
    self.query = query
  }

  /// The file's text with only the clauses kept, or nil when there are none.
  public func clauseText(in file: SourceFile) -> String? {
    clauses.isEmpty ? nil : MaskedText.keeping(clauses, of: file)
  }

  /// The file's text with only the query kept, or nil when there is none.
  public func queryText(in file: SourceFile) -> String? {
    query.map { MaskedText.keeping([$0], of: file) }
  }

  /// Splits `tokens` (a part of `file`, without the end token) into clauses and a final query.
  ///
  /// `role` names the block in messages: "solution" or "answer".
  static func split(_ tokens: [Token], in file: SourceFile, role: String)
    -> (StatementBlock, [Diagnostic])
  {
    guard let last = tokens.last else { return (StatementBlock(clauses: [], query: nil), []) }
    let end = Token(
      .end, span: SourceSpan(file: file.id, start: last.span.end, end: last.span.end), line: last.line)
    let (statements, _) = StatementSplitter.split(tokens + [end])
    var clauses: [SourceSpan] = []
    var query: SourceSpan?
    var diagnostics: [Diagnostic] = []
    for (index, statement) in statements.enumerated() {
      let isLast = index == statements.count - 1
      switch statement {
      case .command(let name, _, let arguments, let span, _):
        guard name == "assert" else {
          diagnostics.append(
            .error(
              ExerciseCode.misplacedStatement, "':\(name)' cannot be part of \(article(role)) \(role)", at: span,
              help: "\(article(role)) \(role) holds clauses (plain or with :assert) and ends with one query"))
          continue
        }
        if isLast {
          diagnostics.append(noFinalQuery(at: span, role: role))
        } else if let first = arguments.first, let final = arguments.last {
          clauses.append(first.span.merged(with: final.span))
        }
      case .query(let parts):
        let span = statement.span
        let startsWithQueryMark = parts.first?.isPunct(.queryMark) == true
        if isLast {
          if parts.contains(where: { $0.isPunct(.implies) }) {
            diagnostics.append(noFinalQuery(at: span, role: role))
          } else {
            query = span
          }
        } else if startsWithQueryMark {
          diagnostics.append(
            .error(
              ExerciseCode.misplacedStatement, "only the last statement of \(article(role)) \(role) is a query",
              at: span,
              help: "statements before the last one are clauses; remove this query or move it last"))
        } else {
          clauses.append(span)
        }
      }
    }
    return (StatementBlock(clauses: clauses, query: query), diagnostics)
  }

  /// "a" or "an" before `word`.
  private static func article(_ word: String) -> String {
    word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
  }

  private static func noFinalQuery(at span: SourceSpan, role: String) -> Diagnostic {
    .error(
      ExerciseCode.noFinalQuery, "\(article(role)) \(role) must end with a query, not a clause", at: span,
      help: "add the query that is checked, e.g. 'my_rule(X).', after the clauses")
  }
}

/// A file's text with everything outside some spans replaced by spaces.
///
/// Line breaks are kept and every blanked character becomes one space, so a kept span is at
/// the same line and column as in the original text. The text ends where the last span ends,
/// so an unfinished statement is reported right after its last token, not at the file's end.
enum MaskedText {
  /// The text of `file` keeping only `spans`.
  static func keeping(_ spans: [SourceSpan], of file: SourceFile) -> String {
    let ranges = spans.map { ($0.start, $0.end) }.sorted { $0.0 < $1.0 }
    let stop = ranges.map(\.1).max() ?? 0
    var out = ""
    out.reserveCapacity(stop)
    var offset = 0
    var next = 0
    var blanks = 0  // spaces owed before the next kept character (none at a line's end)
    for character in file.text {
      if offset >= stop { break }
      while next < ranges.count, ranges[next].1 <= offset { next += 1 }
      let inside = next < ranges.count && ranges[next].0 <= offset && offset < ranges[next].1
      if character == "\n" || character == "\r\n" || character == "\r" {
        blanks = 0
        out.append(character)
      } else if inside {
        out += String(repeating: " ", count: blanks)
        blanks = 0
        out.append(character)
      } else {
        blanks += 1
      }
      offset += character.utf8.count
    }
    return out
  }
}
