import Testing
import ValleyLanguageServer

@Suite struct JSONTests {
  @Test func readsAndWritesMessages() throws {
    let text = #"{"jsonrpc":"2.0","id":7,"method":"x","params":{"a":[1,-2.5e3,true,null,"\u00e9\ud83d\ude00\n"]}}"#
    let value = try JSONParser.parse(text)
    #expect(value["id"]?.intValue == 7)
    #expect(value["params"]?["a"]?.arrayValue?[4].stringValue == "é😀\n")
    #expect(value.serialized == #"{"jsonrpc":"2.0","id":7,"method":"x","params":{"a":[1,-2.5e3,true,null,"é😀\n"]}}"#)
  }
}
