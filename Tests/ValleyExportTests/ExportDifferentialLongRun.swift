import Foundation
import Testing
import ValleyTestSupport

/// Thousands of random programs through every engine, for `scripts/export_differential.sh`;
/// off unless `VALLEY_EXPORT_PROGRAMS` is set (to the number of programs).
///
/// `VALLEY_EXPORT_FIRST` is the first seed (default 10000, past the seeds `swift test`
/// checks) and `VALLEY_EXPORT_ENGINES` a comma-separated list (default: sqlite, duckdb,
/// postgresql, and souffle when `SOUFFLE` is set; Soufflé gets integer programs, which it can
/// mostly express). Each engine prints one closing line: `export differential: ...`.
@Suite struct ExportDifferentialLongRun {
  static let environment = ProcessInfo.processInfo.environment
  static let count = environment["VALLEY_EXPORT_PROGRAMS"].flatMap { Int($0) } ?? 0
  static let first = environment["VALLEY_EXPORT_FIRST"].flatMap { UInt64($0) } ?? 10_000
  static let engines: [ExportEngine] = {
    if let list = environment["VALLEY_EXPORT_ENGINES"], !list.isEmpty {
      return list.split(separator: ",").compactMap { ExportEngine(rawValue: String($0)) }
    }
    return ExportEngine.allCases.filter { $0 != .souffle || ExportEngine.souffleProgram != nil }
  }()
  /// Programs per run of an engine.
  static let batch = 250

  @Test(.enabled(if: count > 0), .timeLimit(.minutes(600)), arguments: engines)
  func programsAgreeWithValley(engine: ExportEngine) throws {
    var refused = 0
    var checked = 0
    var failing: [String] = []
    for start in stride(from: 0, to: Self.count, by: Self.batch) {
      var cases: [ExportCase] = []
      for offset in start..<min(start + Self.batch, Self.count) {
        let seed = Self.first + UInt64(offset)
        let program = RandomProgram.make(seed: seed, integersOnly: engine == .souffle)
        let exportCase = try ExportCase.memory("random program \(seed)", ["random.kb": program.valleyText])
        if engine == .souffle, case .failure = exportCase.exportResult(to: .souffle) {
          refused += 1
          continue
        }
        cases.append(exportCase)
      }
      checked += cases.count
      try expectAgreement(cases, on: engine) { failing.append($0) }
    }
    print(
      "export differential: \(engine.rawValue): \(checked) programs run, \(checked - failing.count) agree, "
        + "\(failing.count) differ or fail\(refused > 0 ? ", \(refused) refused (E801/E802)" : "")")
  }
}
