import Testing
import ValleyEngine
import ValleyLanguageServer

/// The pieces under the protocol, in process: JSON, framing, UTF-16 positions, file URIs.
@Suite struct TransportTests {
  @Test func badJSONIsAnErrorNeverATrap() throws {
    for text in [
      "", "{", "[1,]", "{\"a\" 1}", "\"\\u12\"", "\"\u{01}\"", "01x", "-", "1e", "nul", "[1] 2",
      String(repeating: "{\"a\":", count: 10_000),
    ] {
      #expect(throws: JSONParseError.self, "\(text.prefix(20))") { try JSONParser.parse(text) }
    }
    #expect(try JSONParser.parse("\"\\ud800\"") == .string("\u{FFFD}"))
  }

  @Test func framesAreReadAcrossChunksAndBadHeadersAreSkipped() {
    let first = framed(["id": 1])
    let bytes = Array("Content-Type: x\r\n\r\n".utf8) + first + Array("content-length:  2 \r\n\r\n{}".utf8)
    var chunks = bytes.map { [$0] }  // one byte at a time
    var reader = FrameReader {
      chunks.isEmpty ? nil : chunks.removeFirst()
    }
    guard case .badHeader = reader.next() else {
      Issue.record("a header without a length is reported")
      return
    }
    #expect(reader.next() == .message(Array("{\"id\":1}".utf8)))
    #expect(reader.next() == .message(Array("{}".utf8)))
    #expect(reader.next() == .end)
    var short = [Array("Content-Length: 10\r\n\r\n{}".utf8)]
    var truncated = FrameReader { short.isEmpty ? nil : short.removeFirst() }
    #expect(truncated.next() == .end)
  }

  @Test func positionsCountUTF16Units() {
    let file = SourceFile(id: 0, name: "t", text: "ab\n😀안x\r\nz")
    // "😀" is two UTF-16 units and four bytes, "안" one unit and three bytes.
    let x = file.bytes.firstIndex(of: UInt8(ascii: "x")) ?? 0
    #expect(file.position(of: x) == Position(line: 1, character: 3))
    #expect(file.offset(of: Position(line: 1, character: 3)) == x)
    // Inside the surrogate pair: the start of the emoji. Past the line's end: the line's end.
    #expect(file.offset(of: Position(line: 1, character: 1)) == 3)
    #expect(file.offset(of: Position(line: 1, character: 99)) == x + 1)
    #expect(file.offset(of: Position(line: 99, character: 0)) == file.bytes.count)
    #expect(file.position(of: 10_000) == Position(line: 2, character: 1))
  }

  @Test func fileURIsRoundTrip() {
    let path = "/tmp/a b/안산 %.kb"
    let uri = DocumentURI.uri(ofPath: path)
    #expect(uri == "file:///tmp/a%20b/%EC%95%88%EC%82%B0%20%25.kb")
    #expect(DocumentURI.path(of: uri) == path)
    #expect(DocumentURI.path(of: "file://localhost/x.kb") == "/x.kb")
    #expect(DocumentURI.path(of: "untitled:1") == nil)
  }
}
