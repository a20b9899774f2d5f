/// Renders a why-not analysis in plain language, or as one JSON object.
public enum WhyNotRenderer {
  /// Plain text.
  public static func text(_ report: WhyNotReport) -> String {
    if report.holds { return "\(report.goal) holds; :why \(report.goal). shows why." }
    var lines = ["\(report.goal) does not hold."]
    if report.rules.isEmpty {
      lines.append(
        report.hasFacts
          ? "No rule derives it, and it is not among the stored facts."
          : "No rule derives it, and the predicate has no facts at all.")
    }
    for rule in report.rules {
      lines.append("rule \(rule.location)  \(rule.text)")
      if let mismatch = rule.headMismatch {
        lines.append("  does not apply: \(mismatch)")
        continue
      }
      if !rule.bindings.isEmpty {
        lines.append("  with " + rule.bindings.map { "\($0.name) = \($0.value)" }.joined(separator: ", "))
      }
      if let premise = rule.failingPremise { lines.append("  fails at: \(premise)") }
      if let reason = rule.reason { lines.append("  because \(reason)") }
    }
    if !report.closest.isEmpty {
      lines.append("closest facts (one argument different): " + report.closest.joined(separator: ", "))
    } else if report.hasFacts {
      lines.append("no fact of this predicate differs from the goal in only one argument")
    }
    return lines.joined(separator: "\n")
  }

  /// One JSON object.
  public static func json(_ report: WhyNotReport) -> String {
    let rules = report.rules.map { rule -> String in
      var fields = [("at", JSON.string(rule.location)), ("text", JSON.string(rule.text))]
      if let m = rule.headMismatch { fields.append(("head_mismatch", JSON.string(m))) }
      fields.append(("bindings", JSON.object(rule.bindings.map { ($0.name, JSON.string($0.value)) })))
      if let p = rule.failingPremise { fields.append(("fails_at", JSON.string(p))) }
      if let r = rule.reason { fields.append(("reason", JSON.string(r))) }
      return JSON.object(fields)
    }
    return JSON.object([
      ("whynot", JSON.string(report.goal)), ("holds", report.holds ? "true" : "false"),
      ("rules", "[" + rules.joined(separator: ", ") + "]"),
      ("closest", "[" + report.closest.map(JSON.string).joined(separator: ", ") + "]"),
    ])
  }
}
