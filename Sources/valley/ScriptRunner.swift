import ValleyEngine

/// Runs query scripts (`valley run`, or a script piped into `valley`): each in a fresh session
/// that starts with the chosen knowledge, its outputs written as they are produced.
struct ScriptRunner {
  /// The script name that means standard input.
  static let standardInput = "-"

  /// What each session starts with.
  var knowledge: StartingKnowledge
  /// How answers print (until a script says `:format`).
  var format: OutputFormat
  /// Evaluation limits from the command line.
  var limits = SessionLimits()
  /// The status line long work shows, if any.
  var progress: ProgressLine? = nil

  /// Runs `scripts` in order and returns the exit status.
  ///
  /// The status is 0 when no statement failed, 1 when one did (the rest still run) or when the
  /// starting knowledge could not be loaded.
  func run(_ scripts: [String]) -> Int32 {
    var failed = false
    for (number, script) in scripts.enumerated() {
      var writer = OutputWriter(color: Terminal.wantsColor, progress: progress)
      let session = Session(loader: StandardInputLoader())
      session.format = format
      if GraphvizConverter.dotPath != nil { session.convertGraph = GraphvizConverter.convert }
      limits.apply(to: session)
      progress?.attach(to: session)
      // Loading and each statement may draw the line; it is gone before anything else is written.
      defer { progress?.clear() }
      // Only problems are worth showing here: a summary line would precede every script's
      // output and make it differ from the transcript of the script alone.
      for output in knowledge.load(into: session) where output.isDiagnostics {
        writer.write(output, from: session)
      }
      progress?.clear()
      if writer.sawError { return 1 }
      let path = script == Self.standardInput ? StandardInputLoader.path : script
      session.runScript(path: path) { writer.write($0, from: session) }
      failed = failed || writer.sawError
      // The process ends with the last script: its session is left for the system to take
      // back at exit, rather than freed object by object first (a quarter of a millisecond
      // with the bundled knowledge base, part of the start-up that issue #20 counts).
      if number == scripts.count - 1 { _ = Unmanaged.passRetained(session) }
    }
    return failed ? 1 : 0
  }
}

extension Output {
  /// Whether this output carries diagnostics (errors or warnings).
  var isDiagnostics: Bool {
    if case .diagnostics = self { return true }
    return false
  }
}
