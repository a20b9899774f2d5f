/// `:format table|tsv|csv|json`: how outputs print from now on.
struct FormatCommand: SessionCommand {
  static let spec = CommandSpec(
    name: "format",
    usage: ":format " + OutputFormat.allCases.map(\.rawValue).joined(separator: "|"),
    summary: "how answers print",
    example: ":format csv",
    documentation: "how answers print from now on")

  var format: OutputFormat

  init(parsing arguments: CommandArguments) throws(Diagnostic) {
    guard let token = arguments.single, let word = CommandArguments.word(token),
      let format = OutputFormat(rawValue: word)
    else {
      throw .error(
        .E504, ":format needs one of " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", "),
        at: arguments.span, help: "usage: :format json")
    }
    self.format = format
  }

  func run(in session: Session, _ context: CommandContext) -> [Output] {
    if session.policy.fixedFormat { return [.text("answers here are always JSON: :format changes nothing")] }
    session.format = format
    return [.text("answers now print as \(format.rawValue)")]
  }
}
