/// `:format json`: every output is one JSON object on a line of its own (JSON Lines), on
/// standard output, so a script reads one stream.
public struct JSONStyle: OutputStyle {
  /// Creates the style.
  public init() {}

  /// See ``OutputStyle``.
  public func answers(_ table: AnswerTable, layout: AnswerLayout) -> String {
    let vars = "[" + table.variables.map(JSON.string).joined(separator: ", ") + "]"
    let rows =
      "["
      + table.rows.map { "[" + $0.map(JSON.value).joined(separator: ", ") + "]" }
      .joined(separator: ", ") + "]"
    return JSON.object([("query", JSON.string(table.query)), ("vars", vars), ("rows", rows)]) + "\n"
  }

  /// See ``OutputStyle``.
  public func message(_ text: String) -> String {
    JSON.object([("message", JSON.string(text))]) + "\n"
  }

  /// See ``OutputStyle``.
  public func proofs(_ explanation: Explanation) -> String { ProofTreeRenderer.json(explanation) + "\n" }

  /// See ``OutputStyle``.
  public func whyNot(_ report: WhyNotReport) -> String { WhyNotRenderer.json(report) + "\n" }

  /// See ``OutputStyle``.
  public func diff(_ diff: KnowledgeDiff) -> String {
    JSON.object([
      ("appear", "[" + diff.appear.map { JSON.string($0.text) }.joined(separator: ", ") + "]"),
      ("disappear", "[" + diff.disappear.map { JSON.string($0.text) }.joined(separator: ", ") + "]"),
    ]) + "\n"
  }

  /// `{"graph": TEXT, "format": "dot"|"svg"}`.
  public func picture(_ picture: Picture) -> String {
    JSON.object([("graph", JSON.string(picture.text)), ("format", JSON.string(picture.format.rawValue))]) + "\n"
  }

  /// The listing as a message holding the table (as `:preds` has always printed in JSON).
  public func predicates(_ listing: PredicateListing) -> String {
    message(PredicateListingRenderer.text(listing))
  }

  /// The first error (and the count of the others) as one object, each warning as another.
  public func diagnostics(_ list: [Diagnostic], line: Int, renderer: DiagnosticRenderer) -> String? {
    var out = ""
    let errors = list.filter { $0.severity == .error }
    if let first = errors.first {
      var fields = [("error", JSON.string(renderer.headline(first))), ("line", String(line))]
      if errors.count > 1 {
        fields.append(("errors", "[" + errors.map { JSON.string(renderer.headline($0)) }.joined(separator: ", ") + "]"))
      }
      out += JSON.object(fields) + "\n"
    }
    for warning in list where warning.severity != .error {
      out += JSON.object([("warning", JSON.string(renderer.headline(warning))), ("line", String(line))]) + "\n"
    }
    return out
  }
}
