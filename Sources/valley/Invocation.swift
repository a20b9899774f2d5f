import ValleyEngine

/// What a command line asks of the two commands people start most often: the prompt and
/// `valley run`.
///
/// Both ways through the command line end here: argument-parser's ``ValleyCommand/Repl`` and
/// ``ValleyCommand/Run`` build one, and so does ``QuickCommandLine`` without argument-parser.
/// It holds only plain values, so building and running it never touches argument-parser's
/// types; `execute()` is the one place that runs it.
enum Invocation: Equatable {
  /// `valley [repl] [--empty] [<files> ...]`: the prompt, or the script piped into standard
  /// input when it is not a terminal.
  case prompt(files: [String], empty: Bool, limits: SessionLimits, noProgress: Bool)
  /// `valley run [--empty] [--format <format>] <scripts> ...`: query scripts, each in a fresh
  /// session.
  case run(scripts: [String], empty: Bool, format: OutputFormat, limits: SessionLimits, noProgress: Bool)

  /// Does the work and returns the exit status.
  func execute() -> Int32 {
    switch self {
    case .prompt(let files, let empty, let limits, let noProgress):
      let knowledge = StartingKnowledge(files: files, empty: empty)
      let progress = ProgressLine.make(disabled: noProgress)
      guard Terminal.inputIsTerminal else {
        return ScriptRunner(knowledge: knowledge, format: .table, limits: limits, progress: progress)
          .run([ScriptRunner.standardInput])
      }
      return InteractiveLoop.start(with: knowledge, limits: limits, progress: progress)
    case .run(let scripts, let empty, let format, let limits, let noProgress):
      return ScriptRunner(
        knowledge: StartingKnowledge(files: [], empty: empty), format: format, limits: limits,
        progress: ProgressLine.make(disabled: noProgress)
      )
      .run(scripts)
    }
  }
}
