/// Which rows of a relation a scan reads during semi-naive evaluation.
public enum RowSource: Sendable, Hashable {
  /// Every row known when the round started (stable and delta).
  case full
  /// Rows known before the last round (stable only).
  case stable
  /// Rows new in the last round (delta only).
  case delta
}

/// A value a step needs: a bound slot, a constant, or an expression over bound slots.
public enum Operand: Sendable, Hashable {
  /// The value bound to a slot.
  case slot(Int)
  /// A constant, already interned.
  case constant(UInt32)
  /// An expression evaluated at run time.
  case expression(Term)
}

/// Reads the rows of an atom's relation that match the bound arguments.
public struct ScanStep: Sendable {
  /// The predicate read.
  public var predicate: Int
  /// Which rows.
  public var source: RowSource
  /// Columns with a known value, looked up through an index on exactly these columns.
  public var keyColumns: [Int]
  /// The values for `keyColumns`, in the same order.
  public var keyOperands: [Operand]
  /// Columns whose value binds a slot (first occurrence of the variable).
  public var outputs: [(column: Int, slot: Int)]
  /// Columns that must equal a slot bound earlier in the same atom (`p(X, X)`).
  public var repeats: [(column: Int, slot: Int)]
}

/// One step of a rule's nested-loop join.
public enum Step: Sendable {
  /// A positive atom.
  case scan(ScanStep)
  /// `not p(...)`: the atom's key (its non-`_` arguments) must match no row.
  case negation(predicate: Int, keyColumns: [Int], keyOperands: [Operand], span: SourceSpan)
  /// A comparison whose both sides are bound.
  case filter(Syntax.ComparisonOperator, Term, Term, SourceSpan)
  /// `X = Expr` with `X` unbound: binds the slot.
  case assign(slot: Int, Term, SourceSpan)
  /// The value in a scratch slot must be `term`'s value (the same value, not only an equal
  /// number): the column of an atom's expression argument whose variables were not bound
  /// before the atom (`p(X, X + 1)`, or `e(A, B + 1), f(B, A + 1)`).
  case same(slot: Int, Term, SourceSpan)
  /// An aggregate over a sub-plan; binds or checks `result`.
  case aggregate(AggregatePlan)
}

/// How to compute one aggregate for the current bindings of its grouping variables.
public struct AggregatePlan: Sendable {
  /// The function.
  public var kind: Syntax.AggregateKind
  /// The slot of the result.
  public var result: Int
  /// Whether `result` is already bound (then the aggregate only checks it).
  public var resultIsBound: Bool
  /// The aggregated tuple.
  public var terms: [Term]
  /// The steps of the aggregate's body.
  public var steps: [Step]
  /// Where it was written.
  public var span: SourceSpan
}

/// A rule (or query) compiled into join steps, for one choice of delta atom.
public struct RulePlan: Sendable {
  /// The predicate receiving the results (unused for queries).
  public var headPredicate: Int
  /// What to emit per binding.
  public var head: [Operand]
  /// The steps, in execution order.
  public var steps: [Step]
  /// How many slots the frame needs: the clause's variables, then scratch slots.
  public var slotCount: Int
  /// How many of the slots are the clause's variables (what provenance records).
  public var variableCount: Int
  /// The index of the rule in the program (for error messages), or -1 for a query.
  public var ruleIndex: Int
}

extension RulePlan {
  /// The predicate whose delta a semi-naive variant reads (nil for other plans).
  var deltaPredicate: Int? {
    for step in steps {
      if case .scan(let scan) = step, scan.source == .delta { return scan.predicate }
    }
    return nil
  }
}
