/// Rows read from a CSV or TSV file, waiting to become facts of a predicate.
struct ImportedTable: Sendable {
  /// The predicate that receives them.
  var predicate: String
  /// The rows.
  var table: TableReader.Table
  /// The `@source` in force (or the file name for `:import`).
  var source: String?
  /// The `@import` annotation or the `:import` argument.
  var span: SourceSpan
  /// The load unit the facts belong to.
  var unit: Int
}
