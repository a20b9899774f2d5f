import Testing
import ValleyEngine
import ValleyTestSupport

@testable import ValleyExport

/// The Soufflé translation: what it refuses (always checked), and, when `SOUFFLE` names a
/// Soufflé built with 64-bit values, that the programs it writes compute Valley's model.
@Suite struct SouffleExportTests {
  /// Random programs whose columns all hold integers, which Soufflé can mostly express.
  static let integerPrograms = 100

  /// The bundled knowledge base mixes kinds in some columns; each such column is refused
  /// with E801 at the clause that brings the second kind.
  @Test func mixedColumnsAreRefusedAtTheClauseThatMixesThem() throws {
    let knowledge = try ExportCase.bundled()
    guard case .failure(let failure) = Exporter.export(knowledge.snapshot, to: .souffle, header: []) else {
      Issue.record("the bundled knowledge base was exported to Soufflé")
      return
    }
    #expect(failure.diagnostics.allSatisfy { $0.kind == .E801 && $0.span != nil })
    let text = knowledge.session.rendered(failure.diagnostics)
    #expect(text.contains("column 3 ('year') of 'talent_figure' holds integers and symbols"), "\(text)")
    #expect(text.contains("talent_figure(C, M, undated, V, Cl)"), "\(text)")
  }

  @Test func minimumOfSymbolsIsRefused() throws {
    let program = try ExportCase.memory(
      "symbols", ["s.kb": "w(a). w(b).\nbefore(X, Y) :- w(X), w(Y), X < Y.\nfirst(M) :- M = min { X : w(X) }.\n"])
    guard case .failure(let failure) = Exporter.export(program.snapshot, to: .souffle, header: []) else {
      Issue.record("the minimum of symbols was exported to Soufflé")
      return
    }
    let text = program.session.rendered(failure.diagnostics)
    #expect(failure.diagnostics.count == 1, "\(text)")
    #expect(text.contains("s.kb:3:17: error: Soufflé cannot express 'min' of symbols"), "\(text)")
  }

  @Test func decimalsAreWrittenWithoutExponents() {
    #expect(SouffleWriter.fixedPoint(1e-05) == "0.00001")
    #expect(SouffleWriter.fixedPoint(1e16) == "10000000000000000.0")
    #expect(SouffleWriter.fixedPoint(-2.5) == "-2.5")
    #expect(SouffleWriter.fixedPoint(100.0) == "100.0")
    #expect(SouffleWriter.fixedPoint(1.2345e-3) == "0.0012345")
    #expect(Double(SouffleWriter.fixedPoint(5e-324)) == 5e-324)
    #expect(Double(SouffleWriter.fixedPoint(1.7976931348623157e308)) == 1.7976931348623157e308)
  }

  /// Every program of the agreement tests that Soufflé can express (the workloads and the
  /// Soufflé-shaped focused program must be among them) computes Valley's model; the others
  /// are refused with E801 or E802 only.
  @Test(.enabled(if: ExportEngine.souffle.runs), .timeLimit(.minutes(10)))
  func souffleAgreesWithValley() throws {
    var cases = try ExportAgreementTests.cases().filter { $0.name != "Knowledge" }
    cases.append(try ExportCase.memory("souffle", ["souffle.kb": FocusedPrograms.souffle]))
    cases += try (1...Self.integerPrograms).map { seed in
      try ExportCase.memory(
        "integer program \(seed)", ["random.kb": RandomProgram.make(seed: UInt64(seed), integersOnly: true).valleyText])
    }
    var expressible: [ExportCase] = []
    for exportCase in cases {
      switch Exporter.export(exportCase.snapshot, to: .souffle, header: []) {
      case .success: expressible.append(exportCase)
      case .failure(let failure):
        #expect(
          !exportCase.name.hasPrefix("bench") && exportCase.name != "souffle",
          "\(exportCase.name) refused:\n\(exportCase.session.rendered(failure.diagnostics))")
        #expect(failure.diagnostics.allSatisfy { $0.kind == .E801 || $0.kind == .E802 })
      }
    }
    #expect(expressible.count >= 60, "only \(expressible.count) programs reach Soufflé")
    try expectAgreement(expressible, on: .souffle)
  }
}
