import Testing
import ValleyLanguageServer
import ValleyTestSupport

/// The protocol itself, against the real `valley lsp` process: the handshake, errors for bad
/// input, and the way out.
@Suite struct ProtocolTests {
  @Test func initializeAdvertisesTheFeaturesAndNoFormatting() throws {
    let client = try LSPClient(root: nil, initialize: false)
    let answer = try client.request("initialize", ["processId": nil, "rootUri": nil, "capabilities": [:]])
    let capabilities = try #require(answer["result"]?["capabilities"])
    for feature in [
      "hoverProvider", "definitionProvider", "referencesProvider", "renameProvider", "completionProvider",
      "documentSymbolProvider", "semanticTokensProvider", "codeActionProvider",
    ] {
      #expect(capabilities[feature] != nil, "missing \(feature)")
    }
    #expect(capabilities["documentFormattingProvider"] == nil)
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
