/// Finds again, when an explanation asks, a derivation of a derived fact.
///
/// Evaluation keeps only each fact's stamp (see ``Provenance``). The search runs each rule of
/// the fact's predicate, in program order, with the fact's values bound into its head, and
/// accepts the first binding whose positive premises are stored facts or derived facts with a
/// smaller stamp. The rule that derived the fact has such a binding (its round read only
/// older facts), so the search succeeds, and the derivation found is one of least height.
struct DerivationSearch {
  let program: Program
  let pool: ValuePool
  let provenance: Provenance
  let base: FactStore
  let budget: EvaluationBudget
  /// The model, given the indexes the searches need (built once, kept across searches).
  let indexed: IndexedModel

  /// The rule and the values of all its variables of a derivation of `predicate(ids)`, row
  /// `row` of the model, or nil when no rule derives it.
  func derivation(of predicate: Int, _ ids: [UInt32], row: Int) -> (rule: Int, bindings: [UInt32])? {
    let stamp = provenance.stamp(of: predicate, row: row)
    let rules = program.rules.indices.filter { program.rules[$0].head.predicate == predicate }
    // Stamp 0 on a derived fact would mean it was never stamped; any derivation is then shown.
    for limit in stamp > 0 ? [stamp, nil] : [nil] {
      for rule in rules {
        if let bindings = search(rule, ids, below: limit) { return (rule, bindings) }
      }
    }
    return nil
  }

  /// The first binding of `rule`'s body that derives exactly `ids` from premises stamped below
  /// `limit` (or any premises, without a limit).
  private func search(_ index: Int, _ ids: [UInt32], below limit: UInt32?) -> [UInt32]? {
    let rule = program.rules[index]
    guard let start = HeadBinding(rule, values: ids.map { pool[$0] }, pool: pool) else { return nil }
    let names = rule.variableNames
    var bound = start.bound
    var slotCount = names.count
    let planner = Planner(pool: pool, store: indexed.store).withAnonymous(names: names)
    let steps = planner.order(start.body, bound: &bound, slots: &slotCount, sources: [:], first: nil)
    let runner = PlanRunner(indexing: &indexed.store, for: steps, pool: pool, budget: budget)
    let model = indexed.store
    var found: [UInt32]?
    do throws(EvaluationError) {
      try runner.search(steps, slotCount: slotCount, ruleIndex: index, initial: start.slots) {
        (frame: RuleFrame) throws(EvaluationError) -> Bool in
        for (term, id) in zip(rule.head.arguments, ids) {
          if pool.lookup(try frame.value(term)) != id { return true }
        }
        for literal in rule.body {
          guard case .positive(let atom) = literal else { continue }
          var tuple: [UInt32] = []
          for term in atom.arguments {
            guard let id = pool.lookup(try frame.value(term)) else { return true }
            tuple.append(id)
          }
          if !isVisible(atom.predicate, tuple, in: model, below: limit) { return true }
        }
        found = Array(frame.values.prefix(names.count))
        return false
      }
    } catch {
      return nil
    }
    return found
  }

  /// Whether a premise may be used: a stored fact, or a derived one stamped below `limit`.
  private func isVisible(_ predicate: Int, _ tuple: [UInt32], in model: FactStore, below limit: UInt32?) -> Bool {
    guard let limit else { return true }
    if predicate < base.relations.count, base.relations[predicate].contains(tuple) { return true }
    guard predicate < model.relations.count, let row = model.relations[predicate].rowIndex(of: tuple) else {
      return false
    }
    return provenance.stamp(of: predicate, row: row) < limit
  }
}

/// The model with the indexes that explanations have asked for: one copy per explanation,
/// shared by all of its searches.
final class IndexedModel {
  var store: FactStore

  init(_ store: FactStore) {
    self.store = store
  }
}

/// A rule's head bound to a goal's values: the slots and variables it binds, and the body with
/// the checks the binding could not make by itself. Used to find derivations and to examine
/// why a goal does not hold.
struct HeadBinding {
  /// The value identifiers of the variables bound so far.
  var slots: [UInt32]
  /// Which variables are bound.
  var bound: Set<Int>
  /// The rule's body, followed by the comparisons that check head arguments the binding
  /// left to the body.
  var body: [Literal]
  /// Why the head cannot match the goal, if it cannot.
  var mismatch: String?

  /// Binds `rule`'s head to `values`. A variable that only `=` or an aggregate binds is not
  /// bound from the goal when the value is a number (binding it first would make that a
  /// numeric check, so 0 would pass for 0.0); it is compared after the body instead, like a
  /// computed head argument.
  init(binding rule: Rule, to values: [Value], pool: ValuePool) {
    let names = rule.variableNames
    slots = [UInt32](repeating: 0, count: names.count)
    bound = []
    body = rule.body
    let atomBound = Planner.atomBound(rule.body, anonymous: [])
    for (term, value) in zip(rule.head.arguments, values) {
      switch term {
      case .variable(let v, _) where !atomBound.contains(v) && value.isNumber:
        body.append(.comparison(.equal, term, .constant(value, term.span), term.span))
      case .variable(let v, _):
        if bound.contains(v), pool[slots[v]] != value {
          mismatch =
            "\(names[v]) would have to be both \(ValueFormatter.source(pool[slots[v]])) and \(ValueFormatter.source(value))"
          return
        }
        slots[v] = pool.intern(value)
        bound.insert(v)
      case .constant(let c, _):
        if c != value {
          mismatch = "the head has \(ValueFormatter.source(c)) where the goal has \(ValueFormatter.source(value))"
          return
        }
      default:
        body.append(.comparison(.equal, term, .constant(value, term.span), term.span))
      }
    }
  }

  /// The binding, or nil when the head cannot match `values`.
  init?(_ rule: Rule, values: [Value], pool: ValuePool) {
    self.init(binding: rule, to: values, pool: pool)
    if mismatch != nil { return nil }
  }
}
