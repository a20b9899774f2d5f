/// What one attempt to read a line produced.
enum LineInput: Equatable {
  /// A line, without its newline.
  case line(String)
  /// Ctrl-C was pressed while the line was being typed; the line is discarded.
  case interrupted
  /// End of input (Ctrl-D on an empty line).
  case end
}

/// A source of lines typed by a person.
protocol LineReader {
  /// Shows `prompt` and reads one line.
  mutating func readLine(prompt: String) -> LineInput
  /// Saves what should outlive the session (history); called once, before leaving.
  mutating func close()
}
