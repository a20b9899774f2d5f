import ValleyEngine

/// A Valley value in SQL: one expression when its kind is known, else four parts (the kind
/// tag, then the integer, decimal and symbol parts, the parts of other kinds holding
/// ``SQLDialect/sentinel(_:)``). With fixed fillers, two values are the same exactly when
/// all four parts are equal, so joins, `DISTINCT` and `UNION` compare values by identity.
struct SQLValue {
  /// The kinds the value may have.
  var kinds: KindSet
  /// How it is written.
  var form: Form

  enum Form {
    case single(String)
    case parts(tag: String, integer: String, decimal: String, symbol: String)
  }

  /// A value of one kind.
  static func single(_ kind: ValueKind, _ expression: String) -> SQLValue {
    SQLValue(kinds: KindSet(kind), form: .single(expression))
  }

  /// The value held in `expressions`: one of one kind, or the four parts of a mixed one.
  static func reading(_ expressions: [String], kinds: KindSet) -> SQLValue {
    if expressions.count == 1 { return SQLValue(kinds: kinds, form: .single(expressions[0])) }
    return SQLValue(
      kinds: kinds,
      form: .parts(tag: expressions[0], integer: expressions[1], decimal: expressions[2], symbol: expressions[3]))
  }

  /// A value that cannot exist: of no kind (read from a column that is always empty, or
  /// computed from one). Its rule never fires; it compares with nothing.
  static let none = SQLValue(kinds: [], form: .single("0"))

  /// The expression of the value's `kind` part (meaningful when the value has that kind).
  func part(_ kind: ValueKind) -> String {
    switch form {
    case .single(let e): return e
    case .parts(_, let i, let d, let s):
      switch kind {
      case .integer: return i
      case .decimal: return d
      case .symbol: return s
      }
    }
  }

  /// The condition that the value is of `kind`.
  func isKind(_ kind: ValueKind, _ dialect: SQLDialect) -> Condition {
    if !kinds.has(kind) { return .false }
    if kinds.single == kind { return .true }
    guard case .parts(let tag, _, _, _) = form else { return .true }
    return Condition("\(tag) = \(dialect.tag(kind))")
  }

  /// The SQL expressions that store the value in a column of `kinds` (one expression, or
  /// the four parts of a mixed column).
  func encoded(as columnKinds: KindSet, _ dialect: SQLDialect) -> [String] {
    if !ColumnEncoding.isMixed(columnKinds) {
      let kind = columnKinds.single ?? .integer
      return [kinds.has(kind) ? part(kind) : dialect.sentinel(kind)]
    }
    switch form {
    case .parts(let t, let i, let d, let s): return [t, i, d, s]
    case .single(let e):
      // A value of no kind cannot exist (its rule never fires); fillers keep the types.
      guard let kind = kinds.single else { return [dialect.tag(.integer)] + ValueKind.allCases.map(dialect.sentinel) }
      return [dialect.tag(kind)] + ValueKind.allCases.map { $0 == kind ? e : dialect.sentinel($0) }
    }
  }

  /// All the expressions of the value, as `DISTINCT` must see them.
  var expressions: [String] {
    switch form {
    case .single(let e): [e]
    case .parts(let t, let i, let d, let s): [t, i, d, s]
    }
  }
}

/// How a column is stored: one SQL column of its kind, or four for a column of several
/// kinds (also a column of no kind, whose predicate never holds: one integer column).
enum ColumnEncoding {
  static func isMixed(_ kinds: KindSet) -> Bool { kinds.kinds.count > 1 }

  /// The catalogue's name for the encoding.
  static func name(_ kinds: KindSet) -> String {
    isMixed(kinds) ? "mixed" : (kinds.single ?? .integer).name
  }
}

/// A boolean SQL expression, with `TRUE` and `FALSE` folded away where they meet `AND`/`OR`.
struct Condition: Equatable {
  var text: String

  init(_ text: String) { self.text = text }

  static let `true` = Condition("TRUE")
  static let `false` = Condition("FALSE")

  static func all(_ conditions: [Condition]) -> Condition {
    if conditions.contains(.false) { return .false }
    let rest = conditions.filter { $0 != .true }
    if rest.isEmpty { return .true }
    return rest.count == 1 ? rest[0] : Condition("(" + rest.map(\.text).joined(separator: " AND ") + ")")
  }

  static func any(_ conditions: [Condition]) -> Condition {
    if conditions.contains(.true) { return .true }
    let rest = conditions.filter { $0 != .false }
    if rest.isEmpty { return .false }
    return rest.count == 1 ? rest[0] : Condition("(" + rest.map(\.text).joined(separator: " OR ") + ")")
  }
}
