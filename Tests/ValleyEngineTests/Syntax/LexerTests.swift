import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// A source text and the token kinds it must lex to (without the final end token).
struct LexCase: Sendable, CustomTestStringConvertible {
  let source: String
  let tokens: [TokenKind]

  init(_ source: String, _ tokens: [TokenKind]) {
    self.source = source
    self.tokens = tokens
  }

  var testDescription: String { source }
}

/// Lexes `text` as file 0.
func lex(_ text: String) -> [Token] {
  var registry = SourceRegistry()
  return Lexer.tokenize(registry.add(name: "test.kb", text: text))
}

/// The token kinds of `text`, without the final end token.
func kinds(_ text: String) -> [TokenKind] {
  lex(text).map(\.kind).filter { $0 != .end }
}

/// The codes of the lexer errors in `text`.
func lexErrors(_ text: String) -> [String] {
  lex(text).compactMap {
    if case .invalid(let d) = $0.kind { return d.code }
    return nil
  }
}

@Suite struct LexerTests {
  static let names: [LexCase] = [
    LexCase("gtp", [.name("gtp")]),
    LexCase("ansan_city2", [.name("ansan_city2")]),
    LexCase("안산", [.name("안산")]),
    LexCase("안산_시", [.name("안산_시")]),
    LexCase("mod", [.name("mod")]),
    LexCase("not", [.name("not")]),
    LexCase("X", [.variable("X")]),
    LexCase("Factor", [.variable("Factor")]),
    LexCase("_Tmp", [.variable("_Tmp")]),
    LexCase("_", [.variable("_")]),
    LexCase("_1", [.variable("_1")]),
    LexCase("Ärger", [.variable("Ärger")]),
    LexCase(
      "p(X,_)",
      [
        .name("p"), .punct(.leftParen), .variable("X"), .punct(.comma), .variable("_"),
        .punct(.rightParen),
      ]),
  ]

  @Test(arguments: names)
  func namesAndVariablesLexByTheirFirstLetter(_ example: LexCase) {
    #expect(kinds(example.source) == example.tokens)
  }

  static let quoted: [LexCase] = [
    LexCase(#""lack of lifestyle amenities""#, [.string("lack of lifestyle amenities")]),
    LexCase(#""안산""#, [.string("안산")]),
    LexCase(#"'Ansan City'"#, [.string("Ansan City")]),
    LexCase(#""""#, [.string("")]),
    LexCase(#""say \"hi\"""#, [.string(#"say "hi""#)]),
    LexCase(#""back\\slash""#, [.string(#"back\slash"#)]),
    LexCase(#""line\nbreak""#, [.string("line\nbreak")]),
    LexCase(#""tab\there""#, [.string("tab\there")]),
    LexCase(#""\u{AC00}""#, [.string("가")]),
    LexCase(#""\u{1F600}!""#, [.string("\u{1F600}!")]),
    LexCase(#"'it\'s'"#, [.string("it's")]),
    LexCase(#"'say "hi"'"#, [.string(#"say "hi""#)]),
    LexCase(#""it's""#, [.string("it's")]),
    LexCase(#""% not a comment""#, [.string("% not a comment")]),
  ]

  @Test(arguments: quoted)
  func quotedTextDecodesEscapes(_ example: LexCase) {
    #expect(kinds(example.source) == example.tokens)
  }

  static let numbers: [LexCase] = [
    LexCase("0", [.integer(0)]),
    LexCase("1998", [.integer(1998)]),
    LexCase("9223372036854775807", [.integer(9_223_372_036_854_775_807)]),
    // One more than Int64.max still lexes, so that the parser can read -9223372036854775808.
    LexCase("9223372036854775808", [.integer(9_223_372_036_854_775_808)]),
    LexCase("-3", [.punct(.minus), .integer(3)]),
    LexCase("3.5", [.decimal(3.5)]),
    LexCase("1e3", [.decimal(1000)]),
    LexCase("1E3", [.decimal(1000)]),
    LexCase("2.5e-1", [.decimal(0.25)]),
    LexCase("1e+2", [.decimal(100)]),
    LexCase("-0.25", [.punct(.minus), .decimal(0.25)]),
    LexCase("1.", [.integer(1), .punct(.period)]),
    LexCase(
      "p(1).", [.name("p"), .punct(.leftParen), .integer(1), .punct(.rightParen), .punct(.period)]),
    LexCase("1e", [.integer(1), .name("e")]),
    LexCase("5-3", [.integer(5), .punct(.minus), .integer(3)]),
  ]

  @Test(arguments: numbers)
  func numbersLexAsIntegersOrDecimals(_ example: LexCase) {
    #expect(kinds(example.source) == example.tokens)
  }

  static let operators: [LexCase] = [
    LexCase(":-", [.punct(.implies)]),
    LexCase("?-", [.punct(.queryMark)]),
    LexCase("!=", [.punct(.notEqual)]),
    LexCase(#"\="#, [.punct(.notEqual)]),
    LexCase("=<", [.punct(.lessEqual)]),
    LexCase("<=", [.punct(.lessEqual)]),
    LexCase(">=", [.punct(.greaterEqual)]),
    LexCase(#"\+"#, [.punct(.negation)]),
    LexCase(
      "= < > + - * /",
      [
        .punct(.equal), .punct(.less), .punct(.greater), .punct(.plus), .punct(.minus),
        .punct(.star), .punct(.slash),
      ]),
    LexCase(
      "( ) { } , . :",
      [
        .punct(.leftParen), .punct(.rightParen), .punct(.leftBrace), .punct(.rightBrace),
        .punct(.comma), .punct(.period), .punct(.colon),
      ]),
    LexCase("X=<Y", [.variable("X"), .punct(.lessEqual), .variable("Y")]),
    LexCase(#"\+p"#, [.punct(.negation), .name("p")]),
    LexCase("@source", [.annotation("source")]),
  ]

  @Test(arguments: operators)
  func operatorsLexAsPunctuation(_ example: LexCase) {
    #expect(kinds(example.source) == example.tokens)
  }

  static let trivia: [LexCase] = [
    LexCase("p. % a comment\nq.", [.name("p"), .punct(.period), .name("q"), .punct(.period)]),
    LexCase("% only a comment", []),
    LexCase("/* a\n block */ q.", [.name("q"), .punct(.period)]),
    LexCase("p/**/q", [.name("p"), .name("q")]),
    // Block comments do not nest: the first */ ends the comment.
    LexCase("/* a /* b */ c */", [.name("c"), .punct(.star), .punct(.slash)]),
    LexCase("#!/usr/bin/env -S valley run\np.", [.name("p"), .punct(.period)]),
    LexCase("#!", []),
    LexCase("\r\n\tp.\r\n", [.name("p"), .punct(.period)]),
  ]

  @Test(arguments: trivia)
  func commentsAndBlanksAreSkipped(_ example: LexCase) {
    #expect(kinds(example.source) == example.tokens)
  }

  @Test func shebangOnlyCountsOnTheFirstLine() {
    #expect(lexErrors("p.\n#!/usr/bin/env valley\n").first == "E101")
    #expect(kinds("p.\n#!").first == .name("p"))
  }

  @Test func tokensRecordTheirLineAfterComments() {
    let tokens = lex("/* one\ntwo */ p.\n% three\nq.")
    #expect(tokens.map(\.line) == [1, 1, 3, 3, 3])
  }

  @Test func spansCoverUTF8Bytes() throws {
    let tokens = lex("안산(X)")
    let name = try #require(tokens.first)
    #expect(name.span.start == 0)
    #expect(name.span.end == 6)
    #expect(tokens[1].span.start == 6)
  }

  static let errors: [(source: String, code: String)] = [
    ("99999999999999999999", "E102"),
    ("18446744073709551616", "E102"),
    ("1e999", "E102"),
    ("\"never closed", "E103"),
    ("'never closed", "E103"),
    ("\"broken\nacross", "E103"),
    (#""bad \q escape""#, "E103"),
    (#""\u{110000}""#, "E103"),
    (#""\u{}""#, "E103"),
    (#""\u{D800}""#, "E103"),
    ("/* never closed", "E104"),
    ("p. /* never\nclosed", "E104"),
    ("p ! q", "E101"),
    ("p ? q", "E101"),
    ("p # q", "E101"),
    ("@ source", "E101"),
  ]

  @Test(arguments: errors)
  func unreadableTextBecomesAnInvalidToken(source: String, code: String) {
    #expect(lexErrors(source) == [code])
  }

  @Test func lexingContinuesAfterAnError() {
    #expect(kinds("\"open\np.").suffix(2) == [.name("p"), .punct(.period)])
    #expect(
      kinds("p ! q").filter { if case .invalid = $0 { false } else { true } } == [
        .name("p"), .name("q"),
      ])
  }

  @Test func outOfRangeIntegerNamesItsRange() throws {
    let token = try #require(lex("99999999999999999999").first)
    guard case .invalid(let diagnostic) = token.kind else {
      Issue.record("expected an invalid token, got \(token.kind)")
      return
    }
    #expect(diagnostic.message.contains("99999999999999999999"))
    #expect(diagnostic.span == SourceSpan(file: 0, start: 0, end: 20))
  }

  @Test func unterminatedCommentPointsAtItsOpening() throws {
    let token = try #require(
      lex("p.\n  /* open").first { if case .invalid = $0.kind { true } else { false } })
    #expect(token.span == SourceSpan(file: 0, start: 5, end: 7))
  }

  @Test func lexerAlwaysEndsWithEndToken() {
    for text in ["", "p.", "\"open", "/* open", "#!x"] {
      #expect(lex(text).last?.kind == .end, "for \(text)")
    }
  }
}
