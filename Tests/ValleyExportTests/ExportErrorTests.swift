import Foundation
import Testing
import ValleyEngine
import ValleyTestSupport

/// What an exported script does when its facts are changed so that Valley would stop with an
/// arithmetic error: it stops too, never answering silently otherwise. (The exported facts
/// themselves never cause one: Valley evaluated them without error before writing the
/// script.) PostgreSQL and DuckDB stop on 64-bit overflow themselves; SQLite, which would
/// turn the result into a double, and every engine on division by zero or a decimal that is
/// not finite, stop through the script's own checks.
@Suite struct ExportErrorTests {
  /// Programs whose one stored value, 12345 or 12345.0, is then replaced.
  static let cases: [(name: String, text: String, stored: String, replacement: String)] = [
    ("integer overflow", "q(12345).\nbig(Y) :- q(X), Y = X * 1000.\n", "12345", "9223372036854775807"),
    ("overflow in a sum", "q(12345). q(1).\ntotal(S) :- S = sum { X : q(X) }.\n", "12345", "9223372036854775807"),
    ("division by zero", "q(12345).\nquotient(Y) :- q(X), Y = 100 / X.\n", "12345", "0"),
    ("remainder by zero", "q(12345).\nrest(Y) :- q(X), Y = 100 mod X.\n", "12345", "0"),
    ("decimal overflow", "d(12345.0).\nhuge(Y) :- d(X), Y = X * X.\n", "12345.0", "1e300"),
    ("decimal division by zero", "d(12345.0).\nratio(Y) :- d(X), Y = 1.0 / X.\n", "12345.0", "0.0"),
    ("overflow in a condition", "q(12345).\nsmall(X) :- q(X), X * 4 < 10.\n", "12345", "9223372036854775807"),
  ]

  @Test(.enabled(if: ExportEngine.sqlite.runs)) func sqliteStops() throws { try expectErrors(on: .sqlite) }
  @Test(.enabled(if: ExportEngine.duckdb.runs)) func duckdbStops() throws { try expectErrors(on: .duckdb) }
  @Test(.enabled(if: ExportEngine.postgresql.runs)) func postgresqlStops() throws { try expectErrors(on: .postgresql) }

  func expectErrors(on engine: ExportEngine) throws {
    var scripts: [String] = []
    for (name, text, stored, replacement) in Self.cases {
      let script = try ExportCase.memory(name, ["\(name).kb": text]).export(to: engine.target)
      try #require(script.contains(stored), "\(name): the stored value is not in the \(engine) script")
      scripts.append(script.replacingOccurrences(of: stored, with: replacement))
    }
    let results = try EngineRun.run(scripts, models: scripts.map { _ in "{}" }, on: engine)
    // The script's own check names Valley and the rule; an engine's own says overflow.
    let arithmetic = ["valley: ", "out of range", "Overflow", "integer overflow"]
    for (exportCase, result) in zip(Self.cases, results) {
      let error = result.error ?? ""
      #expect(
        arithmetic.contains { error.contains($0) },
        "\(exportCase.name): the \(engine) script \(result.error == nil ? "did not stop" : "stopped with: \(error)")")
    }
  }

  /// Without the change, the same scripts run to the end and agree with Valley.
  @Test(.enabled(if: ExportEngine.sqlite.runs)) func unchangedScriptsRun() throws {
    try expectAgreement(Self.cases.map { try ExportCase.memory($0.name, ["\($0.name).kb": $0.text]) }, on: .sqlite)
  }
}
