import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// Parses `text` as a knowledge file.
func parseKnowledge(_ text: String) -> (file: Syntax.KnowledgeFile, diagnostics: [Diagnostic]) {
  Parser.parseKnowledge(lex(text))
}

/// The codes of the errors a knowledge file produces.
func parseErrorCodes(_ text: String) -> [String] {
  parseKnowledge(text).diagnostics.filter { $0.severity == .error }.map(\.code)
}

@Suite struct ParserTests {
  /// Clause text and its fully parenthesised reprint.
  static let clauses: [(source: String, printed: String)] = [
    ("established(gtp, 1998).", "established(gtp, 1998)."),
    ("t(-3, -0.25, 1e3, 3.5).", "t(-3, -0.25, 1000.0, 3.5)."),
    ("t(-9223372036854775808).", "t(-9223372036854775808)."),
    (#"p("안산", 'Ansan City', 안산)."#, #"p(안산, "Ansan City", 안산)."#),
    ("raining.", "raining."),
    ("wet :- raining.", "wet :- raining."),
    ("wet :- raining, not dry.", "wet :- raining, not dry."),
    ("p(X) :- q(X), not r(X).", "p(X) :- q(X), not r(X)."),
    (#"p(X) :- q(X), \+ r(X, _)."#, "p(X) :- q(X), not r(X, _)."),
    (
      "p(X) :- q(X, Y), X = Y, X != Y, X < Y, X <= Y, X > Y, X >= Y.",
      "p(X) :- q(X, Y), X = Y, X != Y, X < Y, X <= Y, X > Y, X >= Y."
    ),
    (#"p(X) :- q(X, Y), X \= Y, X =< Y."#, "p(X) :- q(X, Y), X != Y, X <= Y."),
    ("p(X) :- X = 1 + 2 * 3.", "p(X) :- X = (1 + (2 * 3))."),
    ("p(X) :- X = (1 + 2) * 3.", "p(X) :- X = ((1 + 2) * 3)."),
    ("p(X) :- X = 10 - 3 - 2.", "p(X) :- X = ((10 - 3) - 2)."),
    ("p(X) :- X = 8 / 4 / 2.", "p(X) :- X = ((8 / 4) / 2)."),
    ("p(X) :- q(Y), X = Y mod 3 * 2.", "p(X) :- q(Y), X = ((Y mod 3) * 2)."),
    ("p(X) :- q(Y), X = -Y.", "p(X) :- q(Y), X = -Y."),
    ("p(X) :- q(Y), X = -(Y + 1).", "p(X) :- q(Y), X = -(Y + 1)."),
    ("p(X) :- q(Y), X = 5 -3.", "p(X) :- q(Y), X = (5 - 3)."),
    ("p(X) :- q(X), X > -1.", "p(X) :- q(X), X > -1."),
    ("p(X) :- q(X), 2 * X < 10.", "p(X) :- q(X), (2 * X) < 10."),
    ("p(X + 1) :- q(X).", "p((X + 1)) :- q(X)."),
    (
      "n(A, N) :- actor(A), N = count { F : hinders(F, A) }.",
      "n(A, N) :- actor(A), N = count { F : hinders(F, A) }."
    ),
    (
      "total(S) :- S = sum { W, F : weight(F, W) }.", "total(S) :- S = sum { W, F : weight(F, W) }."
    ),
    (
      "e(Y) :- Y = min { Y1 : established(_, Y1) }.", "e(Y) :- Y = min { Y1 : established(_, Y1) }."
    ),
    (
      "m(Y) :- Y = 1 + max { V : w(V), not x(V) }.", "m(Y) :- Y = (1 + max { V : w(V), not x(V) })."
    ),
    ("p :- gtp = \"gtp\".", "p :- gtp = gtp."),
  ]

  @Test(arguments: clauses)
  func clausesParseToTheirTrees(source: String, printed: String) throws {
    let (file, diagnostics) = parseKnowledge(source)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let clause = try #require(file.clauses.first)
    #expect(file.clauses.count == 1)
    #expect(SyntaxPrinter.show(clause) == printed)
  }

  @Test(arguments: ["?- p(X), not q(X).", "p(X), not q(X)."])
  func queriesParseWithOrWithoutTheQueryMark(_ text: String) throws {
    let (query, diagnostics) = Parser.parseQuery(lex(text))
    #expect(diagnostics.isEmpty)
    #expect(SyntaxPrinter.show(try #require(query)) == "?- p(X), not q(X).")
  }

  @Test func zeroArityQueryParses() throws {
    let (query, _) = Parser.parseQuery(lex("?- raining."))
    #expect(SyntaxPrinter.show(try #require(query)) == "?- raining.")
  }

  @Test func clauseSpanRunsFromHeadToPeriod() throws {
    let text = "  p(X) :- q(X).  "
    let clause = try #require(parseKnowledge(text).file.clauses.first)
    #expect(clause.span == SourceSpan(file: 0, start: 2, end: 15))
  }

  // MARK: Arithmetic, end to end

  static let arithmetic: [(expression: String, value: String)] = [
    ("1 + 2 * 3", "7"),
    ("(1 + 2) * 3", "9"),
    ("10 - 3 - 2", "5"),
    ("100 / 10 / 5", "2"),
    ("2 * 3 mod 4", "2"),
    ("-2 * 3", "-6"),
    ("- (2 + 3)", "-5"),
    ("2 - -3", "5"),
    ("5 -3", "2"),
    ("1 + 2.5", "3.5"),
    ("1e3", "1000.0"),
    ("-0.25 * 2", "-0.5"),
  ]

  @Test(arguments: arithmetic)
  func arithmeticFollowsPrecedence(expression: String, value: String) throws {
    let session = Session()
    #expect(try session.answers("?- X = \(expression).") == [value])
  }

  // MARK: Annotations

  @Test func sourceAppliesUntilTheNextSource() {
    let (file, diagnostics) = parseKnowledge(
      """
      a(1).
      @source "S1"
      a(2).
      a(3) :- b.
      @source "S2"
      a(4).
      """)
    #expect(diagnostics.isEmpty)
    #expect(file.clauses.map(\.source) == [nil, "S1", "S1", "S2"])
  }

  @Test func noteAppliesToTheNextClauseOnly() {
    let (file, diagnostics) = parseKnowledge(
      """
      @source "S"
      @note "first"
      a(1).
      a(2).
      @note "third"
      a(3) :- a(2).
      """)
    #expect(diagnostics.isEmpty)
    #expect(file.clauses.map(\.note) == ["first", nil, "third"])
    #expect(file.clauses.map(\.source) == ["S", "S", "S"])
  }

  @Test func noteWithoutClauseIsAWarning() {
    let (file, diagnostics) = parseKnowledge("a(1).\n@note \"dangling\"\n")
    #expect(file.clauses.count == 1)
    #expect(diagnostics.map(\.code) == ["W102"])
    #expect(diagnostics.map(\.severity) == [.warning])
  }

  @Test func predDeclaresColumnsAndDoc() throws {
    let (file, diagnostics) = parseKnowledge(
      """
      @pred factor(id, kind) "A factor named in the case; kind is success or limiting."
      @pred raining "Whether it rains."
      @pred plain(a).
      factor(networking, success).
      """)
    #expect(diagnostics.isEmpty)
    #expect(file.declarations.map(\.name) == ["factor", "raining", "plain"])
    #expect(file.declarations.map(\.columns) == [["id", "kind"], [], ["a"]])
    #expect(
      file.declarations.map(\.doc) == [
        "A factor named in the case; kind is success or limiting.", "Whether it rains.", nil,
      ])
    #expect(file.clauses.count == 1)
  }

  @Test func unknownAnnotationSuggestsTheClosest() throws {
    let (_, diagnostics) = parseKnowledge("@sorce \"x\"\na(1).")
    let error = try #require(diagnostics.first)
    #expect(error.code == "E106")
    #expect(error.help == "did you mean '@source'?")
  }

  // MARK: Errors

  @Test func everyBadClauseIsReported() {
    let (file, diagnostics) = parseKnowledge(
      """
      p(X :- q(X).
      good(1).
      r(X) :- s(X) t(X).
      also_good(2).
      """)
    #expect(diagnostics.count == 2)
    #expect(diagnostics.map(\.code) == ["E110", "E110"])
    #expect(file.clauses.map(\.head.name) == ["good", "also_good"])
  }

  @Test func lexerErrorsAreReportedWithParserErrors() {
    let text = #"a("bad \q escape")."# + "\nb(1 2).\nc(99999999999999999999)."
    #expect(parseErrorCodes(text) == ["E103", "E110", "E102"])
  }

  /// An unterminated quote ends at the end of its line (quoted text cannot span lines), so
  /// the clause on the next line is still read and its own error reported.
  @Test func errorAfterAnUnterminatedQuoteIsStillReported() {
    #expect(parseErrorCodes("a(\"open).\nb(1 2).\nc(3).") == ["E103", "E110"])
  }

  static let errors: [(source: String, code: String)] = [
    ("p(X) :- q(X)", "E100"),
    ("p(9223372036854775808).", "E102"),
    ("p(X) :- X = 9223372036854775808.", "E102"),
    ("X(a).", "E111"),
    ("p() :- q.", "E112"),
    ("p(X) :- q(X), q(X) > 3.", "E113"),
    ("p(X) :- X = q(a).", "E114"),
    ("?- p(X).", "E115"),
    (":load \"x.kb\"", "E115"),
    (":- p.", "E115"),
    ("p(X) :- .", "E110"),
    ("p(X) :- count { }.", "E110"),
    ("p(X) :- X = count { Y  q(Y) }.", "E110"),
  ]

  @Test(arguments: errors)
  func malformedClausesAreErrors(source: String, code: String) {
    #expect(parseErrorCodes(source) == [code])
  }

  @Test func queryInKnowledgeFileIsRejectedButTheRestIsRead() throws {
    let (file, diagnostics) = parseKnowledge("a(1).\n?- a(X).\nb(2).")
    let error = try #require(diagnostics.first)
    #expect(error.code == "E115")
    #expect(error.message == "queries cannot appear in a knowledge file")
    #expect(file.clauses.map(\.head.name) == ["a", "b"])
  }

  @Test func singleClauseMustBeAlone() {
    let (clause, diagnostics) = Parser.parseSingleClause(lex("p(1). q(2)."))
    #expect(clause == nil)
    #expect(diagnostics.map(\.code) == ["E110"])
  }

  @Test func queryMustBeAlone() {
    let (query, diagnostics) = Parser.parseQuery(lex("p(X). q(X)."))
    #expect(query == nil)
    #expect(diagnostics.map(\.code) == ["E110"])
  }

  // MARK: Nesting

  static func nested(_ depth: Int) -> String {
    String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
  }

  @Test func nestingDeeperThanTheLimitIsAnError() throws {
    let codes = try #require(
      onLargeStack { parseErrorCodes("p(X) :- X = \(Self.nested(5000)).\nq(1).") })
    #expect(codes == ["E105"])
  }

  @Test func deepUnaryMinusIsAnError() throws {
    let text = "p(X) :- X = " + String(repeating: "- ", count: 5000) + "1."
    let codes = try #require(onLargeStack { parseErrorCodes(text) })
    #expect(codes == ["E105"])
  }

  @Test func deepNestingErrorLeavesLaterClausesParsed() throws {
    let names = try #require(
      onLargeStack {
        parseKnowledge("p(X) :- X = \(Self.nested(5000)).\nq(1).").file.clauses.map(\.head.name)
      })
    #expect(names == ["q"])
  }

  @Test func nestingAtTheLimitIsAccepted() throws {
    let limit = Parser.maximumDepth
    #expect(limit >= 1_000)
    let atLimit = try #require(
      onLargeStack { parseErrorCodes("p(X) :- X = \(Self.nested(limit)).") })
    #expect(atLimit.isEmpty)
    let beyond = try #require(
      onLargeStack { parseErrorCodes("p(X) :- X = \(Self.nested(limit + 1)).") })
    #expect(beyond == ["E105"])
  }

  @Test func deepQueryIsAnErrorInTheSession() throws {
    let outcome = try #require(onLargeStack { Session().outcome("?- X = \(Self.nested(5000)).") })
    #expect(outcome == .errors(["E105"]))
  }

  @Test func nestingAtTheLimitEvaluates() throws {
    let outcome = try #require(
      onLargeStack { Session().outcome("?- X = \(Self.nested(Parser.maximumDepth)).") })
    #expect(outcome == .answers(["1"]))
  }

  @Test func flatSumAtTheLimitEvaluates() throws {
    // A chain of n operators nests n levels deep, so 1,001 terms are the most accepted.
    let terms = Parser.maximumDepth + 1
    let expression = Array(repeating: "1", count: terms).joined(separator: " + ")
    let outcome = try #require(onLargeStack { Session().outcome("?- X = \(expression).") })
    #expect(outcome == .answers([String(terms)]))
  }

  @Test func longFlatSumIsAnErrorNotACrash() throws {
    // 10,000 terms used to overflow the stack of the passes after parsing.
    let expression = Array(repeating: "1", count: 10_000).joined(separator: " + ")
    let outcome = Session().outcome("?- X = \(expression).")
    #expect(outcome == .errors(["E105"]))
  }
}

/// A parser reading tokens from the lexer as it goes (how files are loaded) must give what
/// a parser over the whole token array gives, across the points where it drops old tokens.
@Suite struct StreamingParserTests {
  static func sample(clauses: Int) -> String {
    var text = "@source \"S1\"\n"
    for i in 0..<clauses {
      switch i % 5 {
      case 0: text += "p(\(i), \"text \(i)\", sym\(i % 7)).\n"
      case 1: text += "@note \"n\(i)\"\nq(\(i)) :- p(\(i), _, _), not r(\(i)).\n"
      case 2: text += "c(N) :- N = count { X : p(X, _, _) }.\n"
      case 3: text += "bad(\(i) :- .\n"
      default: text += "r(X) :- q(X), X > -\(i), X = \(i) * 2 mod 3.\n"
      }
    }
    return text
  }

  @Test(arguments: [3, 1_500, 4_000])
  func streamingMatchesTheTokenArray(clauses: Int) {
    let text = Self.sample(clauses: clauses)
    var registry = SourceRegistry()
    let file = registry.add(name: "sample.kb", text: text)
    let (whole, wholeDiagnostics) = Parser.parseKnowledge(Lexer.tokenize(file))
    let (streamed, streamedDiagnostics) = Parser.parseKnowledge(file)
    #expect(streamed.clauses.map(SyntaxPrinter.show) == whole.clauses.map(SyntaxPrinter.show))
    #expect(streamed.clauses.map(\.span) == whole.clauses.map(\.span))
    #expect(streamed.clauses.map(\.note) == whole.clauses.map(\.note))
    #expect(streamedDiagnostics.map(\.code) == wholeDiagnostics.map(\.code))
    #expect(streamedDiagnostics.map(\.span) == wholeDiagnostics.map(\.span))
    #expect(whole.clauses.count == clauses - clauses / 5 - (clauses % 5 > 3 ? 1 : 0))
  }
}
