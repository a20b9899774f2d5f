import ValleyEngine

/// How `valley grade` prints its rows.
public enum GradeFormat: String, Sendable, CaseIterable {
  /// Aligned columns with a header, then one summary line per student.
  case table
  /// RFC 4180 CSV with a header line (CRLF line ends, as Valley's CSV answers).
  case csv
  /// JSON Lines: one object per row.
  case json
}

/// Renders a ``GradeSheet``: the rows for standard output, diagnostics for standard error.
public enum GradeRenderer {
  /// The columns, in order.
  public static let columns = ["student", "exercise", "result", "detail"]
  /// The columns of a sheet whose set gives partial credit: the score follows the result.
  public static let scoredColumns = ["student", "exercise", "result", "score", "detail"]

  /// The text for standard output.
  public static func render(_ sheet: GradeSheet, format: GradeFormat) -> String {
    let header = sheet.scored ? scoredColumns : columns
    let cells = sheet.rows.map { row in
      [row.student, row.exercise, row.result.status.rawValue] + (sheet.scored ? [score(row.result)] : [])
        + [fullDetail(row.result)]
    }
    switch format {
    case .table:
      let body = TextTable.render(header: header, rows: cells, rightAligned: sheet.scored ? [3] : [])
      return body + "\n\n" + summaries(sheet).joined(separator: "\n") + "\n"
    case .csv:
      let table = AnswerTable(query: "", variables: header, rows: cells.map { $0.map(Value.symbol) })
      return AnswerRenderer.render(table, format: .csv)
    case .json:
      return sheet.rows.map(jsonLine).joined()
    }
  }

  /// The text for standard error: problems with the answer files, and (for the table format)
  /// the full rendering of every answer that did not run, with its source line and caret.
  public static func diagnostics(_ sheet: GradeSheet, format: GradeFormat, color: Bool = false) -> String {
    var parts = sheet.fileProblems.map { $0.rendered(color: color) }
    if format == .table {
      for row in sheet.rows {
        if let report = row.result.report, !report.diagnostics.isEmpty {
          parts.append(report.rendered(color: color))
        }
      }
    }
    return parts.isEmpty ? "" : parts.joined(separator: "\n") + "\n"
  }

  /// A row's score in hundredths: its own, or all or nothing for an exercise without
  /// partial credit.
  static func hundredths(_ result: CheckResult) -> Int {
    result.score.map(CheckResult.hundredths) ?? (result.status == .correct ? 100 : 0)
  }

  /// A row's score with two decimals.
  static func score(_ result: CheckResult) -> String {
    CheckResult.decimal(hundredths: hundredths(result))
  }

  /// The detail and the notes, separated by `; ` (the table and CSV column).
  static func fullDetail(_ result: CheckResult) -> String {
    ([result.detail] + result.notes).joined(separator: "; ")
  }

  /// `alice: 7 of 8 correct` for each student, in order.
  static func summaries(_ sheet: GradeSheet) -> [String] {
    var order: [String] = []
    var counts: [String: (correct: Int, total: Int, hundredths: Int)] = [:]
    for row in sheet.rows {
      if counts[row.student] == nil { order.append(row.student) }
      var count = counts[row.student] ?? (0, 0, 0)
      count.total += 1
      if row.result.status == .correct { count.correct += 1 }
      count.hundredths += hundredths(row.result)
      counts[row.student] = count
    }
    return order.map { student in
      let count = counts[student] ?? (0, 0, 0)
      let line = "\(student): \(count.correct) of \(count.total) correct"
      guard sheet.scored else { return line }
      return line + ", score \(CheckResult.decimal(hundredths: count.hundredths)) of \(count.total)"
    }
  }

  private static func jsonLine(_ row: GradeRow) -> String {
    var fields = [
      ("student", JSON.string(row.student)), ("exercise", JSON.string(row.exercise)),
      ("result", JSON.string(row.result.status.rawValue)), ("detail", JSON.string(row.result.detail)),
    ]
    if let score = row.result.scoreText { fields.insert(("score", score), at: 3) }
    if !row.result.notes.isEmpty {
      fields.append(("notes", "[" + row.result.notes.map(JSON.string).joined(separator: ", ") + "]"))
    }
    if let report = row.result.report, let first = report.errors.first, let location = report.location(of: first) {
      fields.append(("line", String(location.line)))
      fields.append(("column", String(location.column)))
    }
    return JSON.object(fields) + "\n"
  }
}
