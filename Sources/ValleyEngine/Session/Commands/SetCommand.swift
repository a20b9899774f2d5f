/// `:set [option value]`: shows the options, or changes one.
struct SetCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "set",
    usage: ":set [option value]",
    summary: "show or change options (max_facts, timeout, why_depth, why_answers, timing)",
    example: ":set timeout 10",
    documentation:
      "show the options, or set one: `max_facts N` (1 to 2,147,483,647), `timeout SECONDS` (0: none), `why_depth N`, `why_answers N`, `timing on\\|off` (after each statement, a line `% 0.075 s` with its wall time)"
  )

  var name: String?
  var value: String?
  var span: SourceSpan?

  init(parsing arguments: CommandArguments) throws(Diagnostic) {
    let tokens = arguments.tokens
    if tokens.isEmpty { return }
    var values = tokens.dropFirst()
    let negative = values.first?.isPunct(.minus) == true
    if negative { values = values.dropFirst() }
    guard values.count == 1, let option = CommandArguments.word(tokens[0]), let value = values.first else {
      throw arguments.unexpected(":set [option value]")
    }
    var valueText: String
    switch value.kind {
    case .integer(let i): valueText = String(i)
    case .decimal(let d): valueText = String(d)
    default: valueText = CommandArguments.word(value) ?? ""
    }
    if negative { valueText = "-" + valueText }
    name = option
    self.value = valueText
    span = tokens[0].span.merged(with: tokens[1].span)
  }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    session.set(name, value, span: span, line: context.line)
  }
}

extension Session {
  fileprivate func set(_ name: String?, _ value: String?, span: SourceSpan?, line: Int) -> [Output] {
    guard let name, let value else {
      return [
        .text(
          """
          max_facts \(budget.maximumDerivedFacts)
          timeout \(formatSeconds(budget.timeLimit))
          why_depth \(options.whyDepth)
          why_answers \(options.whyAnswers)
          timing \(options.timing ? "on" : "off")
          """)
      ]
    }
    switch name {
    case "max_facts":
      guard let n = Int(value), n > 0, n <= EvaluationBudget.largestFactCap else {
        return [badSetting(name, span, line, "a whole number from 1 to \(EvaluationBudget.largestFactCap)")]
      }
      if let cap = policy.maximumDerivedFacts, n > cap {
        return [badSetting(name, span, line, "a whole number from 1 to \(cap) here")]
      }
      budget.maximumDerivedFacts = n
    case "timeout":
      guard let s = Double(value), s >= 0, s.isFinite else {
        return [badSetting(name, span, line, "a number of seconds (0 for no limit)")]
      }
      if let cap = policy.timeLimit, s == 0 || s > cap {
        return [badSetting(name, span, line, "a number of seconds from more than 0 to \(formatSeconds(cap)) here")]
      }
      budget.timeLimit = s
    case "why_depth", "why_answers":
      guard let n = Int(value), n > 0, n <= 1_000 else {
        return [badSetting(name, span, line, "a whole number from 1 to 1000")]
      }
      if name == "why_depth" { options.whyDepth = n } else { options.whyAnswers = n }
    case "provenance":
      // Kept so that scripts written for earlier versions still run.
      guard value == "on" || value == "off" else { return [badSetting(name, span, line, "on or off")] }
      let retired = Diagnostic.warning(
        .W502, "the option 'provenance' no longer has an effect: explanations are always available", at: span,
        help: "remove the line; recording provenance costs no evaluation time any more")
      return [.diagnostics([retired], line: line)]
    case "timing":
      guard value == "on" || value == "off" else { return [badSetting(name, span, line, "on or off")] }
      options.timing = value == "on"
    default:
      let options = ["max_facts", "timeout", "why_depth", "why_answers", "timing"]
      let suggestion = Suggestions.closest(to: name, among: options)
      return [
        .diagnostics(
          [
            .error(
              .E512, "unknown option '\(name)'", at: span,
              help: suggestion.map { "did you mean '\($0)'?" }
                ?? "the options are " + options.joined(separator: ", "))
          ],
          line: line)
      ]
    }
    return [.text("\(name) \(value)")]
  }

  fileprivate func badSetting(_ name: String, _ span: SourceSpan?, _ line: Int, _ expected: String) -> Output {
    .diagnostics([.error(.E513, "\(name) takes \(expected)", at: span)], line: line)
  }

  fileprivate func formatSeconds(_ s: Double) -> String {
    s == s.rounded() && s < 1e15 ? String(Int64(s)) : String(s)
  }
}
