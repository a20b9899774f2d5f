extension Parser {
  /// Skips to just after the next `.` (or to the next annotation), so that one bad clause does
  /// not hide the errors of the clauses after it.
  mutating func recover() {
    let startLine = current.line
    var first = true
    while !atEnd {
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
