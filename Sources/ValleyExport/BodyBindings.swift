import ValleyEngine

/// How each variable of a rule body (or of an aggregate's body) gets its value, by the rule
/// the engine's planner follows (``Planner/binders(_:atomBound:)``): a variable that a
/// positive atom names as a plain argument takes that atom's value; any other variable takes
/// the value of its binder, the first `V = E` / `E = V` or aggregate that names it in written
/// order. Every other `=` is a numeric comparison. Variables bound outside (the grouping
/// variables of an aggregate's body) keep their outer value.
struct BodyBindings {
  /// Where a variable's value comes from.
  enum Source {
    /// Bound outside the body.
    case outer
    /// The first plain occurrences in positive atoms; `occurrences` lists them all.
    case atom
    /// `V = term` (literal index), the term computed from other variables.
    case assignment(literal: Int, Term)
    /// The result of the aggregate at literal index `literal`.
    case aggregate(literal: Int)
  }

  /// The source of every variable the body binds or reads.
  private(set) var sources: [Int: Source] = [:]
  /// For each variable bound by atoms: each (literal, argument) where it is a plain argument.
  private(set) var occurrences: [Int: [(literal: Int, argument: Int)]] = [:]
  /// Literal indices of comparisons that bind a variable (they are not conditions).
  private(set) var assignments: Set<Int> = []
  /// Literal indices of aggregates that bind their result (the others check it).
  private(set) var bindingAggregates: Set<Int> = []
  /// The slots of `_`.
  let anonymous: Set<Int>

  init(body: [Literal], outer: Set<Int>, anonymous: Set<Int>) {
    self.anonymous = anonymous
    for v in outer { sources[v] = .outer }
    let atomBound = Planner.atomBound(body, anonymous: anonymous).subtracting(outer)
    for (i, literal) in body.enumerated() {
      guard case .positive(let atom) = literal else { continue }
      for (j, term) in atom.arguments.enumerated() {
        if let v = term.variableSlot, atomBound.contains(v) {
          occurrences[v, default: []].append((i, j))
          sources[v] = .atom
        }
      }
    }
    let binders = Planner.binders(body, atomBound: atomBound.union(outer))
    for (v, i) in binders {
      switch body[i] {
      case .comparison(_, let l, let r, _):
        sources[v] = .assignment(literal: i, l.variableSlot == v ? r : l)
        assignments.insert(i)
      case .aggregate:
        sources[v] = .aggregate(literal: i)
        bindingAggregates.insert(i)
      default:
        break
      }
    }
  }

  /// Whether `v` is the anonymous variable (`_`).
  func isAnonymous(_ v: Int) -> Bool { anonymous.contains(v) }
}

extension Rule {
  /// The slots of `_` in this rule.
  var anonymousSlots: Set<Int> {
    Set(variableNames.indices.filter { variableNames[$0] == "_" })
  }
}
