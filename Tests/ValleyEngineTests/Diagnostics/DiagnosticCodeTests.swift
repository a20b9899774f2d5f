import Foundation
import Testing

@testable import ValleyEngine

/// The catalogue of codes is the one source of the code table of docs/language.md.
@Suite struct DiagnosticCodeTests {
  static let languageDoc = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs/language.md")

  @Test func theLanguageReferenceListsEveryCodeOfTheCatalogue() throws {
    var text = try String(contentsOf: Self.languageDoc, encoding: .utf8)
    let table = DiagnosticCode.markdownTable()
    if ProcessInfo.processInfo.environment["VALLEY_RECORD_DOCS"] != nil {
      let start = try #require(text.range(of: "## 8. Diagnostic codes\n\n"))
      let end = try #require(text.range(of: "\n\nCodes never change meaning", range: start.upperBound..<text.endIndex))
      text.replaceSubrange(start.upperBound..<end.lowerBound, with: table)
      try text.write(to: Self.languageDoc, atomically: true, encoding: .utf8)
    }
    #expect(text.contains(table), "docs/language.md §8: run with VALLEY_RECORD_DOCS=1 to rewrite the table")
  }

  @Test func codesAreWellFormedAndWarningsAreWs() {
    for code in DiagnosticCode.allCases {
      #expect(code.rawValue.count == 4 && "EW".contains(code.rawValue.first!))
      #expect(!code.meaning.isEmpty)
      #expect(code.isWarning == code.rawValue.hasPrefix("W"))
    }
  }

  @Test func diagnosticsPrintTheirCatalogueCode() {
    let d = Diagnostic.error(.E202, "unknown predicate 'x'", at: nil)
    #expect(d.code == "E202")
    #expect(d.kind == .E202)
  }
}
