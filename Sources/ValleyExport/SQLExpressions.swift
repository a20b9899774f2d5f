import ValleyEngine

/// Comparisons, identity and arithmetic on ``SQLValue``s, for each combination of the kinds
/// the operands may have, with Valley's meaning (LANGUAGE.md §2): numbers compare
/// numerically and before every symbol, symbols by bytes, `1` and `1.0` are equal numbers
/// but different values.
struct SQLExpressions {
  let dialect: SQLDialect

  /// Whether `a` and `b` are the same value (as atoms match: `1` is not `1.0`).
  func identical(_ a: SQLValue, _ b: SQLValue) -> Condition {
    let common = a.kinds.intersection(b.kinds)
    if common.isEmpty { return .false }
    if case .parts(let at, let ai, let ad, let asym) = a.form, case .parts(let bt, let bi, let bd, let bs) = b.form,
      common.kinds.count > 1
    {
      return Condition.all([
        Condition("\(at) = \(bt)"), Condition("\(ai) = \(bi)"), Condition("\(ad) = \(bd)"),
        Condition("\(asym) = \(bs)"),
      ])
    }
    return Condition.any(
      common.kinds.map { k in
        Condition.all([a.isKind(k, dialect), b.isKind(k, dialect), Condition("\(a.part(k)) = \(b.part(k))")])
      })
  }

  /// `a op b` in the value order.
  func compare(_ op: Syntax.ComparisonOperator, _ a: SQLValue, _ b: SQLValue) -> Condition {
    var cases: [(when: Condition, then: Condition)] = []
    for ka in a.kinds.kinds {
      for kb in b.kinds.kinds {
        let when = Condition.all([a.isKind(ka, dialect), b.isKind(kb, dialect)])
        cases.append((when, typedComparison(op, ka, a.part(ka), kb, b.part(kb))))
      }
    }
    if cases.isEmpty { return .false }
    if cases.count == 1 { return Condition.all([cases[0].when, cases[0].then]) }
    let arms = cases.map { "WHEN \($0.when.text) THEN \($0.then.text)" }.joined(separator: " ")
    return Condition("(CASE \(arms) ELSE FALSE END)")
  }

  private func typedComparison(
    _ op: Syntax.ComparisonOperator, _ ka: ValueKind, _ x: String, _ kb: ValueKind, _ y: String
  ) -> Condition {
    let symbol = Self.sql(op)
    switch (ka, kb) {
    case (.integer, .integer), (.decimal, .decimal): return Condition("(\(x) \(symbol) \(y))")
    case (.symbol, .symbol):
      switch op {
      case .equal, .notEqual: return Condition("(\(x) \(symbol) \(y))")
      default: return Condition("(\(dialect.symbolOrder(x)) \(symbol) \(y))")
      }
    case (.integer, .decimal): return Condition(dialect.compareIntegerWithDecimal(symbol, x, y))
    case (.decimal, .integer): return Condition(dialect.compareIntegerWithDecimal(Self.sql(Self.flipped(op)), y, x))
    case (.symbol, _): return Self.holds(op, order: 1) ? .true : .false
    case (_, .symbol): return Self.holds(op, order: -1) ? .true : .false
    }
  }

  /// The operator in SQL.
  static func sql(_ op: Syntax.ComparisonOperator) -> String {
    switch op {
    case .equal: "="
    case .notEqual: "<>"
    case .less: "<"
    case .lessEqual: "<="
    case .greater: ">"
    case .greaterEqual: ">="
    }
  }

  /// `b op' a` means `a op b`.
  static func flipped(_ op: Syntax.ComparisonOperator) -> Syntax.ComparisonOperator {
    switch op {
    case .less: .greater
    case .lessEqual: .greaterEqual
    case .greater: .less
    case .greaterEqual: .lessEqual
    default: op
    }
  }

  /// Whether `op` holds between two values whose order is `order` (-1, 0 or 1).
  static func holds(_ op: Syntax.ComparisonOperator, order: Int) -> Bool {
    switch op {
    case .equal: order == 0
    case .notEqual: order != 0
    case .less: order < 0
    case .lessEqual: order <= 0
    case .greater: order > 0
    case .greaterEqual: order >= 0
    }
  }

  // MARK: Arithmetic

  /// `a op b`: integers give an integer, a decimal operand a decimal; a symbol is an error.
  func arithmetic(_ op: Syntax.ArithmeticOperator, _ a: SQLValue, _ b: SQLValue, context: String) -> SQLValue {
    var integerCase: (when: Condition, then: String)?
    var decimalCases: [(when: Condition, then: String)] = []
    let symbols = a.kinds.has(.symbol) || b.kinds.has(.symbol)
    for ka in a.kinds.kinds where ka.isNumber {
      for kb in b.kinds.kinds where kb.isNumber {
        let when = Condition.all([a.isKind(ka, dialect), b.isKind(kb, dialect)])
        if ka == .integer && kb == .integer {
          integerCase = (when, dialect.integerArithmetic(op, a.part(ka), b.part(kb), context: context))
        } else {
          let x = ka == .integer ? dialect.toDouble(a.part(ka)) : a.part(ka)
          let y = kb == .integer ? dialect.toDouble(b.part(kb)) : b.part(kb)
          decimalCases.append((when, dialect.decimalArithmetic(op, x, y, context: context)))
        }
      }
    }
    // An operand of no kind cannot exist: the rule never fires.
    if a.kinds.isEmpty || b.kinds.isEmpty { return .none }
    let symbolError = "arithmetic on a symbol \(context)"
    switch (integerCase, decimalCases.isEmpty) {
    case (nil, true):
      return .single(.integer, dialect.error(symbolError, kind: .integer, on: [a.expressions[0], b.expressions[0]]))
    case (let integer?, true):
      return .single(.integer, choose([integer], orElse: symbols ? dialect.error(symbolError, kind: .integer) : nil))
    case (nil, false):
      return .single(.decimal, choose(decimalCases, orElse: symbols ? dialect.error(symbolError, kind: .decimal) : nil))
    case (let integer?, false):
      let error = dialect.error(symbolError, kind: .integer)
      let tag = choose(
        [(integer.when, dialect.tag(.integer))] + decimalCases.map { ($0.when, dialect.tag(.decimal)) },
        orElse: symbols ? error : nil)
      return SQLValue(
        kinds: .numbers,
        form: .parts(
          tag: tag,
          integer: "(CASE WHEN \(integer.when.text) THEN \(integer.then) ELSE \(dialect.sentinel(.integer)) END)",
          decimal: choose(
            decimalCases + [(integer.when, dialect.sentinel(.decimal))],
            orElse: symbols ? dialect.error(symbolError, kind: .decimal) : nil),
          symbol: dialect.sentinel(.symbol)))
    }
  }

  /// Unary minus.
  func negate(_ a: SQLValue, context: String) -> SQLValue {
    let symbolError = "arithmetic on a symbol \(context)"
    let numbers = a.kinds.intersection(.numbers)
    func negated(_ kind: ValueKind) -> String {
      kind == .integer
        ? dialect.integerNegation(a.part(.integer), context: context) : "(- \(a.part(.decimal)))"
    }
    if let kind = numbers.single, case .single = a.form { return .single(kind, negated(kind)) }
    guard case .parts(let tag, _, _, _) = a.form, !numbers.isEmpty else {
      return a.kinds.isEmpty
        ? .none : .single(.integer, dialect.error(symbolError, kind: .integer, on: [a.expressions[0]]))
    }
    // The fillers negate to fillers (0 and -0.0, equal to 0.0), so each part negates whole.
    let checkedTag =
      a.kinds.has(.symbol)
      ? "(CASE WHEN \(tag) = \(dialect.tag(.symbol)) THEN \(dialect.error(symbolError, kind: .integer)) ELSE \(tag) END)"
      : tag
    return SQLValue(
      kinds: numbers,
      form: .parts(
        tag: checkedTag,
        integer: numbers.has(.integer) ? negated(.integer) : dialect.sentinel(.integer),
        decimal: numbers.has(.decimal) ? negated(.decimal) : dialect.sentinel(.decimal),
        symbol: dialect.sentinel(.symbol)))
  }

  /// `CASE WHEN c1 THEN e1 ... [ELSE otherwise] END`; without `otherwise`, the last arm is
  /// the `ELSE` (the conditions cover every case).
  func choose(_ arms: [(when: Condition, then: String)], orElse otherwise: String?) -> String {
    if arms.count == 1 && otherwise == nil { return arms[0].then }
    if arms.count == 1, arms[0].when == .true { return arms[0].then }
    var text = "(CASE"
    let last = otherwise == nil ? arms.count - 1 : arms.count
    for arm in arms[..<last] { text += " WHEN \(arm.when.text) THEN \(arm.then)" }
    text += " ELSE \(otherwise ?? arms[arms.count - 1].then) END)"
    return text
  }
}
