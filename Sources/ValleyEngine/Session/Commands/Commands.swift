/// The commands, in the order `:help` lists them. This list is the only place a command is
/// registered: parsing, `:help`, completion, the statement splitter and the table of
/// commands in docs/language.md (checked by a test) all read it.
public enum Commands {
  static let all: [any SessionCommand.Type] = [
    HelpCommand.self, LoadCommand.self, ImportCommand.self, AssertCommand.self,
    RetractCommand.self, ListCommand.self, PredsCommand.self, DescribeCommand.self,
    AproposCommand.self, ReloadCommand.self, SaveCommand.self, HistoryCommand.self,
    WhyCommand.self, WhyNotCommand.self, AssumeCommand.self, AssumptionsCommand.self,
    DropCommand.self, ResetCommand.self, DiffCommand.self, GraphCommand.self,
    FormatCommand.self, SetCommand.self, QuitCommand.self,
  ]

  /// Every command's spec, in `:help` order.
  public static let specs: [CommandSpec] = all.map { $0.spec }

  /// The names of the commands whose arguments run to the `.` of a clause or goal.
  public static let clauseCommandNames: Set<String> = Set(
    specs.filter { $0.extent == .clause }.flatMap { [$0.name] + $0.aliases })

  /// The command called `name` (or one of its aliases).
  static func named(_ name: String) -> (any SessionCommand.Type)? {
    all.first { $0.spec.name == name || $0.spec.aliases.contains(name) }
  }

  /// Reads a command's arguments into a command, or the diagnostic that says why not.
  static func parse(name: String, nameSpan: SourceSpan, arguments: [Token])
    -> Result<any SessionCommand, Diagnostic>
  {
    guard let type = named(name) else {
      let suggestion = Suggestions.closest(to: name, among: specs.map(\.name))
      return .failure(
        .error(
          .E501, "unknown command ':\(name)'", at: nameSpan,
          help: suggestion.map { "did you mean ':\($0)'? Type :help for the list of commands" }
            ?? "type :help for the list of commands"))
    }
    do throws(Diagnostic) {
      return .success(try type.init(parsing: CommandArguments(name: name, nameSpan: nameSpan, tokens: arguments)))
    } catch {
      return .failure(error)
    }
  }

  /// The table of commands for docs/language.md, in Markdown.
  public static func markdownTable() -> String {
    var lines = ["| command | effect |", "| --- | --- |"]
    for spec in specs {
      let names = ([spec.usage] + spec.aliases.map { ":" + $0 }).map {
        "`\($0.replacingOccurrences(of: "|", with: "\\|"))`"
      }
      lines.append("| \(names.joined(separator: ", ")) | \(spec.documentation) |")
    }
    return lines.joined(separator: "\n")
  }

  /// The sentence of docs/language.md that says which commands run to a `.`.
  public static func extentSentence() -> String {
    let names = specs.filter { $0.extent == .clause }.map { "`:\($0.name)`" }
    let list = names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    return "Commands start with `:`. A command ends at the end of its line (a final `.` is allowed), "
      + "except \(list), which take a clause or goal and run to its `.`, across lines if needed."
  }
}
