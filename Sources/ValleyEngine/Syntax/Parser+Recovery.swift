extension Parser {
  /// Skips to just after the next `.` (or to the next annotation), so that one bad clause does
  /// not hide the errors of the clauses after it.
  mutating func recover() {
    depth = 0
    let startLine = current.line
    var first = true
    while !atEnd {
      // Unterminated quoted text swallowed the rest of its line, period included:
      // the clause ends with that line.
      if case .invalid(let d) = current.kind, d.kind == .E103 {
        let line = current.line
        advance()
        if current.line != line || atEnd { return }
        continue
      }
      if case .annotation = current.kind, !first || current.line != startLine { return }
      if current.isPunct(.period) {
        advance()
        return
      }
      advance()
      first = false
    }
  }
}
