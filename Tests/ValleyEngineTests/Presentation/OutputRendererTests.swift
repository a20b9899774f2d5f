import Testing
import ValleyTestSupport

@testable import ValleyEngine

@Suite struct OutputRendererTests {
  @Test func errorInJSONIsOneObjectWithTheLine() throws {
    let session = Session()
    let outputs = session.execute(input: "\n?- nope(X).")
    let output = try #require(outputs.first)
    let rendered = OutputRenderer(format: .json, sources: session.sources).render(output)
    #expect(
      rendered.stdout
        == #"{"error": "<input:1>:2:4: error: unknown predicate 'nope/1' [E202]", "line": 2}"#
        + "\n")
    #expect(rendered.stderr == "")
  }

  @Test func errorAsTextGoesToStandardError() throws {
    let session = Session()
    let output = try #require(session.execute(input: "?- nope(X).").first)
    let rendered = OutputRenderer(format: .table, sources: session.sources).render(output)
    #expect(rendered.stdout == "")
    #expect(rendered.stderr.hasPrefix("<input:1>:1:4: error: unknown predicate 'nope/1' [E202]\n"))
    #expect(rendered.stderr.hasSuffix("\n"))
  }

  @Test func messagesInJSONHaveNoRowsAndNoError() {
    let rendered = OutputRenderer(format: .json, sources: SourceRegistry()).render(
      .text("asserted 1 fact"))
    #expect(rendered.stdout.hasPrefix("{"))
    #expect(rendered.stdout.hasSuffix("}\n"))
    #expect(!rendered.stdout.contains("\"rows\""))
    #expect(!rendered.stdout.contains("\"error\""))
  }

  @Test func answersUseTheRendererFormat() throws {
    let session = Session.loaded("p(1).")
    let output = try #require(session.execute(input: "?- p(X).").first)
    #expect(
      OutputRenderer(format: .csv, sources: session.sources).render(output).stdout == "X\r\n1\r\n")
  }
}
