import Foundation
import Testing
import ValleyEngine
import ValleyTestSupport

/// Every exported script, run on a real engine, stores exactly Valley's model: the bundled
/// knowledge base (every predicate), the benchmark workloads at their small size, small
/// programs aimed at the translation's edges (``FocusedPrograms``), and random programs over
/// the whole language (``RandomProgram``). Each engine runs all of them in one batch.
///
/// SQLite runs wherever python3 does; DuckDB needs PyPI's `duckdb`, PostgreSQL Debian's
/// server (`.ci/run` installs both). A missing engine skips its test, except under CI (`CI`
/// set), where it fails. `scripts/export_differential.sh` runs many more random programs.
@Suite struct ExportAgreementTests {
  /// The random programs `swift test` checks (seeds from 1).
  static let randomPrograms = 120

  @Test(.enabled(if: ExportEngine.sqlite.runs), .timeLimit(.minutes(10)))
  func sqliteAgreesWithValley() throws {
    try expectAgreement(try Self.cases(), on: .sqlite)
  }

  @Test(.enabled(if: ExportEngine.duckdb.runs), .timeLimit(.minutes(10)))
  func duckdbAgreesWithValley() throws {
    try expectAgreement(try Self.cases(), on: .duckdb)
  }

  @Test(.enabled(if: ExportEngine.postgresql.runs), .timeLimit(.minutes(10)))
  func postgresqlAgreesWithValley() throws {
    try expectAgreement(try Self.cases(), on: .postgresql)
  }

  /// Everything the engines are checked on.
  static func cases() throws -> [ExportCase] {
    var cases = [try ExportCase.bundled()]
    cases += try FocusedPrograms.all.map { try ExportCase.memory($0.name, ["\($0.name).kb": $0.text]) }
    cases += try benchWorkloads()
    cases += try (1...randomPrograms).map { seed in
      try ExportCase.memory("random program \(seed)", ["random.kb": RandomProgram.make(seed: UInt64(seed)).valleyText])
    }
    return cases
  }

  /// The five workloads of bench/ at their small size (bench/generate.py writes the facts).
  static func benchWorkloads() throws -> [ExportCase] {
    let folder = try TemporaryFolder()
    let generate = try ChildRun(
      executable: "/usr/bin/env",
      arguments: ["python3", TestPackage.root + "/bench/generate.py", "--size", "small", "--out", folder.path],
      seconds: 300)
    try #require(generate.status == 0, "bench/generate.py:\n\(generate.output)")
    return try ["tc_chain", "tc_random", "sg", "neg", "agg"].map { name in
      try ExportCase.files(
        "bench \(name)",
        [TestPackage.root + "/bench/programs/\(name).kb", folder.path("\(name)-small/facts.kb")])
    }
  }
}
