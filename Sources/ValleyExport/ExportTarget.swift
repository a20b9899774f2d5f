/// What `valley export` writes.
public enum ExportTarget: String, CaseIterable, Sendable {
  /// A script for SQLite 3.38 or later (`sqlite3 -bail DB < script.sql`).
  case sqlite
  /// A script for PostgreSQL 12 or later (`psql -v ON_ERROR_STOP=1 -f script.sql`).
  case postgresql
  /// A script for DuckDB 1.3 or later (`duckdb DB < script.sql`).
  case duckdb
  /// A Soufflé Datalog program (`souffle -D. program.dl`).
  case souffle
}
