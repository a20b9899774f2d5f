/// Enforces an ``EvaluationBudget`` during one evaluation: derived-fact cap, time, Ctrl-C;
/// and passes on how far the evaluation got to the budget's ``EvaluationBudget/progress``.
///
/// One object is shared by every stratum and closure of an evaluation (a class, so that
/// counting never copies its table).
final class Budgeter {
  let budget: EvaluationBudget
  let start = ContinuousClock.now
  /// New facts per predicate so far (add through ``count(_:for:)``).
  private(set) var derived: [Int: Int] = [:]
  /// Their sum.
  private(set) var total = 0
  /// The predicate whose rule is running.
  var current = -1
  /// Facts the running rule emitted that ``count(_:for:)`` has not added yet, as the last
  /// ``checkGrowth(extra:predicate:)`` saw them (for progress reports only).
  private var emitted = 0
  /// The predicates' names, for progress reports (none for a query's own evaluation).
  private let catalog: PredicateCatalog?
  /// When the next progress report is due, counted from ``start``.
  private var nextReport = Duration.zero

  /// The least time between two progress reports.
  static let reportInterval = Duration.milliseconds(50)

  /// A budgeter for evaluating a program whose predicates `catalog` names (nil for a query).
  init(_ budget: EvaluationBudget, catalog: PredicateCatalog? = nil) {
    self.budget = budget
    self.catalog = catalog
  }

  /// Records `added` new facts of `predicate`.
  func count(_ added: Int, for predicate: Int) {
    derived[predicate, default: 0] += added
    total += added
    emitted = 0
  }

  /// The predicate that grew the most (lowest number on a tie), or `fallback`.
  func largest(or fallback: Int) -> Int {
    derived.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key ?? fallback
  }

  func checkGrowth(extra: Int, predicate: Int) throws(EvaluationError) {
    if total + extra > budget.maximumDerivedFacts {
      throw .factLimit(limit: budget.maximumDerivedFacts, predicate: extra > 0 ? predicate : largest(or: predicate))
    }
    emitted = extra
    try check()
  }

  func check() throws(EvaluationError) {
    if budget.shouldStop() { throw .cancelled }
    guard budget.timeLimit > 0 || budget.progress != nil else { return }
    let elapsed = ContinuousClock.now - start
    if budget.timeLimit > 0 {
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      if seconds > budget.timeLimit {
        throw .timeLimit(seconds: budget.timeLimit, predicate: largest(or: current))
      }
    }
    if let progress = budget.progress, elapsed >= nextReport {
      nextReport = elapsed + Self.reportInterval
      progress(
        ProgressReport(activity: .evaluating(predicate: name(of: current)), facts: total + emitted, elapsed: elapsed))
    }
  }

  /// The name of predicate `number`; nil when there is none (a query).
  private func name(of number: Int) -> String? {
    guard let catalog, number >= 0, number < catalog.count else { return nil }
    return catalog[number].name
  }
}
