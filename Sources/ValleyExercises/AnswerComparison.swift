import ValleyEngine

/// How a student's answers compare with the expected answers, as sets of rows.
///
/// Columns are matched by position, so variable names do not matter. When the same rows come
/// out with the columns in another order, the answer is accepted and ``columnOrder`` says how
/// the columns were moved. When the rows differ, the columns are compared in the order that
/// matches the most rows.
public struct AnswerComparison: Sendable {
  /// Whether the rows are the same.
  public var isCorrect: Bool { columnCounts == nil && missing.isEmpty && extra.isEmpty }
  /// Expected rows the student's query does not give, in value order.
  public var missing: [[Value]]
  /// Rows the student's query gives that are not expected, in value order.
  public var extra: [[Value]]
  /// When the columns were compared in another order: for each expected column, the
  /// student's column (0-based) that was compared with it.
  public var columnOrder: [Int]?
  /// When the number of columns differs: the student's and the expected number.
  public var columnCounts: (student: Int, expected: Int)?

  /// The most columns for which every order is tried (6! = 720 orders).
  public static let maximumReorderedColumns = 6

  /// Compares `student` with `expected`.
  public static func compare(student: AnswerTable, expected: AnswerTable) -> AnswerComparison {
    let studentWidth = student.variables.count
    let expectedWidth = expected.variables.count
    if studentWidth != expectedWidth {
      return AnswerComparison(
        missing: [], extra: [], columnOrder: nil, columnCounts: (studentWidth, expectedWidth))
    }
    let wanted = Set(expected.rows)
    func difference(_ order: [Int]) -> (missing: [[Value]], extra: [[Value]]) {
      let given = Set(student.rows.map { row in order.map { row[$0] } })
      return (sorted(wanted.subtracting(given)), sorted(given.subtracting(wanted)))
    }
    let identity = Array(0..<studentWidth)
    var best = (order: identity, result: difference(identity))
    if !(best.result.missing.isEmpty && best.result.extra.isEmpty),
      studentWidth > 1, studentWidth <= maximumReorderedColumns
    {
      for order in permutations(of: identity) where order != identity {
        let result = difference(order)
        if result.missing.count + result.extra.count < best.result.missing.count + best.result.extra.count {
          best = (order, result)
          if result.missing.isEmpty && result.extra.isEmpty { break }
        }
      }
    }
    return AnswerComparison(
      missing: best.result.missing, extra: best.result.extra,
      columnOrder: best.order == identity ? nil : best.order, columnCounts: nil)
  }

  /// Every order of `items`, in lexicographic order of positions (deterministic).
  static func permutations(of items: [Int]) -> [[Int]] {
    guard items.count > 1 else { return [items] }
    var result: [[Int]] = []
    for (i, first) in items.enumerated() {
      var rest = items
      rest.remove(at: i)
      for tail in permutations(of: rest) { result.append([first] + tail) }
    }
    return result
  }

  /// Rows in value order, column by column.
  static func sorted(_ rows: Set<[Value]>) -> [[Value]] {
    rows.sorted { a, b in
      for (x, y) in zip(a, b) where x != y { return Value.sortsBefore(x, y) }
      return a.count < b.count
    }
  }
}
