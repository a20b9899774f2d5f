import ValleyEngine

/// Renders a session's outputs and writes them as they come.
///
/// Standard output is written before standard error. The writer remembers whether any output
/// reported an error, for the exit status.
struct OutputWriter {
  /// At the prompt, the most answer rows shown before "… N more"; scripts show them all.
  static let promptRowLimit = 200
  /// At the prompt, no answer column is cut narrower than this many columns.
  static let narrowestCell = 24

  /// Whether diagnostics and table headers are coloured.
  let color: Bool
  /// Whether answer tables are fitted for a person at a terminal (a row cap, long cells cut
  /// to the window's width). Scripts and piped input keep the full, exact output.
  let fitsTerminal: Bool
  /// The status line to erase before anything is written, if one may be shown.
  let progress: ProgressLine?
  /// Whether an output so far reported an error.
  private(set) var sawError = false

  init(color: Bool, fitsTerminal: Bool = false, progress: ProgressLine? = nil) {
    self.color = color
    self.fitsTerminal = fitsTerminal
    self.progress = progress
  }

  /// Writes `output`, rendered in the session's current format (`:format` may change it).
  mutating func write(_ output: Output, from session: Session) {
    if output.isError { sawError = true }
    var renderer = OutputRenderer(format: session.format, sources: session.sources, color: color)
    if fitsTerminal, case .answers(let table) = output {
      renderer.maxRows = Self.promptRowLimit
      renderer.maxCellWidth = Self.cellWidth(
        for: table, rows: Self.promptRowLimit, columns: Terminal.columns)
    }
    let text = renderer.render(output)
    progress?.clear()
    Terminal.write(stdout: text.stdout, stderr: text.stderr)
  }

  /// The widest a cell may be so that the first `rows` answers of `table` fit in `columns`
  /// (nil when they fit uncut).
  ///
  /// Narrow columns keep their width and the wide ones share what is left equally, so a
  /// short name beside a long text leaves the text almost the whole window. No cell is cut
  /// narrower than ``narrowestCell``: a very wide answer then runs past the window rather
  /// than becoming unreadable.
  static func cellWidth(for table: AnswerTable, rows: Int, columns: Int) -> Int? {
    guard !table.variables.isEmpty else { return nil }
    var widths = table.variables.map { DisplayWidth.of($0) }
    for row in table.rows.prefix(rows) {
      for (i, value) in row.enumerated() where i < widths.count {
        widths[i] = max(widths[i], DisplayWidth.of(ValueFormatter.source(value)))
      }
    }
    var left = columns - 2 * (widths.count - 1)  // two spaces between columns
    let sorted = widths.sorted()
    for (i, width) in sorted.enumerated() {
      let share = left / (sorted.count - i)
      if width > share { return max(narrowestCell, share) }
      left -= width
    }
    return nil
  }
}
