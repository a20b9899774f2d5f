import Testing
import ValleyLanguageServer
import ValleyTestSupport

/// What helps while typing: completion, the outline, colouring and quick fixes.
@Suite struct EditingTests {
  @Test func completionWorksInAnUnfinishedClause() throws {
    let fixture = try LSPFixture()
    let uri = fixture.uri("x.kb")
    let text = "ok(1).\nr(Kind, Name) :- factor("
    fixture.client.open(uri, text)
    let items = try fixture.client.at("textDocument/completion", uri, 1, 24)["items"]?.arrayValue ?? []
    let factor = try #require(items.first { $0["label"]?.stringValue == "factor" })
    #expect(factor["detail"]?.stringValue == "factor/2")
    #expect(factor["documentation"]?.stringValue?.hasPrefix("A factor named") == true)
    let labels = items.compactMap { $0["label"]?.stringValue }
    #expect(labels.contains("Kind") && labels.contains("Name") && labels.contains("weak"))
    // The declared column of the argument being written, first.
    #expect(items.first?["label"]?.stringValue == "Id")
    #expect(items.first?["detail"]?.stringValue == "column 1 of factor(id, kind)")
    // Second argument.
    fixture.client.change(uri, text + "Name, ", version: 2)
    let second = try fixture.client.at("textDocument/completion", uri, 1, 30)["items"]?.arrayValue ?? []
    #expect(second.first?["label"]?.stringValue == "Kind")
  }

  @Test func completionOffersCommandsInScripts() throws {
    let fixture = try LSPFixture()
    let uri = fixture.uri("t.q")
    fixture.client.open(uri, "?- strong(X).\n:load \"a.kb\"\n:lo")
    let items = try fixture.client.at("textDocument/completion", uri, 2, 3)["items"]?.arrayValue ?? []
    let labels = items.compactMap { $0["label"]?.stringValue }
    #expect(labels.contains("load") && labels.contains("why") && !labels.contains("factor"))
  }

  @Test func outlineListsPredicatesWithTheirClauses() throws {
    let fixture = try LSPFixture()
    fixture.open("a.kb")
    let symbols = try fixture.client.at("textDocument/documentSymbol", fixture.uri("a.kb"), 0, 0).arrayValue ?? []
    #expect(symbols.compactMap { $0["name"]?.stringValue } == ["factor/2", "label/2"])
    let children = symbols.first?["children"]?.arrayValue ?? []
    #expect(
      children.compactMap { $0["name"]?.stringValue } == [
        "@pred factor", "factor(networking, success).", "factor(parks, limiting).",
      ])
  }

  @Test func semanticTokensTellPredicatesVariablesSymbolsAndComments() throws {
    let fixture = try LSPFixture()
    let uri = fixture.uri("y.kb")
    fixture.client.open(uri, "% note\n@note \"n\"\nq(X, abc, 3) :- factor(X, \"s\").\n/* a\nb */")
    let legend = [
      "function", "variable", "enumMember", "string", "number", "comment", "decorator", "keyword", "operator",
    ]
    let data = (try fixture.client.at("textDocument/semanticTokens/full", uri, 0, 0)["data"]?.arrayValue ?? [])
      .compactMap(
        \.intValue)
    try #require(data.count % 5 == 0)
    var decoded: [(Int, Int, Int, String)] = []
    var line = 0
    var character = 0
    for i in stride(from: 0, to: data.count, by: 5) {
      line += data[i]
      character = data[i] == 0 ? character + data[i + 1] : data[i + 1]
      decoded.append((line, character, data[i + 2], legend[data[i + 3]]))
    }
    let expected: [(Int, Int, Int, String)] = [
      (0, 0, 6, "comment"), (1, 0, 5, "decorator"), (1, 6, 3, "string"), (2, 0, 1, "function"), (2, 2, 1, "variable"),
      (2, 5, 3, "enumMember"), (2, 10, 1, "number"), (2, 13, 2, "operator"), (2, 16, 6, "function"),
      (2, 23, 1, "variable"), (2, 26, 3, "string"), (3, 0, 4, "comment"), (4, 0, 4, "comment"),
    ]
    #expect(decoded.map { "\($0)" } == expected.map { "\($0)" })
  }

  @Test func quickFixesTakeTheSuggestionOrMarkTheVariable() throws {
    let fixture = try LSPFixture()
    let uri = fixture.uri("z.kb")
    fixture.client.open(uri, "odd(A) :- facto(A, success).\n")
    _ = try fixture.client.diagnostics(for: uri)
    let range: JSONValue = ["start": ["line": 0, "character": 11], "end": ["line": 0, "character": 11]]
    let actions = try fixture.client.request(
      "textDocument/codeAction",
      ["textDocument": ["uri": .string(uri)], "range": range, "context": ["diagnostics": []]])
    let fix = try #require(actions["result"]?.arrayValue?.first)
    #expect(fix["title"]?.stringValue == "Change to factor")
    let edits = fix["edit"]?["changes"]?[uri]?.arrayValue ?? []
    #expect(TextEdits.apply(edits, to: "odd(A) :- facto(A, success).\n") == "odd(A) :- factor(A, success).\n")

    fixture.client.change(uri, "odd(A) :- factor(A, B).\n", version: 2)
    let singleton = try fixture.client.request(
      "textDocument/codeAction",
      [
        "textDocument": ["uri": .string(uri)],
        "range": ["start": ["line": 0, "character": 20], "end": ["line": 0, "character": 21]],
        "context": ["diagnostics": []],
      ])
    let titles = singleton["result"]?.arrayValue?.compactMap { $0["title"]?.stringValue } ?? []
    #expect(titles == ["Replace B with _", "Rename B to _B"])
  }
}

extension EditingTests {
  @Test func scriptsHaveHoverAnOutlineAndColouredCommands() throws {
    let fixture = try LSPFixture()
    let uri = fixture.uri("u.q")
    fixture.client.open(uri, ":load \"a.kb\"\n?- weak(F).\n")
    let hover = try fixture.client.at("textDocument/hover", uri, 1, 4)
    #expect(hover["contents"]?["value"]?.stringValue?.hasPrefix("**weak/1**") == true)
    let symbols = try fixture.client.at("textDocument/documentSymbol", uri, 0, 0).arrayValue ?? []
    #expect(symbols.compactMap { $0["name"]?.stringValue } == [":load \"a.kb\"", "?- weak(F)."])
    let data = (try fixture.client.at("textDocument/semanticTokens/full", uri, 0, 0)["data"]?.arrayValue ?? [])
      .compactMap(\.intValue)
    // load (keyword), "a.kb" (string), ?- (operator), weak (function), F (variable).
    #expect(data.count == 25)
    #expect(stride(from: 3, to: data.count, by: 5).map { data[$0] } == [7, 3, 8, 0, 1])
    let annotations = try fixture.client.at("textDocument/completion", fixture.uri("a.kb"), 0, 1)
    #expect(
      annotations["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } == ["source", "note", "pred", "import"])
    let lone = fixture.uri("lone.kb")
    fixture.client.open(lone, "p(1).\n@")
    let afterAt = try fixture.client.at("textDocument/completion", lone, 1, 1)
    #expect(
      afterAt["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } == ["source", "note", "pred", "import"])
  }

  @Test func formattingIsValleyFmtsLayoutAsOneEdit() throws {
    let fixture = try LSPFixture()
    let uri = fixture.uri("f.kb")
    // Hangul before the end: the edit's range ends in UTF-16 units.
    let messy = "p(X):-q(X,Y),not r(Y).   % 안산\n\n\n\nq(a,b).\nr(\"안산\")."
    fixture.client.open(uri, messy)
    let edits =
      try fixture.client.request(
        "textDocument/formatting",
        ["textDocument": ["uri": .string(uri)], "options": ["tabSize": 2, "insertSpaces": true]]
      )["result"]?.arrayValue ?? []
    #expect(edits.count == 1)
    let edit = try #require(edits.first)
    #expect(edit["range"]?["start"]?["line"]?.intValue == 0 && edit["range"]?["start"]?["character"]?.intValue == 0)
    #expect(edit["range"]?["end"]?["line"]?.intValue == 5 && edit["range"]?["end"]?["character"]?.intValue == 8)
    let formatted = "p(X) :- q(X, Y), not r(Y). % 안산\n\nq(a, b).\nr(\"안산\").\n"
    #expect(edit["newText"]?.stringValue == formatted)
    // Formatted text needs no edit; text with a syntax error gets none either.
    fixture.client.change(uri, formatted, version: 2)
    let none = try fixture.client.request("textDocument/formatting", ["textDocument": ["uri": .string(uri)]])
    #expect(none["result"]?.arrayValue?.isEmpty == true)
    fixture.client.change(uri, "p(X :- q(X).", version: 3)
    let broken = try fixture.client.request("textDocument/formatting", ["textDocument": ["uri": .string(uri)]])
    #expect(broken["result"]?.arrayValue?.isEmpty == true)
    // A document that is not open is a parameter error.
    let closed = try fixture.client.request(
      "textDocument/formatting", ["textDocument": ["uri": .string(fixture.uri("a.kb"))]])
    #expect(closed["error"]?["code"]?.intValue == -32602)
  }
}
