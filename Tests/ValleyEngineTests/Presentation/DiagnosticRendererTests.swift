import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// The rendering of the first diagnostic a knowledge file produces.
private func renderFirst(_ knowledge: String) throws -> [String] {
  let (session, diagnostics) = loadDiagnostics(knowledge)
  let first = try #require(diagnostics.first)
  return DiagnosticRenderer(sources: session.sources).render(first)
    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

@Suite struct DiagnosticRendererTests {
  @Test func caretLinesUpUnderTextAfterHangul() throws {
    let lines = try renderFirst("q(안산).\np(안산, X) :- q(안산).")
    #expect(
      lines == [
        "test.kb:2:7: error: variable 'X' in the head is not bound [E203]",
        "   2 | p(안산, X) :- q(안산).",
        "     | " + String(repeating: " ", count: 8) + "^",
        "help: bind X with a positive literal such as p(X) or with X = <expression>",
      ])
  }

  /// A huge name quoted in a message is cut in the middle, in the message and in the help.
  @Test func messagesQuotingHugeNamesStayBounded() throws {
    let name = "p" + String(repeating: "x", count: 100_000) + "end"
    let lines = try renderFirst("r(X) :- \(name)(X).")
    #expect(lines.count == 4)
    #expect(lines.allSatisfy { $0.count < 400 }, "\(lines.map(\.count))")
    #expect(lines[0].hasPrefix("test.kb:1:9: error: unknown predicate 'pxxx"))
    #expect(lines[0].hasSuffix("xxxend/1' [E202]"))
    #expect(lines[0].contains("…"))
    #expect(DiagnosticRenderer.bounded("short") == "short")
    #expect(DiagnosticRenderer.bounded(String(repeating: "a", count: 1_000)).count == DiagnosticRenderer.messageLimit)
  }

  @Test func caretCoversTheDisplayWidthOfHangulText() throws {
    let lines = try renderFirst("p(X) :- 도시(X).")
    #expect(
      lines == [
        "test.kb:1:9: error: unknown predicate '도시/1' [E202]",
        "   1 | p(X) :- 도시(X).",
        "     | " + String(repeating: " ", count: 8) + "^~~~",
        "help: no fact, rule or @pred declares '도시'; type :preds to list the predicates",
      ])
  }

  @Test func notesShowTheOtherPlace() throws {
    let lines = try renderFirst("f(a, b).\nf(a, b, c).")
    #expect(
      lines == [
        "test.kb:2:1: error: 'f' is used with 3 arguments here, but with 2 elsewhere [E201]",
        "   2 | f(a, b, c).",
        "     | ^~~~~~~~~~",
        "test.kb:1:1: note: 'f/2' is first used here",
        "   1 | f(a, b).",
        "     | ^~~~~~~",
        "help: each predicate has one arity; rename one of them or fix the arguments",
      ])
  }

  @Test func tabsBeforeTheSpanStayTabs() throws {
    let lines = try renderFirst("\tp(X) :- zz(X).")
    #expect(lines.count >= 3)
    #expect(lines[2] == "     | \t" + String(repeating: " ", count: 8) + "^~")
  }

  @Test func renderingHasNoTrailingSpaces() throws {
    let lines = try renderFirst("p(X) :- q(Y).   \n")
    #expect(lines.count > 2)
    for line in lines {
      #expect(!line.hasSuffix(" "), "trailing space in '\(line)'")
    }
  }

  @Test func renderingHasNoTrailingTabs() throws {
    let lines = try renderFirst("p(X) :- q(Y).\t\n")
    for line in lines {
      #expect(line.last?.isWhitespace != true, "trailing white space in '\(line)'")
    }
  }

  @Test func emptySpanAtTheEndOfTheLineGetsACaret() throws {
    let session = Session()
    let error = try #require(session.errors("?- p(X").first)
    let lines = DiagnosticRenderer(sources: session.sources).render(error).split(separator: "\n")
    #expect(lines.count >= 3)
    #expect(lines.dropFirst().first == "   1 | ?- p(X")
    #expect(lines.dropFirst(2).first == "     |       ^")
  }

  @Test func headlineIsTheFirstLineOnly() throws {
    let (session, diagnostics) = loadDiagnostics("f(a, b).\nf(a, b, c).")
    let first = try #require(diagnostics.first)
    #expect(
      DiagnosticRenderer(sources: session.sources).headline(first)
        == "test.kb:2:1: error: 'f' is used with 3 arguments here, but with 2 elsewhere [E201]")
  }

  @Test func diagnosticWithoutSpanHasNoLocation() {
    let diagnostic = Diagnostic.error(
      .E505, "cannot read 'x.kb': no such file", at: nil, help: "check the path")
    let text = DiagnosticRenderer(sources: SourceRegistry()).render(diagnostic)
    #expect(text == "error: cannot read 'x.kb': no such file [E505]\nhelp: check the path")
  }

  @Test func colourIsOnlyAddedWhenAsked() throws {
    let (session, diagnostics) = loadDiagnostics("p(X) :- q(X).")
    let first = try #require(diagnostics.first)
    #expect(!DiagnosticRenderer(sources: session.sources).render(first).contains("\u{1B}["))
    #expect(
      DiagnosticRenderer(sources: session.sources, color: true).render(first).contains("\u{1B}["))
  }

  @Test func warningsRenderAsWarnings() throws {
    let lines = try renderFirst("q(1, 2).\np(X) :- q(X, Y).")
    #expect(
      lines.first == "test.kb:2:14: warning: variable 'Y' appears only once in this rule [W101]")
  }
}
