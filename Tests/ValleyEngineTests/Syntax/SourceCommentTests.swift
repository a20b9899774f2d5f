import Testing
import ValleyTestSupport

@testable import ValleyEngine

@Suite struct SourceCommentTests {
  private func lexed(_ text: String) -> (tokens: [Token], comments: [SourceComment], text: [UInt8]) {
    var registry = SourceRegistry()
    let file = registry.add(name: "test.kb", text: text)
    let (tokens, comments) = Lexer.tokenizeKeepingComments(file)
    return (tokens, comments, Array(text.utf8))
  }

  private func texts(_ text: String) -> [String] {
    let result = lexed(text)
    return result.comments.map { String(decoding: result.text[$0.span.start..<$0.span.end], as: UTF8.self) }
  }

  @Test func commentsComeBackInOrderWithTheirText() {
    let source = "#!/usr/bin/env -S valley run\np(a). % a fact\n/* two\nlines */ q(b).\n%last"
    #expect(texts(source) == ["#!/usr/bin/env -S valley run", "% a fact", "/* two\nlines */", "%last"])
    #expect(lexed(source).comments.map { $0.kind } == [.shebang, .line, .block, .line])
    #expect(lexed(source).comments.map { $0.line } == [0, 1, 2, 4])
  }

  @Test func recordingCommentsLeavesTheTokensAlone() {
    let source = "p(X) :- q(X), % why\n /* and */ not r(X).\n"
    #expect(lexed(source).tokens == lex(source))
  }

  @Test func aPercentInsideQuotesIsNoComment() {
    #expect(texts("p(\"50% of firms\"). % real") == ["% real"])
  }

  @Test func anUnterminatedBlockIsAnErrorNotAComment() {
    let result = lexed("p(a). /* open")
    #expect(result.comments.isEmpty)
    #expect(result.tokens.contains { if case .invalid = $0.kind { return true } else { return false } })
  }

  @Test func theDefaultLexerKeepsNothing() {
    var registry = SourceRegistry()
    var lexer = Lexer(registry.add(name: "t.kb", text: "% c\np."))
    while !lexer.nextToken().isEnd {}
    #expect(lexer.comments.isEmpty)
  }
}
