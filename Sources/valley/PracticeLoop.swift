import ValleyEngine

/// The loop of `valley exercise`: read a statement, let the ``PracticeSession`` run it, write
/// what it produced. Works with a terminal (readline, a prompt naming the exercise) and with
/// piped input (no prompt, no echo), like ``InteractiveLoop``.
struct PracticeLoop<Reader: LineReader> {
  let practice: PracticeSession
  var reader: Reader
  /// Whether to show a prompt (only on a terminal).
  let showsPrompt: Bool
  let color: Bool

  /// Runs until end of input or `:quit`.
  mutating func run() {
    defer { reader.close() }
    for output in practice.start() { write(output) }
    var pending = ""
    while true {
      let prompt = !showsPrompt ? "" : pending.isEmpty ? "\(practice.current.id) ?- " : "|  "
      switch reader.readLine(prompt: prompt) {
      case .interrupted:
        pending = ""
      case .end:
        if !pending.isEmpty { _ = execute(pending) }
        return
      case .line(let line):
        pending = pending.isEmpty ? line : pending + "\n" + line
        if !pending.contains(where: { !$0.isWhitespace }) {
          pending = ""
        } else if !practice.isIncomplete(pending) {
          let statement = pending
          pending = ""
          if execute(statement) { return }
        }
      }
    }
  }

  /// Runs one chunk; true when it asked to quit.
  private func execute(_ input: String) -> Bool {
    _ = Terminal.takeInterrupt()
    var quit = false
    practice.handle(input) { output in
      write(output)
      if case .quit = output { quit = true }
    }
    return quit
  }

  private func write(_ output: Output) {
    let text = practice.render(output, color: color)
    Terminal.write(stdout: text.stdout, stderr: text.stderr)
  }
}
