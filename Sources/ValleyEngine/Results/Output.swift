/// A piece of what a statement produced, in order: a structured value, never pre-rendered
/// text (apart from messages). The session never prints; front ends render outputs with
/// ``OutputRenderer`` (terminal text, TSV, CSV, JSON) or their own renderer.
public enum Output: Sendable {
  /// The answers to a query.
  case answers(AnswerTable)
  /// A message for the user (goes to standard output).
  case text(String)
  /// Errors and warnings of one statement; `line` is the statement's first line in its script.
  case diagnostics([Diagnostic], line: Int)
  /// Proof trees for the answers of a goal (`:why`).
  case proofs(Explanation)
  /// Why a ground goal does not hold (`:whynot`).
  case whyNot(WhyNotReport)
  /// What the assumptions change (`:diff`).
  case diff(KnowledgeDiff)
  /// A graph drawn by `:graph` without a file.
  case picture(Picture)
  /// Predicates with their counts or where a word was found (`:preds`, `:apropos`).
  case predicates(PredicateListing)
  /// The session should end (`:quit`).
  case quit

  /// Whether this output reports an error.
  public var isError: Bool {
    if case .diagnostics(let list, _) = self { return list.contains { $0.severity == .error } }
    return false
  }
}
