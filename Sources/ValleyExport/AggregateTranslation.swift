import ValleyEngine

/// The SQL value of `count`, `sum`, `min` or `max` over the distinct tuples of an aggregate's
/// body: correlated scalar subqueries over `SELECT DISTINCT terms FROM body`.
///
/// `count` counts the tuples; `sum` adds the first term (an integer while every addend is an
/// integer, else a decimal; 0 for no tuples); `min` and `max` take the least and greatest
/// first term in Valley's order, an integer before an equal decimal (NULL for no tuples,
/// which fails the body).
struct AggregateTranslation {
  /// The kinds of the aggregate's value.
  let kinds: KindSet
  /// The aggregated row: one expression per SQL part of the value (one, or four), over the
  /// distinct tuples `x`.
  let columns: [String]
  /// The tuples: `(SELECT DISTINCT ... ) AS x`.
  let tuples: String
  /// What follows `FROM tuples`: an `ORDER BY ... LIMIT 1` for `min`/`max` of several kinds
  /// (then no tuple gives no row), else nothing (one row, always).
  let tail: String
  /// Whether no tuples give a NULL value that fails the body (`min`/`max` of one kind).
  let nullWhenEmpty: Bool
  /// The parts that are constants rather than aggregates (a sum's symbol part).
  private(set) var constantParts: Set<Int> = []

  init(dialect: SQLDialect, kind: Syntax.AggregateKind, terms: [SQLValue], clauses: String, place: String) {
    // The inner query's columns: c0, c1... over every part of every term.
    var inner: [String] = []
    var first: SQLValue?
    for (n, term) in terms.enumerated() {
      let start = inner.count
      inner += term.expressions
      if n == 0 { first = .reading((start..<inner.count).map { "x.c\($0)" }, kinds: term.kinds) }
    }
    let list = inner.enumerated().map { "\($1) AS c\($0)" }.joined(separator: ", ")
    tuples = "(SELECT DISTINCT \(list)\(clauses)) AS x"
    let e = first!
    func flag(_ kind: ValueKind) -> String {
      "COALESCE(max(CASE WHEN \(e.isKind(kind, dialect).text) THEN 1 ELSE 0 END), 0) = 1"
    }
    /// The values of one kind, the others' fillers in their place.
    func only(_ kind: ValueKind) -> String {
      e.kinds.single == kind
        ? e.part(kind)
        : "CASE WHEN \(e.isKind(kind, dialect).text) THEN \(e.part(kind)) ELSE \(dialect.sentinel(kind)) END"
    }

    switch kind {
    case .count:
      (kinds, columns, tail, nullWhenEmpty) = (.integer, ["count(*)"], "", false)

    case .sum:
      // Always an aggregate, so that no tuples still give one row (the sum 0).
      let integers =
        e.kinds.has(.integer)
        ? "COALESCE(\(dialect.integerSum(only(.integer))), \(dialect.integer(0)))"
        : "(count(*) * \(dialect.integer(0)))"
      let symbolCheck =
        e.kinds.has(.symbol)
        ? "WHEN \(flag(.symbol)) THEN \(dialect.error("sum over a symbol\(place)", kind: .integer)) " : ""
      (tail, nullWhenEmpty) = ("", false)
      guard e.kinds.has(.decimal) else {
        kinds = .integer
        columns = [symbolCheck.isEmpty ? integers : "CASE \(symbolCheck)ELSE \(integers) END"]
        return
      }
      // An integer while every addend is one; else the decimal sum, the integers first.
      let decimals = "COALESCE(sum(\(only(.decimal))), \(dialect.sentinel(.decimal)))"
      let total = dialect.decimalArithmetic(.add, dialect.toDouble(integers), decimals, context: "in a sum\(place)")
      let hasDecimal = flag(.decimal)
      kinds = .numbers
      columns = [
        "CASE \(symbolCheck)WHEN \(hasDecimal) THEN \(dialect.tag(.decimal)) ELSE \(dialect.tag(.integer)) END",
        "CASE WHEN \(hasDecimal) THEN \(dialect.sentinel(.integer)) ELSE \(integers) END",
        "CASE WHEN \(hasDecimal) THEN \(total) ELSE \(dialect.sentinel(.decimal)) END",
        dialect.sentinel(.symbol),
      ]
      constantParts = [3]

    case .min, .max:
      let function = kind == .min ? "min" : "max"
      if let single = e.kinds.single, case .single(let column) = e.form {
        let argument = single == .symbol ? dialect.symbolOrder(column) : column
        (kinds, columns, tail, nullWhenEmpty) = (e.kinds, ["\(function)(\(argument))"], "", true)
        return
      }
      guard case .parts(let t, let i, let d, let s) = e.form else {
        (kinds, columns, tail, nullWhenEmpty) = ([], ["NULL"], "", true)
        return
      }
      // Value order: numbers (numerically: the double nearest each, then the exact side of
      // it an integer lies on, then the integer), an integer before an equal decimal, then
      // symbols by bytes.
      let (integer, decimal, symbol) = (dialect.tag(.integer), dialect.tag(.decimal), dialect.tag(.symbol))
      let number =
        "(CASE WHEN \(t) = \(integer) THEN \(dialect.toDouble(i)) WHEN \(t) = \(decimal) THEN \(d) ELSE \(dialect.sentinel(.decimal)) END)"
      let side = "(CASE WHEN \(t) = \(integer) THEN \(dialect.exactComparison(i, number)) ELSE 0 END)"
      var keys = ["(CASE WHEN \(t) = \(symbol) THEN 1 ELSE 0 END)"]
      if e.kinds.has(.integer) && e.kinds.has(.decimal) {
        keys += [number, side, "(CASE WHEN \(side) <> 0 THEN \(i) ELSE \(dialect.sentinel(.integer)) END)"]
      } else if e.kinds.has(.integer) {
        keys.append(i)
      } else if e.kinds.has(.decimal) {
        keys.append(d)
      }
      keys += [t, dialect.symbolOrder(s)]
      let direction = kind == .min ? "" : " DESC"
      kinds = e.kinds
      columns = [t, i, d, s]
      tail = " ORDER BY " + keys.map { $0 + direction }.joined(separator: ", ") + " LIMIT 1"
      nullWhenEmpty = true
    }
  }

  /// The value from a row `alias` that holds ``columns`` as `c0`, `c1`...
  func value(alias: String) -> SQLValue {
    value(columns.indices.map { "\(alias).c\($0)" })
  }

  /// The value as scalar subqueries, one per part (a constant part stays a constant: over
  /// no tuples, a subquery without an aggregate function gives NULL).
  var scalarValue: SQLValue {
    value(
      columns.indices.map { constantParts.contains($0) ? columns[$0] : "(SELECT \(columns[$0]) FROM \(tuples)\(tail))" }
    )
  }

  /// The row as a subquery with columns `c0`, `c1`...
  var row: String {
    "(SELECT \(columns.enumerated().map { "\($1) AS c\($0)" }.joined(separator: ", ")) FROM \(tuples)\(tail))"
  }

  private func value(_ parts: [String]) -> SQLValue { .reading(parts, kinds: kinds) }
}
