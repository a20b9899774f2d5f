/// Enforces an ``EvaluationBudget`` during one evaluation: derived-fact cap, time, Ctrl-C.
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

  init(_ budget: EvaluationBudget) {
    self.budget = budget
  }

  /// Records `added` new facts of `predicate`.
  func count(_ added: Int, for predicate: Int) {
    derived[predicate, default: 0] += added
    total += added
  }

  /// The predicate that grew the most (lowest number on a tie), or `fallback`.
  func largest(or fallback: Int) -> Int {
    derived.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key ?? fallback
  }

  func checkGrowth(extra: Int, predicate: Int) throws(EvaluationError) {
    if total + extra > budget.maximumDerivedFacts {
      throw .factLimit(limit: budget.maximumDerivedFacts, predicate: extra > 0 ? predicate : largest(or: predicate))
    }
    try check()
  }

  func check() throws(EvaluationError) {
    if budget.shouldStop() { throw .cancelled }
    if budget.timeLimit > 0 {
      let elapsed = ContinuousClock.now - start
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      if seconds > budget.timeLimit {
        throw .timeLimit(seconds: budget.timeLimit, predicate: largest(or: current))
      }
    }
  }
}
