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

  /// Runs until end of input or `:quit`, then lets the reader save its history.
  mutating func run() {
    defer { reader.close() }
    var pending = ""
    while true {
      let prompt = pending.isEmpty ? Self.prompt : Self.continuationPrompt
      switch reader.readLine(prompt: prompt) {
      case .interrupted:
        pending = ""
      case .end:
        // An unfinished statement at the end is run anyway, so its error is shown.
        if !pending.isEmpty { _ = execute(pending) }
        return
      case .line(let line):
        pending = pending.isEmpty ? line : pending + "\n" + line
        if !pending.contains(where: { !$0.isWhitespace }) {
          pending = ""
        } else if !session.isIncomplete(pending) {
          let statement = pending
          pending = ""
          if execute(statement) { return }
        }
      }
    }
  }

  /// Runs one chunk of input and writes its outputs; true when it asked to quit.
  private mutating func execute(_ input: String) -> Bool {
    _ = Terminal.takeInterrupt()  // only a Ctrl-C pressed from now on stops this statement
    var quit = false
    let outputs = session.execute(input: input)
    if Terminal.takeInterrupt() {
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
  static func start(with knowledge: StartingKnowledge) -> Int32 {
    let session = Session()
    var writer = OutputWriter(color: Terminal.wantsColor)
    Terminal.write(stdout: "Valley \(ValleyVersion.string)\n", stderr: "")
    if case .nothing = knowledge {
      Terminal.write(stdout: "started with an empty knowledge base\n", stderr: "")
    }
    for output in knowledge.load(into: session) {
      writer.write(output, from: session)
    }
    Terminal.write(stdout: "Type :help for commands, :quit to leave.\n", stderr: "")
    Terminal.catchInterrupts()
    session.budget.shouldStop = Terminal.interruptRequested
    let reader = ReadlineLineReader(completionWords: { session.completionWords })
    var loop = InteractiveLoop(session: session, reader: reader, writer: writer)
    loop.run()
    return 0
  }
}
