import ValleyEngine

/// The prompt loop (Lua's `doREPL`): read a statement, run it, write what it produced.
struct InteractiveLoop<Reader: LineReader> {
  /// The prompt for a new statement.
  static var prompt: String { "?- " }
  /// The prompt for another line of an unfinished statement.
  static var continuationPrompt: String { "|  " }

  let session: Session
  var reader: Reader
  var writer: OutputWriter
  /// The status line long statements show, if any.
  var progress: ProgressLine? = nil

  /// Runs until end of input or `:quit`, then lets the reader save its history.
  mutating func run() {
    defer { reader.close() }
    let session = self.session
    let progress = self.progress
    var writer = self.writer
    defer { self.writer = writer }
    StatementLoop.run(
      &reader, prompt: { $0 ? Self.continuationPrompt : Self.prompt },
      isIncomplete: session.isIncomplete,
      execute: { Self.execute($0, in: session, writer: &writer, progress: progress) })
  }

  /// Runs one chunk of input and writes its outputs; true when it asked to quit.
  private static func execute(
    _ input: String, in session: Session, writer: inout OutputWriter, progress: ProgressLine?
  ) -> Bool {
    _ = Terminal.takeInterrupt()  // only a Ctrl-C pressed from now on stops this statement
    var quit = false
    let outputs = session.execute(input: input)
    // Erasing the status line also erases the "^C" the terminal echoed at its end.
    let erased = progress?.clear() ?? false
    if Terminal.takeInterrupt(), !erased {
      Terminal.write(stdout: "\n", stderr: "")  // end the line the terminal's "^C" echo began
    }
    for output in outputs {
      writer.write(output, from: session)
      if case .quit = output { quit = true }
    }
    return quit
  }
}

extension InteractiveLoop where Reader == ReadlineLineReader {
  /// Starts the prompt on a terminal and returns the exit status.
  ///
  /// Loads `knowledge`, prints the banner and runs the loop. Leaving the prompt is not a
  /// failure, so the status is 0.
  static func start(
    with knowledge: StartingKnowledge, limits: SessionLimits = SessionLimits(), progress: ProgressLine? = nil
  ) -> Int32 {
    let session = Session()
    if GraphvizConverter.dotPath != nil { session.convertGraph = GraphvizConverter.convert }
    limits.apply(to: session)
    progress?.attach(to: session)
    var writer = OutputWriter(color: Terminal.wantsColor, fitsTerminal: true, progress: progress)
    Terminal.write(stdout: "Valley \(ValleyVersion.string)\n", stderr: "")
    // Loading says "loaded …" per file; the banner's own line sums it up instead, so only
    // problems are shown here.
    var loaded = true
    for output in knowledge.load(into: session) {
      if case .text = output { continue }
      if output.isError { loaded = false }
      writer.write(output, from: session)
    }
    progress?.clear()
    Terminal.write(stdout: banner(knowledge, loaded: loaded, session.statistics), stderr: "")
    Terminal.catchInterrupts()
    session.budget.shouldStop = Terminal.interruptRequested
    let reader = ReadlineLineReader(
      words: CompletionWords(
        commandsAndPredicates: { session.completionWords },
        helpTopics: { session.helpTopics },
        symbols: { session.symbolWords }))
    var loop = InteractiveLoop(session: session, reader: reader, writer: writer, progress: progress)
    loop.run()
    return 0
  }

  /// The lines after the name and version: what is loaded, and how to begin.
  static func banner(
    _ knowledge: StartingKnowledge, loaded: Bool,
    _ statistics: (facts: Int, derived: Int, rules: Int, predicates: Int)
  ) -> String {
    func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
    var text: String
    switch knowledge {
    case .nothing:
      text = "Started with an empty knowledge base.\n"
    case _ where !loaded:
      text = "Nothing loaded because of the errors above: the knowledge base is empty.\n"
    case .bundled, .files:
      let what: String
      if case .files(let paths) = knowledge {
        // A few files by name, more by number.
        what = paths.count <= 3 ? paths.joined(separator: ", ") : count(paths.count, "file")
      } else {
        let folder = KnowledgeLocator.locate()
        let names = FileSystemLoader().list(folder) ?? []
        let files = count(names.filter { $0.hasSuffix(".kb") }.count, "file")
        what = "\(KnowledgeLocator.displayName)/ (\(files))"
      }
      text =
        "Loaded \(what): \(count(statistics.facts, "fact")) "
        + "(and \(statistics.derived) derived), \(count(statistics.rules, "rule")), "
        + "\(count(statistics.predicates, "predicate")).\n"
    }
    text += "Type :help for commands, or try the tour: valley run Queries/tour.q\n"
    return text
  }
}
