import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// The canonical layout, case by case (docs/formatting.md), and what formatting keeps.
@Suite struct SourceFormatterTests {
  /// An input and the layout it must get.
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var kind: SourceKind = .knowledge
    var input: String
    var expected: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "spacing", input: "p( a ,b ).\nq(X):-p(X),X>=  3 ,not  r( X ).\n",
      expected: "p(a, b).\nq(X) :- p(X), X >= 3, not r(X).\n"),
    Case(
      name: "arithmetic and signs", input: "s(Y):-n(X),Y=-X*(X+ -2)mod 3,Y\\=- 1.5.\n",
      expected: "s(Y) :- n(X), Y = -X * (X + -2) mod 3, Y \\= -1.5.\n"),
    Case(
      name: "aggregates", input: "n(N):-N=count{F:f(F),\\+g(F)}.\nt(S) :- S = sum {W,F:w(F,W)}.\n",
      expected: "n(N) :- N = count { F : f(F), \\+ g(F) }.\nt(S) :- S = sum { W, F : w(F, W) }.\n"),
    Case(
      name: "quoted text and numbers keep their spelling",
      input: "label(gtp,'Gyeonggi \\'TP\\'').\nv(1e3,  0.50, \"안산\", \"a\\u{AC00}\\n\").\n",
      expected: "label(gtp, 'Gyeonggi \\'TP\\'').\nv(1e3, 0.50, \"안산\", \"a\\u{AC00}\\n\").\n"),
    Case(
      name: "a long rule breaks after :- and after each literal",
      input:
        "weakest(X, L) :- rests_on(X, _), R = min { K : rests_on(X, C), level(C, L2), rank(L2, K) }, rank(L, R), not excluded(X).\n",
      expected: """
        weakest(X, L) :-
            rests_on(X, _),
            R = min { K : rests_on(X, C), level(C, L2), rank(L2, K) },
            rank(L, R),
            not excluded(X).

        """),
    Case(
      name: "a short rule written over lines joins",
      input: "p(X) :-\n    q(X),\n\n    r(X).\n", expected: "p(X) :- q(X), r(X).\n"),
    Case(
      name: "annotations on their own lines, @note next to its clause",
      input: "@source  \"A\"   @pred p( id,kind ) \"Doc.\"\n@note \"N\"\n\np(a,b).\n@import  q \"q.csv\"\n",
      expected: "@source \"A\"\n@pred p(id, kind) \"Doc.\"\n@note \"N\"\np(a, b).\n@import q \"q.csv\"\n"),
    Case(
      name: "blank lines collapse, ends trimmed",
      input: "\n\n% head   \n\n\n\np(1).   \nq(2).\n\n\n", expected: "% head\n\np(1).\nq(2).\n"),
    Case(
      name: "comments trail, stand alone, and sit inside clauses",
      input: "p(1). % one\n  % alone\nq(X) :- /* why */ p(X), % first\n  r(X).\n",
      expected: "p(1). % one\n% alone\nq(X) :- /* why */\n    p(X), % first\n    r(X).\n"),
    Case(
      name: "a line comment inside a literal breaks the line",
      input: "p(a, % the first\nb).\n", expected: "p(a, % the first\n    b).\n"),
    Case(
      name: "block comments mid-clause stay inline", input: "p(a /* x */, b)/*y*/.\n",
      expected: "p(a /* x */, b) /*y*/.\n"),
    Case(
      name: "multi-line block comments keep their lines", input: "/* a\n   b  \n*/\np(1).\n",
      expected: "/* a\n   b\n*/\np(1).\n"),
    Case(name: "an empty file stays empty", input: "", expected: ""),
    Case(name: "only a comment", input: "% c", expected: "% c\n"),
    Case(name: "zero-arity and the Hangul name", input: "비( 가 ).\nraining.\n", expected: "비(가).\nraining.\n"),
    Case(
      name: "queries and commands", kind: .queries,
      input: "#!/usr/bin/env -S valley run\n:load   \"Knowledge/x.kb\"\n?-p(X),X<3.\n:list  p/1\n:quit.\n",
      expected: "#!/usr/bin/env -S valley run\n:load \"Knowledge/x.kb\"\n?- p(X), X < 3.\n:list p/1\n:quit.\n"),
    Case(
      name: "clause commands are laid out as clauses", kind: .queries,
      input: ":assert p(X):-q(X).\n:why  p( 1 ).\n:whynot p(1),q(2).\n",
      expected: ":assert p(X) :- q(X).\n:why p(1).\n:whynot p(1), q(2).\n"),
    Case(
      name: "a long query breaks after each literal", kind: .queries,
      input:
        "paper_success_factor(Factor), about(Claim, Factor), claim(Claim, success_factor), claim_status(Claim, paper_words).\n",
      expected:
        "paper_success_factor(Factor),\n    about(Claim, Factor),\n    claim(Claim, success_factor),\n    claim_status(Claim, paper_words).\n"
    ),
    Case(
      name: "exercise directives keep their spacing", kind: .queries,
      input: "@exercise b-1   \"Title\"\n@solution\np(X) :-q(X).\nq( X ).\n",
      expected: "@exercise b-1 \"Title\"\n@solution\np(X) :- q(X).\nq(X).\n"),
    Case(
      name: "windows line breaks", input: "p(1).\r\n% c\r\n/* a\r\nb */\r\nq(2).\r\n",
      expected: "p(1).\n% c\n/* a\nb */\nq(2).\n"),
  ]

  @Test(arguments: cases) func layout(_ c: Case) throws {
    let output = try #require(FormatCheck.format(c.input, kind: c.kind))
    #expect(output == c.expected)
    FormatCheck.expectFaithful(c.input, output, kind: c.kind, name: c.name)
  }

  /// Texts with comments in every gap, signs, negation and aggregates.
  static let nasty: [(String, SourceKind)] = [
    (
      "%a\np /*b*/ ( /*c*/ X /*d*/ ) /*e*/ :- /*f*/ q(X) /*g*/ , /*h*/ X /*i*/ > /*j*/ - /*k*/ 3 /*l*/ . /*m*/\n",
      .knowledge
    ),
    ("p(X) :- % a\n  % b\n  q(X), % c\n  % d\n  not r(X). % e\n% f\n", .knowledge),
    ("p(X) :- q(Y), X = count { Z % inside\n : r(Z, Y) }.\n", .knowledge),
    ("@source \"s\" % why\n@note \"n\" /* x */ /* y */\np. /* 1 */ /* 2 */ % 3\n/* 4 */ /* 5 */\nq.\n", .knowledge),
    ("x(- 3, -(-X), - 2.5, 1 - -1) :- y(X).\n", .knowledge),
    (":assert p(1). % one\n?- p(X), % mid\n   X > 0.\n:list % c\np(X).\n", .queries),
    (": /* c */ assert p(1).\n?- p(X). /* a\n b */ q(X).\n:list /* c */ p % x\n", .queries),
    ("p(" + String(repeating: "(", count: 900) + "1" + String(repeating: ")", count: 900) + ").\n", .knowledge),
    (
      "p(X) :- q(X), r(X) /* a long comment inside the clause, so the line is long and the rule is broken */.\n",
      .knowledge
    ),
    ("#!/bin/sh\n% c\n\n@exercise e1 \"T\" % c\n@prompt \"P\"\n@solution\n% before\nr(X) :- s(X).\nr(X).\n", .queries),
  ]

  @Test func nastyInputsStayFaithful() throws {
    for (input, kind) in Self.nasty {
      let output = try #require(FormatCheck.format(input, kind: kind, name: input))
      FormatCheck.expectFaithful(input, output, kind: kind, name: input)
    }
  }

  @Test(arguments: [
    ("p(X :- q.\n", SourceKind.knowledge, "test:1:5: error: expected"),
    ("p(1).\nq('open).\n", .knowledge, "test:2:3: error: unterminated quoted text"),
    ("p(1). /* open\n", .knowledge, "test:1:7: error: unterminated block comment"),
    ("?- p(X).\n:nosuch 1\n", .queries, "test:2:1: error: unknown command ':nosuch'"),
    ("p(X), .\n", .queries, "test:1:7: error: expected"),
    ("?- p(X).\n:load\n", .queries, "test:2:1: error:"),
  ])
  func syntaxErrorsAreReportedNotFormatted(input: String, kind: SourceKind, message: String) {
    switch SourceFormatter.format(input, fileName: "test", kind: kind) {
    case .formatted(let output): Issue.record("formatted to \(output)")
    case .failed(let diagnostics, let sources):
      let text = DiagnosticRenderer(sources: sources).render(diagnostics)
      #expect(text.hasPrefix(message), "\(text)")
      #expect(text.contains("^"))
    }
  }

  @Test func kindFollowsTheExtension() {
    #expect(SourceKind(fileName: "a/b.kb") == .knowledge)
    #expect(SourceKind(fileName: "x.q") == .queries)
    #expect(SourceKind(fileName: "x.answers") == nil)
  }
}
