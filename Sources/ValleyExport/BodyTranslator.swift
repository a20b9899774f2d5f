import ValleyEngine

/// Where an atom's rows come from in one statement: a predicate's table, or (inside a
/// recursive stratum) the recursive query, its last round's rows, or a table of new rows.
struct RelationRef {
  /// `"name"` for the FROM clause; nil when the statement provides the alias itself (the
  /// row of a lateral join).
  var fromItem: String?
  /// The alias to use instead of a fresh one.
  var alias: String?
  /// For each Valley column, its SQL columns (one, or the four parts of a mixed column).
  var columns: [[String]]
  /// For each Valley column, the kinds it holds.
  var kinds: [KindSet]
  /// A column that must equal a value for the row to belong to the predicate (the tag of a
  /// recursive query that holds several predicates).
  var tag: (column: String, value: Int)?
}

extension RelationRef {
  /// Valley column `j` of the row `alias`.
  func column(_ j: Int, alias: String) -> SQLValue {
    .reading(columns[j].map { "\(alias).\(SQLNames.quote($0))" }, kinds: kinds[j])
  }
}

/// What every translator of one script shares: the dialect, the tables, fresh aliases.
final class TranslationContext {
  let dialect: SQLDialect
  let expressions: SQLExpressions
  let layouts: [TableLayout]
  let canonical: (Value) -> Value
  private var aliasCount = 0

  init(dialect: SQLDialect, layouts: [TableLayout], canonical: @escaping (Value) -> Value) {
    self.dialect = dialect
    expressions = SQLExpressions(dialect: dialect)
    self.layouts = layouts
    self.canonical = canonical
  }

  /// A fresh table alias (`t0`, `t1`...; no predicate table is named like this in a
  /// statement, since every table is read through an alias).
  func alias() -> String {
    defer { aliasCount += 1 }
    return "t\(aliasCount)"
  }

  /// The table of predicate `p`.
  func table(_ p: Int) -> RelationRef {
    let layout = layouts[p]
    return RelationRef(
      fromItem: SQLNames.quote(layout.name), alias: nil, columns: layout.columns.map(\.sqlNames),
      kinds: layout.columns.map(\.kinds), tag: nil)
  }
}

/// Translates one body (a rule's, or an aggregate's) into a FROM list and a WHERE condition,
/// and gives the SQL value of each of its variables.
///
/// Positive atoms become FROM items; a variable takes its value from one plain occurrence
/// (the narrowest column) and every other occurrence, constant or expression argument is an
/// identity condition; `V = E` binders are computed where used; comparisons, negations
/// (`NOT EXISTS`) and aggregates (correlated subqueries) are conditions.
final class BodyTranslator {
  let context: TranslationContext
  let body: [Literal]
  let bindings: BodyBindings
  let outer: [Int: SQLValue]
  /// " in a rule for 'p' (file:line:col)", for error messages.
  let place: String
  private(set) var from: [String] = []
  private(set) var conditions: [Condition] = []
  private var atoms: [Int: (alias: String, ref: RelationRef)] = [:]
  private var values: [Int: SQLValue] = [:]
  private var aggregates: [Int: SQLValue] = [:]

  var dialect: SQLDialect { context.dialect }
  var expressions: SQLExpressions { context.expressions }

  /// - Parameter source: the relation each top-level positive atom reads, by literal index
  ///   (by default its predicate's table).
  init(
    context: TranslationContext, body: [Literal], outer: [Int: SQLValue], anonymous: Set<Int>, place: String,
    source: ((Int, Atom) -> RelationRef)? = nil
  ) {
    self.context = context
    self.body = body
    self.outer = outer
    self.place = place
    bindings = BodyBindings(body: body, outer: Set(outer.keys), anonymous: anonymous)
    for (i, literal) in body.enumerated() {
      guard case .positive(let atom) = literal else { continue }
      let ref = source?(i, atom) ?? context.table(atom.predicate)
      let alias = ref.alias ?? context.alias()
      if let item = ref.fromItem { from.append("\(item) AS \(alias)") }
      if let tag = ref.tag { conditions.append(Condition("\(alias).\(SQLNames.quote(tag.column)) = \(tag.value)")) }
      atoms[i] = (alias, ref)
    }
    // A variable named by several atoms holds a value of every one of their columns; its
    // value is read from one of them, and checked here to be of those kinds (the narrower
    // value then needs no checks of its own).
    for v in bindings.sources.keys.sorted() {
      guard case .atom = bindings.sources[v] else { continue }
      let (i, j) = canonicalOccurrence(of: v)
      let kinds = occurrenceKinds(of: v)
      let read = column(i, j)
      if kinds != read.kinds { conditions.append(Condition.any(kinds.kinds.map { read.isKind($0, dialect) })) }
    }
    for (i, literal) in body.enumerated() {
      switch literal {
      case .positive(let atom):
        for (j, term) in atom.arguments.enumerated() {
          if let v = term.variableSlot {
            if bindings.isAnonymous(v) { continue }
            if case .atom = bindings.sources[v], canonicalOccurrence(of: v) == (i, j) { continue }
            conditions.append(expressions.identical(column(i, j), value(of: v)))
          } else {
            conditions.append(expressions.identical(column(i, j), self.term(term)))
          }
        }
      case .negative(let atom):
        conditions.append(negation(atom))
      case .comparison(let op, let l, let r, _):
        if bindings.assignments.contains(i) { continue }
        conditions.append(expressions.compare(op, term(l), term(r)))
      case .aggregate(let agg):
        let result = aggregate(i, agg)
        if !bindings.bindingAggregates.contains(i) {
          conditions.append(expressions.compare(.equal, value(of: agg.result), result))
        }
      }
    }
  }

  /// The FROM and WHERE clauses (either may be empty).
  var clauses: String {
    var text = ""
    if !from.isEmpty { text += " FROM " + from.joined(separator: ", ") }
    let condition = Condition.all(conditions)
    if condition != .true { text += " WHERE " + condition.text }
    return text
  }

  // MARK: Values

  /// The value of variable `v`.
  func value(of v: Int) -> SQLValue {
    if let known = values[v] { return known }
    let result: SQLValue
    switch bindings.sources[v] {
    case .outer?: result = outer[v]!
    case .atom?:
      let (i, j) = canonicalOccurrence(of: v)
      var value = column(i, j)
      value.kinds = occurrenceKinds(of: v)
      result = value
    case .assignment(_, let t)?: result = term(t)
    case .aggregate(let i)?:
      guard case .aggregate(let agg) = body[i] else { fatalError("binder is not an aggregate") }
      result = aggregate(i, agg)
    case nil:
      // Safety binds every variable; a variable nothing binds has no value.
      result = .none
    }
    values[v] = result
    return result
  }

  /// The SQL value of a term.
  func term(_ t: Term) -> SQLValue {
    switch t {
    case .variable(let v, _): return value(of: v)
    case .constant(let c, _):
      let value = context.canonical(c)
      return .single(ValueKind(of: value), dialect.literal(value))
    case .binary(let op, let l, let r, _):
      return expressions.arithmetic(op, term(l), term(r), context: "in '\(op.rawValue)'\(place)")
    case .negate(let inner, _):
      return expressions.negate(term(inner), context: "in unary minus\(place)")
    }
  }

  /// Column `j` of the atom at literal `i`.
  private func column(_ i: Int, _ j: Int) -> SQLValue {
    let (alias, ref) = atoms[i]!
    return ref.column(j, alias: alias)
  }

  /// The occurrence a variable takes its value from: the one whose column has the fewest
  /// kinds (a single-kind column gives a plain expression), the first on a tie.
  private func canonicalOccurrence(of v: Int) -> (Int, Int) {
    let list = bindings.occurrences[v]!
    var best = list[0]
    for candidate in list.dropFirst()
    where atoms[candidate.literal]!.ref.kinds[candidate.argument].kinds.count
      < atoms[best.literal]!.ref.kinds[best.argument].kinds.count
    {
      best = candidate
    }
    return (best.literal, best.argument)
  }

  /// The kinds a variable bound by atoms can have: those of every column it appears in.
  private func occurrenceKinds(of v: Int) -> KindSet {
    var kinds = KindSet.all
    for (i, j) in bindings.occurrences[v]! { kinds.formIntersection(atoms[i]!.ref.kinds[j]) }
    return kinds
  }

  // MARK: Negation and aggregates

  private func negation(_ atom: Atom) -> Condition {
    let ref = context.table(atom.predicate)
    let alias = context.alias()
    var inner: [Condition] = []
    for (j, t) in atom.arguments.enumerated() {
      if let v = t.variableSlot, bindings.isAnonymous(v) { continue }
      inner.append(expressions.identical(ref.column(j, alias: alias), term(t)))
    }
    let condition = Condition.all(inner)
    let filter = condition == .true ? "" : " WHERE \(condition.text)"
    return Condition("NOT EXISTS (SELECT 1 FROM \(ref.fromItem!) AS \(alias)\(filter))")
  }

  /// The value of the aggregate at literal `i`. PostgreSQL and DuckDB compute it once per
  /// row, in a `LATERAL` subquery joined after the atoms; SQLite (which has no `LATERAL`) in
  /// scalar subqueries where it is used. An empty group's `min` or `max` fails the body.
  private func aggregate(_ i: Int, _ agg: Aggregate) -> SQLValue {
    if let known = aggregates[i] { return known }
    var outerValues: [Int: SQLValue] = [:]
    for g in agg.grouping { outerValues[g] = value(of: g) }
    let inner = BodyTranslator(
      context: context, body: agg.body, outer: outerValues, anonymous: bindings.anonymous, place: place)
    let terms = agg.terms.map(inner.term)
    let translation = AggregateTranslation(
      dialect: dialect, kind: agg.kind, terms: terms, clauses: inner.clauses, place: place)
    let result: SQLValue
    if dialect.hasLateral {
      let alias = context.alias()
      from.append("LATERAL \(translation.row) AS \(alias)")
      result = translation.value(alias: alias)
    } else {
      result = translation.scalarValue
    }
    if translation.nullWhenEmpty { conditions.append(Condition("\(result.expressions[0]) IS NOT NULL")) }
    aggregates[i] = result
    return result
  }
}
