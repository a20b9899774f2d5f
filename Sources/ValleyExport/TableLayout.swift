import ValleyEngine

/// How one Valley column is stored.
struct ColumnLayout {
  /// The column's name in Valley (`@pred` or `argN`).
  var name: String
  /// The kinds it holds.
  var kinds: KindSet
  /// Its SQL columns: one, or for a mixed column the kind tag and the integer, decimal and
  /// symbol parts.
  var sqlNames: [String]
}

/// How one predicate is stored: a table with its columns.
struct TableLayout {
  /// The predicate's number.
  var predicate: Int
  /// The table's name.
  var name: String
  /// The Valley columns (none for a zero-arity predicate).
  var columns: [ColumnLayout]

  /// The column a zero-arity predicate's table has (SQL tables need one): 1 when it holds.
  static let presenceColumn = "valley_true"

  /// Every SQL column, in order.
  var sqlColumns: [String] { columns.isEmpty ? [Self.presenceColumn] : columns.flatMap(\.sqlNames) }

  /// The SQL type of each SQL column.
  func sqlTypes(_ dialect: SQLDialect) -> [String] {
    if columns.isEmpty { return ["INTEGER"] }
    return columns.flatMap { column -> [String] in
      if ColumnEncoding.isMixed(column.kinds) {
        return [dialect.tagType] + ValueKind.allCases.map(dialect.type)
      }
      return [dialect.type(column.kinds.single ?? .integer)]
    }
  }

  /// The SQL expressions that store a row of `values` (one per Valley column).
  func encode(_ values: [SQLValue], _ dialect: SQLDialect) -> [String] {
    if columns.isEmpty { return ["1"] }
    return zip(values, columns).flatMap { value, column in value.encoded(as: column.kinds, dialect) }
  }

  /// The layouts of every predicate of `program`, with names distinct in every dialect:
  /// tables first, by predicate number; `names` then holds every table name.
  static func layouts(_ program: Program, kinds: [[KindSet]], names: inout SQLNames) -> [TableLayout] {
    let tableNames = program.catalog.predicates.map { names.claim($0.name) }
    return program.catalog.predicates.indices.map { p in
      var columnNames = SQLNames()
      let columns = (0..<program.catalog[p].arity).map { j -> ColumnLayout in
        let name = program.catalog.columnName(p, j)
        let columnKinds = kinds[p][j]
        let sql =
          ColumnEncoding.isMixed(columnKinds)
          ? ["kind", "int", "dec", "sym"].map { columnNames.claim("\(name)_\($0)") }
          : [columnNames.claim(name)]
        return ColumnLayout(name: name, kinds: columnKinds, sqlNames: sql)
      }
      return TableLayout(predicate: p, name: tableNames[p], columns: columns)
    }
  }
}
