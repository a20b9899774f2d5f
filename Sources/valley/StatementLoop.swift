/// The reading half of a prompt loop, shared by the prompt and `valley exercise`: gathers
/// lines until they make a complete statement, hands it over, and repeats.
enum StatementLoop {
  /// Reads from `reader` until end of input or until `execute` returns true (`:quit`).
  /// `prompt(continuing)` gives the prompt, `continuing` when the statement is unfinished;
  /// Ctrl-C drops the unfinished statement; at the end of input an unfinished statement is
  /// run anyway, so that its error is shown.
  static func run<Reader: LineReader>(
    _ reader: inout Reader, prompt: (_ continuing: Bool) -> String,
    isIncomplete: (String) -> Bool, execute: (String) -> Bool
  ) {
    var pending = ""
    while true {
      switch reader.readLine(prompt: prompt(!pending.isEmpty)) {
      case .interrupted:
        pending = ""
      case .end:
        if !pending.isEmpty { _ = execute(pending) }
        return
      case .line(let line):
        pending = pending.isEmpty ? line : pending + "\n" + line
        if !pending.contains(where: { !$0.isWhitespace }) {
          pending = ""
        } else if !isIncomplete(pending) {
          let statement = pending
          pending = ""
          if execute(statement) { return }
        }
      }
    }
  }
}
