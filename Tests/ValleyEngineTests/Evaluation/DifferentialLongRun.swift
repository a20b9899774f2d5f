import Testing
import ValleyTestSupport

@testable import ValleyEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The differential checks on thousands of programs, for `scripts/differential.sh`; off
/// unless `VALLEY_DIFFERENTIAL_PROGRAMS` is set (to the number of programs).
///
/// With `VALLEY_DIFFERENTIAL_DUMP` set to a folder, each program is also written there as
/// `NNNNN.kb`, with Valley's model beside it as `NNNNN.model` (every fact of every derived
/// predicate, one per line in source form, sorted by bytes), for a second oracle
/// (`scripts/swi_oracle.py`).
@Suite struct DifferentialLongRun {
  static let count = environment("VALLEY_DIFFERENTIAL_PROGRAMS").flatMap { Int($0) } ?? 0
  static let first = environment("VALLEY_DIFFERENTIAL_FIRST").flatMap { UInt64($0) } ?? 1_000
  static let dump = environment("VALLEY_DIFFERENTIAL_DUMP").flatMap { $0.isEmpty ? nil : $0 }

  static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  @Test(.enabled(if: count > 0), arguments: (0..<count).map { first + UInt64($0) })
  func programAgreesWithTheReference(seed: UInt64) throws {
    try Differential.checkLoaded(seed: seed)
    try Differential.checkRulesAssertedLater(seed: seed)
    try Differential.checkChanges(seed: seed)
    if seed % 4 == 0 { try Differential.checkAssertedInOrder(seed: seed) }
    if let dump = Self.dump { try Self.write(seed: seed, to: dump) }
  }

  static func write(seed: UInt64, to folder: String) throws {
    let program = RandomProgram.make(seed: seed)
    let session = Session.loaded(program.valleyText)
    var lines: [String] = []
    for predicate in program.derivedPredicates {
      let arity = program.arities[predicate]!
      let query = arity == 0 ? predicate : "\(predicate)(\((0..<arity).map { "A\($0)" }.joined(separator: ", ")))"
      let table = try session.table("?- \(query).")
      if arity == 0 {
        if table.holds { lines.append("\(predicate).") }
      } else {
        lines += table.rows.map { "\(predicate)(\($0.map(ValueFormatter.source).joined(separator: ", ")))." }
      }
    }
    lines.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let name = String(seed)
    try save(program.valleyText, to: "\(folder)/\(name).kb")
    try save(lines.map { $0 + "\n" }.joined(), to: "\(folder)/\(name).model")
  }

  struct WriteFailure: Error { let path: String }

  static func save(_ text: String, to path: String) throws {
    guard let file = fopen(path, "w") else { throw WriteFailure(path: path) }
    defer { fclose(file) }
    let bytes = Array(text.utf8)
    guard fwrite(bytes, 1, bytes.count, file) == bytes.count else { throw WriteFailure(path: path) }
  }
}
