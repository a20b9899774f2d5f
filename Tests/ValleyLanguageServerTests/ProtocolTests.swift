import Testing
import ValleyLanguageServer
import ValleyTestSupport

/// The protocol itself, against the real `valley lsp` process: the handshake, errors for bad
/// input, and the way out.
@Suite struct ProtocolTests {
  @Test func initializeAdvertisesTheFeatures() throws {
    let client = try LSPClient(root: nil, initialize: false)
    let answer = try client.request("initialize", ["processId": nil, "rootUri": nil, "capabilities": [:]])
    let capabilities = try #require(answer["result"]?["capabilities"])
    for feature in [
      "hoverProvider", "definitionProvider", "referencesProvider", "renameProvider", "completionProvider",
      "documentSymbolProvider", "semanticTokensProvider", "codeActionProvider", "documentFormattingProvider",
    ] {
      #expect(capabilities[feature] != nil, "missing \(feature)")
    }
    #expect(try client.stop() == 0)
  }

  @Test func badInputGetsProtocolErrorsAndTheServerCarriesOn() throws {
    let client = try LSPClient(root: nil, initialize: false)
    // Before initialize.
    let early = try client.request("textDocument/hover", [:])
    #expect(early["error"]?["code"]?.intValue == -32002)
    _ = try client.request("initialize", ["capabilities": [:]])
    // Not JSON: a parse error with a null id.
    client.send(bytes: Array("Content-Length: 9\r\n\r\n{\"id\": 1,".utf8))
    let parse = try client.response(to: .null)
    #expect(parse["error"]?["code"]?.intValue == -32700)
    // Deep nesting is refused, not recursed into.
    let deep = String(repeating: "[", count: 100_000)
    client.send(bytes: Array("Content-Length: \(deep.utf8.count)\r\n\r\n\(deep)".utf8))
    #expect(try client.response(to: .null)["error"]?["code"]?.intValue == -32700)
    // Not an object, and a header without a length (skipped, logged).
    client.send(bytes: Array("Content-Length: 2\r\n\r\n[]".utf8))
    #expect(try client.response(to: .null)["error"]?["code"]?.intValue == -32600)
    client.send(bytes: Array("X-Nothing: 1\r\n\r\n".utf8))
    // Unknown method, missing parameters, a document nobody opened, a position far away.
    #expect(try client.request("valley/unknown", [:])["error"]?["code"]?.intValue == -32601)
    #expect(try client.request("textDocument/hover", [:])["error"]?["code"]?.intValue == -32602)
    let nowhere = try client.request(
      "textDocument/hover", ["textDocument": ["uri": "file:///nowhere.kb"], "position": ["line": 0, "character": 0]])
    #expect(nowhere["error"]?["code"]?.intValue == -32602)
    let uri = "file:///tmp/valley-lsp-protocol-test.kb"
    client.open(uri, "p(1).\n")
    #expect(try client.at("textDocument/hover", uri, 99_999, 99_999) == .null)
    let negative = try client.request(
      "textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": ["line": -1, "character": 0]])
    #expect(negative["error"]?["code"]?.intValue == -32602)
    // Unknown notifications are ignored; the server still answers.
    client.notify("valley/whatever", [1, 2])
    #expect(try client.stop() == 0)
    #expect(client.standardError.contains("skipped a message"))
  }

  @Test func exitWithoutShutdownIsAnError() throws {
    let client = try LSPClient(root: nil)
    client.notify("exit", nil)
    #expect(try client.waitForExit() == 1)
  }

  @Test func requestsAfterShutdownAreRefused() throws {
    let client = try LSPClient(root: nil)
    _ = try client.request("shutdown", nil)
    #expect(try client.request("textDocument/hover", [:])["error"]?["code"]?.intValue == -32600)
    client.notify("exit", nil)
    #expect(try client.waitForExit() == 0)
  }
}

extension ProtocolTests {
  /// Every request, at every kind of position (inside a surrogate pair, past a line's end,
  /// past the file's end), on broken text full of multi-byte characters: an answer each time.
  @Test func everyRequestAnswersAtAnyPositionOfABrokenFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let client = try LSPClient(root: folder.path)
    let text = "@pred 안산(\"😀\" \np(X :- 😀(Y), \"unterminated\n/* open comment\nq(A) :- r(A), not q(A).\n"
    let uris = [DocumentURI.uri(ofPath: folder.path("broken.kb")), DocumentURI.uri(ofPath: folder.path("broken.q"))]
    for uri in uris { client.open(uri, text) }
    let positions = [
      (0, 0), (0, 8), (0, 9), (1, 4), (1, 8), (2, 5), (4, 0), (3, 30), (50, 0), (1, 10_000), (Int(Int32.max), 3),
    ]
    let methods = [
      "textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/prepareRename",
      "textDocument/completion", "textDocument/documentSymbol", "textDocument/semanticTokens/full",
    ]
    for uri in uris {
      for (line, character) in positions {
        for method in methods {
          let answer = try client.request(
            method,
            [
              "textDocument": ["uri": .string(uri)], "position": ["line": .int(line), "character": .int(character)],
              "context": ["includeDeclaration": true],
            ])
          #expect(answer["result"] != nil || answer["error"] != nil, "\(method) at \(line):\(character)")
        }
        let rename = try client.request(
          "textDocument/rename",
          [
            "textDocument": ["uri": .string(uri)], "position": ["line": .int(line), "character": .int(character)],
            "newName": "Z",
          ])
        #expect(rename["result"] != nil || rename["error"] != nil)
        let actions = try client.request(
          "textDocument/codeAction",
          [
            "textDocument": ["uri": .string(uri)],
            "range": [
              "start": ["line": .int(line), "character": .int(character)], "end": ["line": 99_999, "character": 0],
            ],
            "context": ["diagnostics": []],
          ])
        #expect(actions["result"] != nil)
      }
    }
    #expect(try client.diagnostics(for: uris[0]).isEmpty == false)
    #expect(try client.stop() == 0)
  }
}
