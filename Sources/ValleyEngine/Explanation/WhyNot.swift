/// Why a ground goal does not hold: for each rule that could derive it, the first premise
/// that fails and the bindings found up to that point; for the predicate's facts, the closest
/// ones (one argument different).
///
/// Each rule is examined on its own with the goal's values bound into its head; sub-goals are
/// not explored further, so recursive predicates cannot make the analysis loop.
public struct WhyNotReport: Sendable {
  /// What happened to one rule.
  public struct RuleFinding: Sendable {
    /// `file:line` of the rule.
    public var location: String
    /// The rule as written.
    public var text: String
    /// Why the head cannot match the goal, if it cannot.
    public var headMismatch: String?
    /// The premise that fails, with the values known so far.
    public var failingPremise: String?
    /// Why it fails, in plain words.
    public var reason: String?
    /// The bindings found before the failing premise.
    public var bindings: [(name: String, value: String)]
  }

  /// The goal as written.
  public var goal: String
  /// Whether the goal holds after all (then there is nothing to explain).
  public var holds: Bool
  /// One finding per rule of the goal's predicate.
  public var rules: [RuleFinding]
  /// Whether the predicate has stored facts.
  public var hasFacts: Bool
  /// Facts of the predicate that differ from the goal in exactly one argument.
  public var closest: [String]
}

extension Explainer {
  /// Analyses why `predicate(goal)` does not hold.
  func whyNot(
    _ predicate: Int, _ goal: [Value], goalText: String, budget: EvaluationBudget
  ) -> WhyNotReport {
    let ids = goal.map { pool.lookup($0) }
    let relation = predicate < model.relations.count ? model.relations[predicate] : Relation(arity: goal.count)
    if !ids.contains(where: { $0 == nil }), relation.contains(ids.compactMap { $0 }) {
      return WhyNotReport(goal: goalText, holds: true, rules: [], hasFacts: true, closest: [])
    }
    var findings: [WhyNotReport.RuleFinding] = []
    for (index, rule) in program.rules.enumerated() where rule.head.predicate == predicate {
      findings.append(examine(rule, index: index, goal: goal, budget: budget))
    }
    var closest: [[Value]] = []
    for r in 0..<relation.count {
      let row = relation.row(r).map { pool[$0] }
      if zip(row, goal).filter({ $0 != $1 }).count == 1 { closest.append(row) }
    }
    closest.sort { a, b in
      for (x, y) in zip(a, b) where x != y { return Value.sortsBefore(x, y) }
      return false
    }
    return WhyNotReport(
      goal: goalText, holds: false, rules: findings, hasFacts: relation.count > 0,
      closest: closest.prefix(5).map { atomText(predicate, $0) })
  }

  /// Why `query` does not give the answer `row` (one value per answer variable, in order): the
  /// query is examined like a rule whose head is its answer variables, so the report has one
  /// finding, located at `location`, with the first premise that fails for that row.
  func whyNotAnswer(
    _ query: Query, row: [Value], text: String, location: String, budget: EvaluationBudget
  ) -> WhyNotReport {
    let head = Atom(
      predicate: -1, arguments: query.answerVariables.map { .variable($0, query.span) }, span: query.span)
    let rule = Rule(
      head: head, body: query.body, variableNames: query.variableNames, span: query.span, source: nil,
      note: nil, unit: -1, text: text)
    var finding = examine(rule, index: -1, goal: row, budget: budget)
    finding.location = location
    let holds = finding.headMismatch == nil && finding.failingPremise == nil
    return WhyNotReport(goal: text, holds: holds, rules: holds ? [] : [finding], hasFacts: false, closest: [])
  }

  private func examine(
    _ rule: Rule, index: Int, goal: [Value], budget: EvaluationBudget
  ) -> WhyNotReport.RuleFinding {
    let names = rule.variableNames
    var finding = WhyNotReport.RuleFinding(
      location: location(rule.span), text: rule.text, headMismatch: nil, failingPremise: nil,
      reason: nil, bindings: [])
    let head = HeadBinding(binding: rule, to: goal, pool: pool)
    if let mismatch = head.mismatch {
      finding.headMismatch = mismatch
      return finding
    }
    let slots = head.slots
    let bound = head.bound
    let body = head.body
    let planner = Planner(pool: pool, store: model).withAnonymous(names: names)
    let order = planner.orderIndices(body, bound: bound)
    // The longest prefix of the ordered body that still has a solution.
    var lastSolution = slots
    var boundSoFar = bound
    for (k, literalIndex) in order.enumerated() {
      var prefixBound = bound
      var slotCount = names.count
      let steps = planner.order(
        order[0...k].map { body[$0] }, bound: &prefixBound, slots: &slotCount, sources: [:], first: nil)
      var solution: [UInt32]?
      do throws(EvaluationError) {
        try search(steps, slotCount: slotCount, ruleIndex: index, from: slots, budget: budget) { f in
          solution = f.values
          return false
        }
      } catch {
        if solution == nil {
          finding.reason = "evaluating this premise failed"
        }
      }
      guard let found = solution else {
        finding.failingPremise = describe(body[literalIndex], names: names, lastSolution, bound: boundSoFar)
        if finding.reason == nil {
          finding.reason = reason(for: body[literalIndex], names: names, lastSolution, bound: boundSoFar)
          if case .aggregate(let agg) = body[literalIndex], boundSoFar.contains(agg.result) {
            finding.reason = aggregateReason(
              agg, names: names, lastSolution, bound: boundSoFar, planner: planner, budget: budget)
          }
        }
        finding.bindings = boundSoFar.sorted().filter { !names[$0].hasPrefix("_") }.map {
          (names[$0], ValueFormatter.source(pool[lastSolution[$0]]))
        }
        return finding
      }
      lastSolution = found
      boundSoFar = prefixBound
    }
    if let derived = headMismatch(rule, index: index, body: body, slots: slots, goal: goal, budget: budget) {
      let shown =
        rule.head.predicate >= 0
        ? atomText(rule.head.predicate, derived)
        : "(" + derived.map(ValueFormatter.source).joined(separator: ", ") + ")"
      finding.failingPremise = shown
      finding.reason =
        "every premise holds, but the \(rule.head.predicate >= 0 ? "rule derives" : "query gives") \(shown): "
        + "an integer and a decimal are different values, even when they are equal as numbers"
      return finding
    }
    if rule.head.predicate < 0 { return finding }  // a query that gives the row: it holds
    finding.reason = "every premise holds (the goal should hold; this is unexpected)"
    return finding
  }

  /// When the body holds but only with head values equal as numbers, not the same values
  /// (the goal has 0, the rule derives 0.0): the head the first solution derives.
  private func headMismatch(
    _ rule: Rule, index: Int, body: [Literal], slots: [UInt32], goal: [Value],
    budget: EvaluationBudget
  ) -> [Value]? {
    let planner = Planner(pool: pool, store: model).withAnonymous(names: rule.variableNames)
    let plan = planner.plan(head: nil, body: body, variableCount: rule.variableNames.count, ruleIndex: index)
    var first: [Value]?
    var exact = false
    do throws(EvaluationError) {
      try search(plan.steps, slotCount: plan.slotCount, ruleIndex: index, from: slots, budget: budget) {
        (f: RuleFrame) throws(EvaluationError) -> Bool in
        var values: [Value] = []
        for term in rule.head.arguments { values.append(try f.value(term)) }
        if first == nil { first = values }
        exact = values == goal
        return !exact
      }
    } catch {}
    return exact ? nil : first
  }

  /// For an aggregate whose result was already bound: is the group empty, or is its value
  /// another one? Runs the aggregate alone with its result left free.
  private func aggregateReason(
    _ agg: Aggregate, names: [String], _ slots: [UInt32], bound: Set<Int>, planner: Planner,
    budget: EvaluationBudget
  ) -> String {
    var free = bound
    free.remove(agg.result)
    var stepBound = free
    var slotCount = names.count
    let steps = planner.order([.aggregate(agg)], bound: &stepBound, slots: &slotCount, sources: [:], first: nil)
    var value: UInt32?
    let result = agg.result
    do throws(EvaluationError) {
      try search(steps, slotCount: slotCount, ruleIndex: -1, from: slots, budget: budget) { f in
        value = f.slots[result]
        return false
      }
    } catch {}
    let wanted = ValueFormatter.source(pool[slots[result]])
    guard let value else {
      return "the group is empty, so \(agg.kind.rawValue) has no value (\(names[result]) = \(wanted) was wanted)"
    }
    return
      "\(agg.kind.rawValue) { ... } is \(ValueFormatter.source(pool[value])) for this group, not \(names[result]) = \(wanted)"
  }

  /// Runs `steps` over the model (given the indexes they need, kept for the explainer's later
  /// searches) from the slots `slots`, handing each solution to `visit` until it returns false.
  private func search(
    _ steps: [Step], slotCount: Int, ruleIndex: Int, from slots: [UInt32], budget: EvaluationBudget,
    while visit: @escaping (RuleFrame) throws(EvaluationError) -> Bool
  ) throws(EvaluationError) {
    let runner = PlanRunner(indexing: &indexed.store, for: steps, pool: pool, budget: budget)
    try runner.search(steps, slotCount: slotCount, ruleIndex: ruleIndex, initial: slots, while: visit)
  }

  private func text(_ term: Term, names: [String], _ slots: [UInt32], bound: Set<Int>) -> String {
    switch term {
    case .variable(let v, _):
      return bound.contains(v) ? ValueFormatter.source(pool[slots[v]]) : names[v]
    case .constant(let c, _): return ValueFormatter.source(c)
    case .binary(let op, let l, let r, _):
      return
        "\(text(l, names: names, slots, bound: bound)) \(op.rawValue) \(text(r, names: names, slots, bound: bound))"
    case .negate(let t, _): return "-" + text(t, names: names, slots, bound: bound)
    }
  }

  private func atomText(_ atom: Atom, names: [String], _ slots: [UInt32], bound: Set<Int>) -> String {
    let name = program.catalog[atom.predicate].name
    if atom.arguments.isEmpty { return name }
    return "\(name)(\(atom.arguments.map { text($0, names: names, slots, bound: bound) }.joined(separator: ", ")))"
  }

  private func describe(_ literal: Literal, names: [String], _ slots: [UInt32], bound: Set<Int>) -> String {
    switch literal {
    case .positive(let atom): return atomText(atom, names: names, slots, bound: bound)
    case .negative(let atom): return "not " + atomText(atom, names: names, slots, bound: bound)
    case .comparison(let op, let l, let r, _):
      return
        "\(text(l, names: names, slots, bound: bound)) \(op.rawValue) \(text(r, names: names, slots, bound: bound))"
    case .aggregate(let agg):
      let name = names[agg.result].hasPrefix("_") ? "" : names[agg.result] + " = "
      return "\(name)\(agg.kind.rawValue) { ... }"
    }
  }

  private func reason(for literal: Literal, names: [String], _ slots: [UInt32], bound: Set<Int>) -> String {
    switch literal {
    case .positive(let atom):
      let name = program.catalog[atom.predicate].name
      return "no fact of \(name)/\(atom.arguments.count) matches (stored or derived)"
    case .negative(let atom):
      return "\(atomText(atom, names: names, slots, bound: bound)) holds, so its negation fails"
    case .comparison:
      return "the comparison is false for every binding found so far"
    case .aggregate(let agg):
      return agg.kind == .min || agg.kind == .max
        ? "the group is empty, so \(agg.kind.rawValue) has no value"
        : "the aggregate's value does not match"
    }
  }
}
