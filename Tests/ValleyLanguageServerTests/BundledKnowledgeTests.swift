import Foundation
import Testing
import ValleyEngine
import ValleyLanguageServer
import ValleyTestSupport

/// The server on the bundled knowledge base (Knowledge/): clean diagnostics, and a rename of
/// a predicate used in many files that is exact, checked against the engine's own reading of
/// the renamed files.
@Suite struct BundledKnowledgeTests {
  static let folder = TestPackage.root + "/Knowledge"

  static func texts() throws -> [String: String] {
    var texts: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".kb") {
      texts[folder + "/" + name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }
    return texts
  }

  @Test func renamingFactorAcrossTheKnowledgeBaseIsExact() throws {
    let originals = try Self.texts()
    let client = try LSPClient(root: Self.folder)
    let schema = Self.folder + "/00_schema.kb"
    let uri = DocumentURI.uri(ofPath: schema)
    client.open(uri, originals[schema] ?? "")
    #expect(try client.diagnostics(for: uri, version: 1) == [])
    let lines = (originals[schema] ?? "").split(separator: "\n", omittingEmptySubsequences: false)
    let line = try #require(lines.firstIndex { $0.hasPrefix("@pred factor(") })
    let edit = try client.at("textDocument/rename", uri, line, 8, [("newName", "cause")])
    #expect(try client.stop() == 0)
    let changes = try #require(edit["changes"])
    guard case .object(let byURI) = changes else { throw ClientFailure(description: "changes: \(changes)") }
    #expect(byURI.count >= 4, "factor is used in several files")

    var renamed = originals
    var editCount = 0
    for (path, text) in originals {
      let edits = changes[DocumentURI.uri(ofPath: path)]?.arrayValue ?? []
      editCount += edits.count
      renamed[path] = TextEdits.apply(edits, to: text)
    }
    // Token by token, the only differences are predicate names `factor` become `cause`; quoted
    // text, comments and the symbol `factor` (an argument) are as they were.
    var renamedTokens = 0
    for (path, text) in originals.sorted(by: { $0.key < $1.key }) {
      let (before, beforeComments) = Lexer.tokenizeKeepingComments(SourceFile(id: 0, name: path, text: text))
      let after = SourceFile(id: 0, name: path, text: renamed[path] ?? "")
      let (afterTokens, afterComments) = Lexer.tokenizeKeepingComments(after)
      try #require(before.count == afterTokens.count, "\(path)")
      #expect(beforeComments.count == afterComments.count)
      for (old, new) in zip(before, afterTokens) where old.kind != new.kind {
        #expect(old.kind == .name("factor") && new.kind == .name("cause"), "\(path): \(old.kind) -> \(new.kind)")
        renamedTokens += 1
      }
      for (i, token) in afterTokens.enumerated() where token.kind == .name("factor") {
        // What stays is a symbol: an argument, never followed by '('.
        #expect(i + 1 < afterTokens.count && !afterTokens[i + 1].isPunct(.leftParen), "\(path): factor( left")
      }
    }
    #expect(renamedTokens == editCount)
    #expect(renamedTokens > 20)

    // The engine reads the renamed knowledge base as the same knowledge under the new name.
    let paths = originals.keys.sorted()
    let old = KnowledgeAnalysis(paths: paths, loader: MemoryLoader(files: MemoryFiles(originals)))
    let new = KnowledgeAnalysis(paths: paths, loader: MemoryLoader(files: MemoryFiles(renamed)))
    #expect(old.diagnostics.filter { $0.severity == .error }.isEmpty)
    #expect(new.diagnostics.filter { $0.severity == .error }.isEmpty, "\(new.diagnostics.map(\.message))")
    #expect(new.catalog.number(of: "factor") == nil)
    let before = try #require(old.catalog.number(of: "factor").map { old.catalog[$0] })
    let after = try #require(new.catalog.number(of: "cause").map { new.catalog[$0] })
    #expect(after.arity == before.arity && after.columns == before.columns && after.doc == before.doc)
    #expect(new.definitions["cause"] == old.definitions["factor"])
    for (name, counts) in old.definitions where name != "factor" {
      #expect(new.definitions[name] == counts, "\(name)")
    }
  }
}
