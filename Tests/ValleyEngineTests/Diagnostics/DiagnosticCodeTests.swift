import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// The catalogue of codes is the one source of the code table of docs/language.md.
@Suite struct DiagnosticCodeTests {
  @Test func theLanguageReferenceListsEveryCodeOfTheCatalogue() throws {
    let table = DiagnosticCode.markdownTable()
    #expect(
      try GeneratedSection.matches(
        table, in: "docs/language.md", after: "## 8. Diagnostic codes\n\n", before: "\n\nCodes never change meaning"),
      "docs/language.md §8: run with VALLEY_RECORD_DOCS=1 to rewrite the table")
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
