/// Orders a rule's literals into join steps and chooses the indexes they use.
///
/// The order is greedy and deterministic: filters, negations and assignments run as soon as
/// their variables are bound; then the positive atom with the most bound arguments (the
/// delta atom first in a semi-naive variant; smaller relations first on a tie).
public struct Planner {
  /// Interns constants into identifiers.
  public let pool: ValuePool
  /// The relations, whose sizes break ties.
  public let store: FactStore

  /// Creates a planner.
  public init(pool: ValuePool, store: FactStore) {
    self.pool = pool
    self.store = store
  }

  /// Plans `body` for a head; `sources` gives the row source of top-level positive literals
  /// by their position in `body` (default: full), and `first` forces one literal to run first.
  /// `variableCount` is the clause's number of variables; the plan may add scratch slots
  /// after them (see ``order(_:bound:slots:sources:first:)``).
  public func plan(
    head: Atom?, body: [Literal], variableCount: Int, ruleIndex: Int,
    sources: [Int: RowSource] = [:], first: Int? = nil
  ) -> RulePlan {
    var bound = Set<Int>()
    var slots = variableCount
    let steps = order(body, bound: &bound, slots: &slots, sources: sources, first: first)
    let headOperands = head?.arguments.map { operand($0, bound: bound) } ?? []
    return RulePlan(
      headPredicate: head?.predicate ?? -1, head: headOperands, steps: steps,
      slotCount: slots, variableCount: variableCount, ruleIndex: ruleIndex)
  }

  private func operand(_ term: Term, bound: Set<Int>) -> Operand {
    switch term {
    case .variable(let v, _): return .slot(v)
    case .constant(let value, _): return .constant(pool.intern(value))
    default: return .expression(term)
    }
  }

  private func isReady(_ term: Term, _ bound: Set<Int>) -> Bool {
    term.variables.allSatisfy(bound.contains)
  }

  /// The steps of `body` in the order ``orderIndices(_:bound:first:)`` chooses. `slots` is the
  /// frame's size so far: a scan whose expression argument cannot be computed until a later
  /// literal runs reads that column into a new scratch slot, and a ``Step/same(slot:_:_:)``
  /// check follows as soon as the expression's variables are bound.
  func order(
    _ body: [Literal], bound: inout Set<Int>, slots: inout Int, sources: [Int: RowSource], first: Int?
  ) -> [Step] {
    var steps: [Step] = []
    var waiting: [(slot: Int, term: Term)] = []
    for i in orderIndices(body, bound: bound, first: first) {
      steps.append(step(for: body[i], index: i, bound: &bound, slots: &slots, waiting: &waiting, sources: sources))
      waiting.removeAll { check in
        guard isReady(check.term, bound) else { return false }
        steps.append(.same(slot: check.slot, check.term, check.term.span))
        return true
      }
    }
    // Safety binds every variable of an expression, so nothing is left waiting.
    for check in waiting { steps.append(.same(slot: check.slot, check.term, check.term.span)) }
    return steps
  }

  /// The order in which the literals of `body` run, given the variables bound before it.
  public func orderIndices(_ body: [Literal], bound initial: Set<Int>, first: Int? = nil) -> [Int] {
    var bound = initial
    let binders = Planner.binders(body, atomBound: Planner.atomBound(body, anonymous: anonymous))
    var remaining = Array(body.indices)
    var order: [Int] = []
    func take(_ position: Int) {
      let i = remaining.remove(at: position)
      order.append(i)
      bound.formUnion(binds(body[i], bound))
    }
    if let first, let position = remaining.firstIndex(of: first) { take(position) }
    while !remaining.isEmpty {
      if let position = remaining.firstIndex(where: { isCheap($0, in: body, bound, binders) }) {
        take(position)
        continue
      }
      // The positive atom with the most bound arguments; then the smaller relation. An atom
      // whose expression arguments need variables that neither earlier literals nor the atom
      // itself bind waits, unless every atom left is like that (then a scratch slot holds
      // the column until the expression can be computed).
      var best: (position: Int, ready: Bool, score: Int, size: Int)?
      for (position, i) in remaining.enumerated() {
        guard case .positive(let atom) = body[i] else { continue }
        let ready = expressionsReady(atom, bound)
        let score = atom.arguments.filter { isReady($0, bound) }.count
        let size = store.relations.indices.contains(atom.predicate) ? store.relations[atom.predicate].count : 0
        if let b = best {
          if b.ready && !ready { continue }
          if b.ready == ready && (score < b.score || (score == b.score && size >= b.size)) { continue }
        }
        best = (position, ready, score, size)
      }
      take(best?.position ?? 0)
    }
    return order
  }

  /// Whether every expression argument of `atom` can be computed once the variables in
  /// `bound` and the atom's own plain variables are bound.
  private func expressionsReady(_ atom: Atom, _ bound: Set<Int>) -> Bool {
    let own = Set(atom.arguments.compactMap(\.variableSlot))
    return atom.arguments.allSatisfy { term in
      term.variableSlot != nil || term.variables.allSatisfy { bound.contains($0) || own.contains($0) }
    }
  }

  /// The variables a literal binds when it runs with `bound` already bound.
  private func binds(_ literal: Literal, _ bound: Set<Int>) -> Set<Int> {
    switch literal {
    case .positive(let atom):
      return Set(atom.arguments.compactMap(\.variableSlot).filter { !anonymous.contains($0) })
    case .negative: return []
    case .comparison(let op, let l, let r, _):
      guard op == .equal else { return [] }
      if let v = l.variableSlot, !bound.contains(v) { return [v] }
      if let v = r.variableSlot, !bound.contains(v) { return [v] }
      return []
    case .aggregate(let agg): return [agg.result]
    }
  }

  /// Filters, negations, assignments and aggregates whose inputs are bound.
  private func isCheap(_ i: Int, in body: [Literal], _ bound: Set<Int>, _ binders: [Int: Int]) -> Bool {
    switch body[i] {
    case .positive: return false
    case .negative(let atom):
      return negationReady(atom, bound)
    case .comparison(let op, let l, let r, _):
      if isReady(l, bound) && isReady(r, bound) { return true }
      guard op == .equal else { return false }
      // `X = Expr` binds X only if it is X's binder; any other `=` on X waits for X and
      // compares numbers numerically (so `p(X), X = 1` answers a fact p(1.0)).
      if let v = l.variableSlot, !bound.contains(v), binders[v] == i, isReady(r, bound) { return true }
      if let v = r.variableSlot, !bound.contains(v), binders[v] == i, isReady(l, bound) { return true }
      return false
    case .aggregate(let agg):
      // Like `=`: an aggregate binds its result only as the result's binder, else checks it.
      return agg.grouping.allSatisfy(bound.contains) && (bound.contains(agg.result) || binders[agg.result] == i)
    }
  }

  /// For each variable that no positive atom binds as a plain argument, the literal that
  /// binds it: the first, in written order, of `V = E` or `E = V` (E not mentioning V) and the
  /// aggregates whose result is V. Fixing it here, rather than taking whichever `=` the
  /// join order reaches first, keeps the answers independent of the plan (`V = 1, V = Y`
  /// with Y = 1.0 binds V to 1 in every order).
  public static func binders(_ body: [Literal], atomBound: Set<Int>) -> [Int: Int] {
    var binders: [Int: Int] = [:]
    func claims(_ v: Int, unless other: Term?) -> Bool {
      !atomBound.contains(v) && binders[v] == nil && !(other?.variables.contains(v) ?? false)
    }
    for (i, literal) in body.enumerated() {
      switch literal {
      case .comparison(.equal, let l, let r, _):
        if let v = l.variableSlot, claims(v, unless: r) {
          binders[v] = i
        } else if let v = r.variableSlot, claims(v, unless: l) {
          binders[v] = i
        }
      case .aggregate(let agg) where claims(agg.result, unless: nil):
        binders[agg.result] = i
      default: break
      }
    }
    return binders
  }

  /// Variables that some positive atom of `body` binds as a plain argument (`anonymous`:
  /// the slots of `_`, which bind nothing).
  public static func atomBound(_ body: [Literal], anonymous: Set<Int>) -> Set<Int> {
    var vars = Set<Int>()
    for literal in body {
      if case .positive(let atom) = literal {
        for t in atom.arguments {
          if let v = t.variableSlot, !anonymous.contains(v) { vars.insert(v) }
        }
      }
    }
    return vars
  }

  /// A negation is ready when every argument is bound or is an anonymous variable that
  /// occurs nowhere else (the lowering gives each `_` its own slot, never bound).
  private func negationReady(_ atom: Atom, _ bound: Set<Int>) -> Bool {
    atom.arguments.allSatisfy { t in
      if let v = t.variableSlot { return bound.contains(v) || anonymous.contains(v) }
      return isReady(t, bound)
    }
  }

  /// Slots of `_` variables; set by ``withAnonymous(names:)``.
  var anonymous: Set<Int> = []

  /// A copy of the planner for a clause whose variable slots are named `names`: the slots
  /// named `_` are anonymous.
  public func withAnonymous(names: [String]) -> Planner {
    var copy = self
    copy.anonymous = Set(names.indices.filter { names[$0] == "_" })
    return copy
  }

  private func step(
    for literal: Literal, index: Int, bound: inout Set<Int>, slots: inout Int,
    waiting: inout [(slot: Int, term: Term)], sources: [Int: RowSource]
  ) -> Step {
    switch literal {
    case .positive(let atom):
      var scan = ScanStep(
        predicate: atom.predicate, source: sources[index] ?? .full, keyColumns: [],
        keyOperands: [], outputs: [], repeats: [])
      var boundHere = Set<Int>()
      var computed: [(column: Int, term: Term)] = []
      for (column, term) in atom.arguments.enumerated() {
        if let v = term.variableSlot {
          if anonymous.contains(v) { continue }
          if bound.contains(v) {
            scan.keyColumns.append(column)
            scan.keyOperands.append(.slot(v))
          } else if boundHere.contains(v) {
            scan.repeats.append((column, v))
          } else {
            scan.outputs.append((column, v))
            boundHere.insert(v)
          }
        } else if isReady(term, bound) {
          // A constant, or an expression over variables bound before the atom: looked up.
          scan.keyColumns.append(column)
          scan.keyOperands.append(operand(term, bound: bound))
        } else {
          computed.append((column, term))
        }
      }
      bound.formUnion(boundHere)
      // An expression that needs variables bound by this atom or later: the column goes to a
      // scratch slot, checked against the expression once its variables are bound (see
      // `order`: right after this scan when the atom binds them).
      for (column, term) in computed {
        scan.outputs.append((column, slots))
        waiting.append((slots, term))
        slots += 1
      }
      return .scan(scan)
    case .negative(let atom):
      var columns: [Int] = []
      var operands: [Operand] = []
      for (column, term) in atom.arguments.enumerated() {
        if let v = term.variableSlot, anonymous.contains(v) { continue }
        columns.append(column)
        operands.append(operand(term, bound: bound))
      }
      return .negation(predicate: atom.predicate, keyColumns: columns, keyOperands: operands, span: atom.span)
    case .comparison(let op, let l, let r, let span):
      if op == .equal {
        if let v = l.variableSlot, !bound.contains(v) {
          bound.insert(v)
          return .assign(slot: v, r, span)
        }
        if let v = r.variableSlot, !bound.contains(v) {
          bound.insert(v)
          return .assign(slot: v, l, span)
        }
      }
      return .filter(op, l, r, span)
    case .aggregate(let agg):
      var inner = bound.intersection(agg.grouping)
      let steps = order(agg.body, bound: &inner, slots: &slots, sources: [:], first: nil)
      let resultIsBound = bound.contains(agg.result)
      bound.insert(agg.result)
      return .aggregate(
        AggregatePlan(
          kind: agg.kind, result: agg.result, resultIsBound: resultIsBound, terms: agg.terms,
          steps: steps, span: agg.span))
    }
  }
}
