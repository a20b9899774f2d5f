import ValleyEngine

/// The feedback `@reveal whynot` allows: one expected row the student's query misses, and the
/// first premise of that query that fails for it (the engine's `:whynot` analysis, run on the
/// query with the row's values bound to its variables).
///
/// The hint names only the student's own query, the row and values the query itself found; it
/// never shows the solution.
enum WhyNotHint {
  /// The lines to add to the feedback, or none when the analysis has nothing to say.
  static func lines(query: String, row: [Value], variables: [String], session: Session) -> [String] {
    let bindings = zip(variables, row).map { "\($0) = \(ValueFormatter.source($1))" }.joined(separator: ", ")
    guard
      case .success(let report) = session.whyNotAnswer(
        query, row: row, name: "<hint>", location: "your query"),
      !report.holds, let finding = report.rules.first, let premise = finding.failingPremise
    else { return [] }
    var line = "for example, your query does not give \(bindings): "
    let found = finding.bindings.filter { name, _ in !variables.contains(name) }
    if !found.isEmpty {
      line += "with " + found.map { "\($0.name) = \($0.value)" }.joined(separator: ", ") + ", "
    }
    line += "it fails at \(premise)"
    if let reason = finding.reason { line += " (\(reason))" }
    return [line]
  }
}
