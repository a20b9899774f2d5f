import Foundation
import Testing
import ValleyLanguageServer
import ValleyTestSupport

/// Diagnostics as the editor sees them: the engine's codes, at the right UTF-16 place, fresh
/// after every change, over the whole workspace.
@Suite struct DiagnosticsTests {
  @Test func anErrorAfterHangulAndAnEmojiPointsAtTheRightCharacter() throws {
    let fixture = try LSPFixture()
    let uri = fixture.uri("d.kb")
    let line = "place(\"😀 안산\"). odd(A) :- place(A), facto(A, success)."
    fixture.client.open(uri, "% first line\n" + line + "\n")
    let diagnostics = try fixture.client.diagnostics(for: uri)
    try #require(diagnostics.count == 1, "\(diagnostics)")
    let diagnostic = diagnostics[0]
    #expect(diagnostic["code"]?.stringValue == "E202")
    #expect(diagnostic["severity"]?.intValue == 1)
    let prefix = try #require(line.firstRange(of: "facto(")).lowerBound
    let expected = line[..<prefix].utf16.count
    #expect(diagnostic.start?.0 == 1)
    #expect(diagnostic.start?.1 == expected)
    #expect(diagnostic["range"]?["end"]?["character"]?.intValue == expected + 5)
    let message = diagnostic["message"]?.stringValue ?? ""
    #expect(message.contains("unknown predicate 'facto/2'"))
    #expect(message.contains("did you mean 'factor'?"))
  }

  @Test func fixingTheTextClearsTheListAndTheOpenTextWinsOverTheDisk() throws {
    let fixture = try LSPFixture()
    let uri = fixture.uri("b.kb")
    // On disk b.kb is clean; the open text breaks it.
    fixture.client.open(uri, "strong(F) :- factor(F, success), lonely(G).\n")
    let broken = try fixture.client.diagnostics(for: uri, version: 1)
    #expect(broken.compactMap { $0["code"]?.stringValue } == ["E202"])
    fixture.client.change(uri, "strong(F) :- factor(F, success).\n", version: 2)
    #expect(try fixture.client.diagnostics(for: uri, version: 2) == [])
    fixture.client.change(uri, "strong(F) :- factor(F, success), weak(F\n", version: 3)
    let syntax = try fixture.client.diagnostics(for: uri, version: 3)
    #expect(syntax.compactMap { $0["code"]?.stringValue } == ["E100"])
    #expect(try fixture.client.stop() == 0)
  }

  @Test func notesBecomeRelatedInformationAndWarningsHaveTheirCode() throws {
    let fixture = try LSPFixture()
    let uri = fixture.uri("e.kb")
    fixture.client.open(
      uri,
      """
      @pred factor(x, y) "again".
      lonely(X) :- factor(X, Y), factor(Z, success).

      """)
    let diagnostics = try fixture.client.diagnostics(for: uri)
    let duplicate = try #require(diagnostics.first { $0["code"]?.stringValue == "E204" })
    let related = try #require(duplicate["relatedInformation"]?.arrayValue?.first)
    #expect(related["location"]?["uri"]?.stringValue == fixture.uri("a.kb"))
    #expect(related["location"]?.start?.0 == 1)
    #expect(related["message"]?.stringValue == "first declared here")
    // The declaration error stops the load, so the singleton check has not run; fix it.
    fixture.client.change(uri, "lonely(X) :- factor(X, Y), factor(Z, success).\n", version: 2)
    let warnings = try fixture.client.diagnostics(for: uri, version: 2)
    #expect(warnings.compactMap { $0["code"]?.stringValue } == ["W101", "W101"])
    #expect(warnings.allSatisfy { $0["severity"]?.intValue == 2 })
    #expect(warnings.first?["message"]?.stringValue?.contains("help: write _") == true)
  }

  @Test func scriptsAreCheckedAgainstTheWorkspaceAndWhatTheyLoad() throws {
    let fixture = try LSPFixture()
    // The loaded file is outside the workspace: the script gets an analysis of its own.
    let outside = try TemporaryFolder(["more.kb": "extra_fact(1).\n"])
    defer { outside.remove() }
    let uri = fixture.uri("s.q")
    fixture.client.open(
      uri,
      """
      :load "\(outside.path("more.kb"))"
      ?- strong(F), extra_fact(N).
      :asert p(1).
      :assert tmp(2).
      tmp(X), unknown_thing(X).
      :load "missing.kb"

      """)
    let diagnostics = try fixture.client.diagnostics(for: uri)
    let codes = diagnostics.compactMap { $0["code"]?.stringValue }
    #expect(codes == ["E501", "E202", "E505"], "\(diagnostics)")
    #expect(diagnostics.map { $0.start?.0 } == [2, 4, 5])
  }
}

extension DiagnosticsTests {
  @Test func rangedChangesAreAppliedToo() throws {
    let fixture = try LSPFixture()
    let uri = fixture.uri("r.kb")
    fixture.client.open(uri, "안산(x). ok :- 안산(y).\n")
    #expect(try fixture.client.diagnostics(for: uri, version: 1) == [])
    // Replace the second 안산 (UTF-16 characters 13 to 15 of line 0) with a typo.
    fixture.client.notify(
      "textDocument/didChange",
      [
        "textDocument": ["uri": .string(uri), "version": 2],
        "contentChanges": [
          ["range": ["start": ["line": 0, "character": 13], "end": ["line": 0, "character": 15]], "text": "안사"]
        ],
      ])
    let diagnostics = try fixture.client.diagnostics(for: uri, version: 2)
    #expect(diagnostics.compactMap { $0["code"]?.stringValue } == ["E202"])
    #expect(diagnostics.first?.start?.1 == 13)
  }
}

extension DiagnosticsTests {
  @Test func eachFolderIsOneLoadThatSeesTheOtherFolders() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for name in ["x", "y"] {
      try FileManager.default.createDirectory(atPath: folder.path(name), withIntermediateDirectories: true)
    }
    // Both folders declare e/2, as two separate knowledge bases may; y uses shared/1 from x.
    try folder.write("x/one.kb", "@pred e(a, b) \"edges of x\".\ne(1, 2).\nshared(1).\n")
    try folder.write("y/two.kb", "@pred e(a, b) \"edges of y\".\ne(3, 4).\nuses(X) :- shared(X), e(X, _).\n")
    try folder.write("y/z_three.kb", "@pred e(a, b) \"again\".\n")
    let client = try LSPClient(root: folder.path)
    let one = DocumentURI.uri(ofPath: folder.path("x/one.kb"))
    let two = DocumentURI.uri(ofPath: folder.path("y/two.kb"))
    let three = DocumentURI.uri(ofPath: folder.path("y/z_three.kb"))
    client.open(two, "@pred e(a, b) \"edges of y\".\ne(3, 4).\nuses(X) :- shared(X), e(X, _).\n")
    #expect(try client.diagnostics(for: two, version: 1) == [])
    #expect(try client.diagnostics(for: one) == [])
    // Within one folder, a second declaration is the engine's error, pointing at the first.
    let duplicate = try client.diagnostics(for: three)
    #expect(duplicate.compactMap { $0["code"]?.stringValue } == ["E204"])
    #expect(duplicate.first?["relatedInformation"]?.arrayValue?.first?["location"]?["uri"]?.stringValue == two)
  }
}

extension DiagnosticsTests {
  @Test func aRuleThatGrowsWithoutEndIsStoppedQuickly() throws {
    let fixture = try LSPFixture()
    let uri = fixture.uri("grow.kb")
    let start = ContinuousClock.now
    fixture.client.open(uri, "n(0).\nn(Y) :- n(X), Y = X + 1.\n")
    let diagnostics = try fixture.client.diagnostics(for: uri, version: 1)
    let elapsed = ContinuousClock.now - start
    #expect(diagnostics.compactMap { $0["code"]?.stringValue }.allSatisfy { ["E403", "E404"].contains($0) })
    #expect(diagnostics.count == 1)
    #expect(elapsed < .seconds(10), "the budget is half a second; \(elapsed) is far past it")
  }
}
