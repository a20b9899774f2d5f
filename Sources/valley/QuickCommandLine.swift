import ValleyEngine

/// A quick way through the two command lines people start most often, without
/// argument-parser:
///
///     valley [repl] [--empty] [--max-facts <n>] [--timeout <s>] [--no-progress] [<files> ...]
///     valley run [--empty] [--format <format>] [--max-facts <n>] [--timeout <s>] [--no-progress] <scripts> ...
///
/// argument-parser learns what a command accepts by reflecting over its types (`Mirror`), on
/// every start and even for `valley run s.q`: about 2 ms, close to half of what
/// `valley run --empty s.q` takes in all (issue #20). This parser knows only the options above,
/// each given at most once, before, between or after the names, with its value in the next
/// argument, and a value that parses and passes the same checks. For anything else, and for
/// anything it is unsure of (`--help`, `--version`, `--opt=value`, `--`, short options, a
/// repeated option, a name that is also a subcommand's, a bad value), it returns nil and
/// argument-parser parses the line as before, so every message, help text and exit status
/// stays its own.
///
/// What it accepts, it reads as argument-parser would: `QuickCommandLineTests` compares the
/// two over thousands of command lines.
enum QuickCommandLine {
  /// The words argument-parser takes as a subcommand when they come first (``ValleyCommand``'s
  /// subcommands and its own `help`). A name given as a file is left to argument-parser too.
  static let subcommandNames: Set<String> = [
    "repl", "run", "serve", "exercise", "check", "grade", "fmt", "lsp", "export", "help",
  ]

  /// What `arguments` (without the program name) ask for, or nil to leave them to
  /// argument-parser.
  static func parse(_ arguments: [String]) -> Invocation? {
    var rest = arguments[...]
    let isRun = rest.first == "run"
    if isRun || rest.first == "repl" { rest = rest.dropFirst() }

    var names: [String] = []
    var seen: Set<String> = []
    var empty = false
    var noProgress = false
    var format = OutputFormat.table
    var limits = SessionLimits()
    while let argument = rest.popFirst() {
      // A lone "-" (standard input) is a name, as it is to argument-parser.
      guard argument.hasPrefix("-"), argument != "-" else {
        if subcommandNames.contains(argument) { return nil }
        names.append(argument)
        continue
      }
      if !seen.insert(argument).inserted { return nil }
      switch argument {
      case "--empty":
        empty = true
      case "--no-progress":
        noProgress = true
      case "--max-facts":
        guard let value = value(&rest).flatMap({ Int($0) }) else { return nil }
        limits.maxFacts = value
      case "--timeout":
        guard let value = value(&rest).flatMap({ Double($0) }) else { return nil }
        limits.timeout = value
      case "--format" where isRun:
        guard let value = value(&rest).flatMap({ OutputFormat(rawValue: $0) }) else { return nil }
        format = value
      default:
        return nil
      }
    }
    guard limits.problem == nil else { return nil }

    if isRun {
      guard !names.isEmpty else { return nil }
      return .run(scripts: names, empty: empty, format: format, limits: limits, noProgress: noProgress)
    }
    guard !(empty && !names.isEmpty) else { return nil }
    return .prompt(files: names, empty: empty, limits: limits, noProgress: noProgress)
  }

  /// Takes an option's value from the front of `rest`; nil when there is none, or when the
  /// next argument looks like an option (argument-parser would not take it as the value).
  private static func value(_ rest: inout ArraySlice<String>) -> String? {
    guard let next = rest.first, !next.hasPrefix("-") else { return nil }
    rest = rest.dropFirst()
    return next
  }
}
