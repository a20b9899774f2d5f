import ValleyEngine
import ValleyExercises

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
    let (practice, showsPrompt, color) = (self.practice, self.showsPrompt, self.color)
    StatementLoop.run(
      &reader, prompt: { !showsPrompt ? "" : $0 ? "|  " : "\(practice.current.id) ?- " },
      isIncomplete: practice.isIncomplete,
      execute: { Self.execute($0, in: practice, color: color) })
  }

  /// Runs one chunk; true when it asked to quit.
  private static func execute(_ input: String, in practice: PracticeSession, color: Bool) -> Bool {
    _ = Terminal.takeInterrupt()
    var quit = false
    practice.handle(input) { output in
      write(output, of: practice, color: color)
      if case .quit = output { quit = true }
    }
    return quit
  }

  private func write(_ output: Output) { Self.write(output, of: practice, color: color) }

  private static func write(_ output: Output, of practice: PracticeSession, color: Bool) {
    let text = practice.render(output, color: color)
    Terminal.write(stdout: text.stdout, stderr: text.stderr)
  }
}
