import ValleyEngine

/// What differs between the SQL engines Valley exports to: types, literals, how an error is
/// raised inside an expression, and the arithmetic checks an engine does not make itself.
enum SQLDialect: Sendable {
  case sqlite, postgresql, duckdb

  /// The column type of a kind (symbols compare by bytes: see ``symbolOrder(_:)``).
  func type(_ kind: ValueKind) -> String {
    switch (self, kind) {
    case (.sqlite, .integer): "INTEGER"
    case (.sqlite, .decimal): "REAL"
    case (.sqlite, .symbol): "TEXT"
    case (.postgresql, .integer), (.duckdb, .integer): "BIGINT"
    case (.postgresql, .decimal): "DOUBLE PRECISION"
    case (.duckdb, .decimal): "DOUBLE"
    case (.postgresql, .symbol), (.duckdb, .symbol): "TEXT"
    }
  }

  /// The type of the kind tag of a mixed column (0 integer, 1 decimal, 2 symbol).
  var tagType: String { "INTEGER" }

  /// Whether FROM may hold `LATERAL (subquery)` (SQLite's may not).
  var hasLateral: Bool { self != .sqlite }

  /// What follows `CREATE TABLE name (...)`: SQLite checks the column types (STRICT), so a
  /// value of the wrong type is an error instead of a silent conversion.
  var tableOptions: String { self == .sqlite ? " STRICT" : "" }

  // MARK: Literals

  /// `value` as a literal of its own type, usable anywhere (in arithmetic too).
  func literal(_ value: Value) -> String {
    switch value {
    case .integer(let i): return integer(i)
    case .decimal(let d): return decimal(d)
    case .symbol(let s): return "'" + s.doubling("'") + "'"
    }
  }

  /// An integer literal typed as a 64-bit integer (PostgreSQL and DuckDB would read a small
  /// literal as a 32-bit one, and `3000000000 * 4`-style constant arithmetic would overflow).
  func integer(_ i: Int64) -> String {
    let text = i == Int64.min ? "(-9223372036854775807 - 1)" : String(i)
    return self == .sqlite ? text : "CAST(\(text) AS BIGINT)"
  }

  /// A decimal literal that every engine reads as exactly this double. PostgreSQL and DuckDB
  /// convert the shortest decimal text correctly; SQLite 3.40's own conversion is not always
  /// correctly rounded, so SQLite gets an integer times a power of two (both exact).
  func decimal(_ d: Double) -> String {
    switch self {
    case .postgresql: return "CAST('\(d)' AS DOUBLE PRECISION)"
    case .duckdb: return "CAST('\(d)' AS DOUBLE)"
    case .sqlite: return Self.exactSQLiteDecimal(d)
    }
  }

  /// `m * 2^e` for SQLite, with `m` an integer below 2^53 and the power written as products
  /// or quotients of integer powers of two (each step exact).
  static func exactSQLiteDecimal(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 9_007_199_254_740_992 { return String(Int64(d)) + ".0" }
    var m = d
    var e = 0
    while m != m.rounded() {
      m *= 2
      e -= 1
    }
    while abs(m) >= 9_007_199_254_740_992 {
      m /= 2
      e += 1
    }
    var text = "CAST(\(Int64(m)) AS REAL)"
    var left = abs(e)
    while left > 0 {
      let step = min(left, 62)
      text += (e > 0 ? " * " : " / ") + String(Int64(1) << step)
      left -= step
    }
    return "(\(text))"
  }

  /// The value a part of a mixed column holds when the value is of another kind.
  func sentinel(_ kind: ValueKind) -> String {
    switch kind {
    case .integer: integer(0)
    case .decimal: self == .sqlite ? "0.0" : decimal(0)
    case .symbol: "''"
    }
  }

  /// A literal of a tag (the kind of a mixed column's value).
  func tag(_ kind: ValueKind) -> String { String(kind.rawValue) }

  // MARK: Errors

  /// An expression of type `kind` (or boolean when nil) that stops the script with
  /// `message` when it is evaluated; inside a `CASE` arm, only when the arm is taken.
  /// Outside one, pass `on`, an expression of the row: the error then waits for a row (an
  /// engine may evaluate a constant once, before reading any row).
  func error(_ message: String, kind: ValueKind?, on row: [String]) -> String {
    let waits = row.map { "\($0) IS NULL" }.joined(separator: " OR ")
    return "(CASE WHEN \(waits) THEN NULL ELSE \(error(message, kind: kind)) END)"
  }

  /// The error of ``error(_:kind:on:)``, for a `CASE` arm. Its message is built with
  /// `random()` (adding nothing), so that no engine takes it for a constant and evaluates
  /// it once before the rows (SQLite does that with constants, wherever they are).
  func error(_ message: String, kind: ValueKind?) -> String {
    let text = "'valley: " + message.doubling("'") + "'"
    switch self {
    case .sqlite:
      // SQLite has no function that raises an error; a malformed JSON path does, and its
      // message quotes the path.
      return "json_extract('{}', \(text) || substr(random(), 1, 0))"
    case .postgresql:
      // A PL/pgSQL function, which PostgreSQL never evaluates while planning.
      let type = kind.map(type) ?? "BOOLEAN"
      return "pg_temp.valley_error(\(text), NULL::\(type))"
    case .duckdb:
      return "error(\(text) || left(CAST(random() AS VARCHAR), 0))"
    }
  }

  // MARK: Conversions and arithmetic

  /// An integer expression as a double.
  func toDouble(_ x: String) -> String {
    switch self {
    case .sqlite: "CAST(\(x) AS REAL)"
    case .postgresql: "CAST(\(x) AS DOUBLE PRECISION)"
    case .duckdb: "CAST(\(x) AS DOUBLE)"
    }
  }

  /// `x op y` on two integers, truncating division, overflow and division by zero errors.
  func integerArithmetic(_ op: Syntax.ArithmeticOperator, _ x: String, _ y: String, context: String) -> String {
    let zero = "CASE WHEN \(y) = 0 THEN \(error("division by zero \(context)", kind: .integer)) ELSE "
    let raw: String
    switch op {
    case .add: raw = "\(x) + \(y)"
    case .subtract: raw = "\(x) - \(y)"
    case .multiply: raw = "\(x) * \(y)"
    case .divide: raw = self == .duckdb ? "\(x) // \(y)" : "\(x) / \(y)"
    case .modulo: raw = "\(x) % \(y)"
    }
    let checked = checkedInteger("(\(raw))", context: context)
    switch op {
    case .divide, .modulo: return "(\(zero)\(checked) END)"
    default: return checked
    }
  }

  /// Unary minus on an integer.
  func integerNegation(_ x: String, context: String) -> String {
    checkedInteger("(- \(x))", context: context)
  }

  /// PostgreSQL and DuckDB stop on 64-bit overflow themselves; SQLite silently gives a
  /// double instead, so its result is checked to still be an integer.
  private func checkedInteger(_ r: String, context: String) -> String {
    guard self == .sqlite else { return r }
    return
      "(CASE WHEN typeof(\(r)) = 'integer' THEN \(r) ELSE \(error("integer overflow \(context)", kind: .integer)) END)"
  }

  /// `x op y` on two doubles: division by zero and a result that is not finite are errors
  /// (PostgreSQL raises both itself), and `mod` is C's `fmod` as in Valley.
  func decimalArithmetic(_ op: Syntax.ArithmeticOperator, _ x: String, _ y: String, context: String) -> String {
    let raw: String
    switch op {
    case .add: raw = "(\(x) + \(y))"
    case .subtract: raw = "(\(x) - \(y))"
    case .multiply: raw = "(\(x) * \(y))"
    case .divide: raw = "(\(x) / \(y))"
    case .modulo:
      switch self {
      case .sqlite: raw = "mod(\(x), \(y))"
      case .postgresql: raw = "pg_temp.valley_fmod(\(x), \(y))"
      case .duckdb: raw = "(\(x) % \(y))"  // DuckDB's fmod() floors; its % truncates, as C's fmod
      }
    }
    let finite: String
    switch self {
    case .postgresql: finite = raw
    case .sqlite:
      // SQLite reads 9e999 as infinity, and turns a NaN into NULL (which fails the test).
      finite =
        "(CASE WHEN abs(\(raw)) < 9e999 THEN \(raw) ELSE "
        + "\(error("a result that is not a finite number \(context)", kind: .decimal)) END)"
    case .duckdb:
      finite =
        "(CASE WHEN isfinite(\(raw)) THEN \(raw) ELSE "
        + "\(error("a result that is not a finite number \(context)", kind: .decimal)) END)"
    }
    switch op {
    case .divide, .modulo:
      return "(CASE WHEN \(y) = 0 THEN \(error("division by zero \(context)", kind: .decimal)) ELSE \(finite) END)"
    default:
      return finite
    }
  }

  // MARK: Comparisons

  /// A symbol expression in byte order (PostgreSQL's default collation may be a locale's).
  func symbolOrder(_ x: String) -> String {
    self == .postgresql ? "(\(x) COLLATE \"C\")" : x
  }

  /// `i op d` for an integer and a double, exactly (PostgreSQL and DuckDB would compare
  /// the integer rounded to a double; SQLite compares the two exactly itself).
  func compareIntegerWithDecimal(_ op: String, _ i: String, _ d: String) -> String {
    // The unary plus keeps SQLite from propagating `column = constant` into the rest of the
    // statement, which would put a decimal where an integer is (`X = 1.5, X * 3 < X`).
    if self == .sqlite { return "(+\(i) \(op) +\(d))" }
    return "(\(exactComparison(i, d)) \(op) 0)"
  }

  /// -1, 0 or 1 as the integer `i` is below, equal to or above the double `d`.
  func exactComparison(_ i: String, _ d: String) -> String {
    if self == .sqlite { return "(CASE WHEN \(i) < \(d) THEN -1 WHEN \(i) > \(d) THEN 1 ELSE 0 END)" }
    let limit = decimal(9_223_372_036_854_775_808)
    let floor = "CAST(floor(\(d)) AS BIGINT)"
    return "(CASE WHEN \(d) >= \(limit) THEN -1 WHEN \(d) < -\(limit) THEN 1 "
      + "WHEN \(i) < \(floor) THEN -1 WHEN \(i) > \(floor) THEN 1 WHEN \(d) > floor(\(d)) THEN -1 ELSE 0 END)"
  }

  // MARK: Aggregates

  /// The sum of a column of integers as a 64-bit integer (an overflow is an error).
  func integerSum(_ x: String) -> String {
    switch self {
    case .sqlite: "sum(\(x))"
    case .postgresql, .duckdb: "CAST(sum(\(x)) AS BIGINT)"
    }
  }
}
