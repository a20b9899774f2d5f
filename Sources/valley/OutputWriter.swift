import ValleyEngine

/// Renders a session's outputs and writes them as they come.
///
/// Standard output is written before standard error. The writer remembers whether any output
/// reported an error, for the exit status.
struct OutputWriter {
  /// Whether diagnostics are coloured.
  let color: Bool
  /// Whether an output so far reported an error.
  private(set) var sawError = false

  init(color: Bool) {
    self.color = color
  }

  /// Writes `output`, rendered in the session's current format (`:format` may change it).
  mutating func write(_ output: Output, from session: Session) {
    if output.isError { sawError = true }
    let renderer = OutputRenderer(format: session.format, sources: session.sources, color: color)
    let text = renderer.render(output)
    Terminal.write(stdout: text.stdout, stderr: text.stderr)
  }
}
