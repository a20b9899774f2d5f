/// Runs rule and query plans over the relations a ``StepCompiler`` reads: a fresh
/// ``RuleFrame`` per run, the plan's steps compiled into closures, and every solution handed
/// to the caller.
///
/// Semi-naive rounds, retraction, queries and explanations all run plans through this; what
/// happens to a solution (insert the head, mark it, collect an answer, stop at the first one)
/// is the caller's business.
struct PlanRunner {
  /// Compiles the steps over the relations (and deltas, and row limits) they read.
  let compiler: StepCompiler
  /// Interns the values that steps compute.
  let pool: ValuePool
  /// Checked every few thousand steps (time, Ctrl-C); while a plan runs its ``Budgeter/current``
  /// is the plan's head predicate.
  let budget: Budgeter

  /// Runs `steps` in a frame of `slotCount` slots, set from `initial` when given (the rest
  /// 0), calling `solution` for each complete binding.
  func run(
    _ steps: [Step], slotCount: Int, ruleIndex: Int, initial: [UInt32]? = nil,
    _ solution: @escaping Continuation
  ) throws(EvaluationError) {
    let frame = RuleFrame(slotCount: slotCount, pool: pool, ruleIndex: ruleIndex, tick: budget.check)
    if let initial { frame.set(initial) }
    try compiler.compile(steps, then: solution)(frame)
  }

  /// Runs `plan`, calling `solution` for each complete binding of its body.
  func run(_ plan: RulePlan, _ solution: @escaping Continuation) throws(EvaluationError) {
    budget.current = plan.headPredicate
    try run(plan.steps, slotCount: plan.slotCount, ruleIndex: plan.ruleIndex, solution)
  }

  /// Runs `plan` and hands `take` the head of each solution with its frame. The head is
  /// resolved into a scratch tuple (a ``HeadTuple``) that the next solution overwrites: copy
  /// it (insert it somewhere) to keep it.
  func forEachHead(
    _ plan: RulePlan, _ take: @escaping (RowView, RuleFrame) throws(EvaluationError) -> Void
  ) throws(EvaluationError) {
    let head = HeadTuple(plan.head)
    try run(plan) { (frame: RuleFrame) throws(EvaluationError) in try take(head.resolve(frame), frame) }
  }

  /// Runs `steps` from the slots `initial`, handing each solution to `visit` until it returns
  /// false: then the run stops there. Errors of the steps or of `visit` propagate.
  func search(
    _ steps: [Step], slotCount: Int, ruleIndex: Int, initial: [UInt32],
    while visit: @escaping (RuleFrame) throws(EvaluationError) -> Bool
  ) throws(EvaluationError) {
    var stopped = false
    do throws(EvaluationError) {
      try run(steps, slotCount: slotCount, ruleIndex: ruleIndex, initial: initial) {
        (frame: RuleFrame) throws(EvaluationError) in
        if try !visit(frame) {
          stopped = true
          throw .cancelled
        }
      }
    } catch {
      if !stopped { throw error }
    }
  }
}

extension PlanRunner {
  /// A runner over `store` for `steps` (no deltas): builds in `store` the indexes the steps
  /// look rows up in; aggregates stop at the budget's cap on derived facts, and a fresh
  /// ``Budgeter`` enforces the rest.
  init(indexing store: inout FactStore, for steps: [Step], pool: ValuePool, budget: EvaluationBudget) {
    var unusedDeltas: [Int: Set<[Int]>] = [:]
    Indexing.prepare(steps, store: &store, deltaIndexes: &unusedDeltas)
    self.init(
      compiler: StepCompiler(store: store, factCap: budget.maximumDerivedFacts, pool: pool), pool: pool,
      budget: Budgeter(budget))
  }
}
