import Testing
import ValleyLanguageServer
import ValleyTestSupport

/// Hover, definition, references and rename across the files of a workspace, most of them
/// never opened.
@Suite struct NavigationTests {
  @Test func hoverShowsThePredicateAndTheClauseSource() throws {
    let fixture = try LSPFixture()
    fixture.open("b.kb")
    let hover = try fixture.client.at("textDocument/hover", fixture.uri("b.kb"), 2, 15)
    let text = try #require(hover["contents"]?["value"]?.stringValue)
    #expect(text.contains("**factor/2** `factor(id, kind)`"))
    #expect(text.contains("A factor named in the case; *kind* is success or limiting."))
    #expect(text.contains("2 facts, 0 rules"))
    #expect(text.contains("@source Kim 2020"))
    #expect(text.contains("@note The paper's own words."))
    #expect(hover.start?.0 == 2 && hover.start?.1 == 13)
    // The next clause has the same @source but no @note.
    let next = try fixture.client.at("textDocument/hover", fixture.uri("b.kb"), 3, 1)
    let nextText = try #require(next["contents"]?["value"]?.stringValue)
    #expect(nextText.contains("**weak/1**") && nextText.contains("0 facts, 1 rule"))
    #expect(nextText.contains("@source Kim 2020") && !nextText.contains("@note"))
  }

  @Test func definitionGoesToTheDeclarationInAnotherFile() throws {
    let fixture = try LSPFixture()
    fixture.open("b.kb")
    let targets = try fixture.client.at("textDocument/definition", fixture.uri("b.kb"), 3, 12).arrayValue ?? []
    #expect(targets.count == 1)
    #expect(targets.first?["uri"]?.stringValue == fixture.uri("a.kb"))
    #expect(targets.first?.start?.0 == 1 && targets.first?.start?.1 == 6)
    // Without a declaration: the heads that define it.
    let strong = try fixture.client.at("textDocument/definition", fixture.uri("b.kb"), 3, 37).arrayValue ?? []
    #expect(strong.map { $0.start?.0 } == [2])
  }

  @Test func referencesAndRenameTouchPredicateNamesOnly() throws {
    let fixture = try LSPFixture()
    fixture.open("b.kb")
    let uri = fixture.uri("b.kb")
    let without = try fixture.client.at(
      "textDocument/references", uri, 2, 16, [("context", ["includeDeclaration": false])])
    let with = try fixture.client.at("textDocument/references", uri, 2, 16, [("context", ["includeDeclaration": true])])
    #expect(without.arrayValue?.count == 5)
    #expect(with.arrayValue?.count == 6)

    let prepared = try fixture.client.at("textDocument/prepareRename", uri, 2, 16)
    #expect(prepared["placeholder"]?.stringValue == "factor")
    let edit = try fixture.client.at("textDocument/rename", uri, 2, 16, [("newName", "cause")])
    let changes = try #require(edit["changes"])
    // Apply the edits and compare whole files: exact, and nothing else changed.
    var renamed: [String: String] = [:]
    for name in LSPFixture.files.keys.sorted() {
      let edits = changes[fixture.uri(name)]?.arrayValue ?? []
      renamed[name] = TextEdits.apply(edits, to: LSPFixture.files[name] ?? "")
    }
    #expect(
      renamed["a.kb"] == """
        @source "Nam 2019, p. 3"
        @pred cause(id, kind) "A factor named in the case; *kind* is success or limiting."
        cause(networking, success).
        cause(parks, limiting).
        % factor in a comment stays as it is
        label("factor", factor_text).

        """)
    #expect(
      renamed["b.kb"] == """
        @source "Kim 2020"
        @note "The paper's own words."
        strong(F) :- cause(F, success).
        weak(F) :- cause(F, limiting), not strong(F).

        """)
    #expect(
      renamed["sub/c.kb"] == """
        mentions(factor).
        how_many(N) :- N = count { F : cause(F, _) }.

        """)
    // Symbols, quoted text and comments cannot be renamed; neither can a name be made invalid.
    let symbol = try fixture.client.request(
      "textDocument/rename",
      [
        "textDocument": ["uri": .string(fixture.uri("sub/c.kb"))], "position": ["line": 0, "character": 11],
        "newName": "x",
      ])
    #expect(symbol["error"] != nil)
    let invalid = try fixture.client.request(
      "textDocument/rename",
      ["textDocument": ["uri": .string(uri)], "position": ["line": 2, "character": 16], "newName": "Cause"])
    #expect(invalid["error"]?["message"]?.stringValue?.contains("not a predicate name") == true)
    let taken = try fixture.client.request(
      "textDocument/rename",
      ["textDocument": ["uri": .string(uri)], "position": ["line": 2, "character": 16], "newName": "strong"])
    #expect(taken["error"] != nil)
  }

  @Test func variablesRenameWithinTheirClause() throws {
    let fixture = try LSPFixture()
    fixture.open("b.kb")
    let uri = fixture.uri("b.kb")
    let edit = try fixture.client.at("textDocument/rename", uri, 3, 5, [("newName", "Factor")])
    let edits = edit["changes"]?[uri]?.arrayValue ?? []
    #expect(edits.map { $0.start?.0 } == [3, 3, 3])
    #expect(
      TextEdits.apply(edits, to: LSPFixture.files["b.kb"] ?? "").contains(
        "strong(F) :- factor(F, success).\nweak(Factor) :- factor(Factor, limiting), not strong(Factor)."))
    let clash = try fixture.client.request(
      "textDocument/rename",
      ["textDocument": ["uri": .string(uri)], "position": ["line": 3, "character": 5], "newName": "lower"])
    #expect(clash["error"] != nil)
  }
}

/// Applies a protocol text edit list to a text (positions in UTF-16 units).
enum TextEdits {
  static func apply(_ edits: [JSONValue], to text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0).utf16) }
    let sorted = edits.sorted { ($0.start?.0 ?? 0, $0.start?.1 ?? 0) > ($1.start?.0 ?? 0, $1.start?.1 ?? 0) }
    for edit in sorted {
      guard let (line, start) = edit.start, let end = edit["range"]?["end"]?["character"]?.intValue,
        edit["range"]?["end"]?["line"]?.intValue == line, let newText = edit["newText"]?.stringValue
      else { continue }
      lines[line].replaceSubrange(start..<end, with: Array(newText.utf16))
    }
    return lines.map { String(decoding: $0, as: UTF16.self) }.joined(separator: "\n")
  }
}
