import Foundation
import Testing
import ValleyTestSupport

/// editors/textmate/valley.tmLanguage.json: the JSON reads, every pattern compiles, and a small
/// TextMate-style tokenizer over it classifies sample lines as an editor would colour them.
///
/// The patterns are compiled with ICU (NSRegularExpression), whose syntax agrees with
/// Oniguruma's (the engine of VS Code and TextMate) for what the grammar uses: classes,
/// `\p{Lu}`, `\b`, look-ahead, `\A`, `^` and `$`.
@Suite struct TextMateGrammarTests {
  static let path = TestPackage.root + "/editors/textmate/valley.tmLanguage.json"

  @Test func theGrammarNamesItsLanguageAndFiles() throws {
    let grammar = try TextMateGrammar(contentsOf: Self.path)
    #expect(grammar.json["scopeName"] as? String == "source.valley")
    #expect(grammar.json["fileTypes"] as? [String] == ["kb", "q"])
  }

  @Test func theVSCodeManifestPointsAtTheGrammar() throws {
    let folder = TestPackage.root + "/editors/textmate/"
    let data = try Data(contentsOf: URL(fileURLWithPath: folder + "package.json"))
    let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let contributes = try #require(manifest["contributes"] as? [String: Any])
    let grammars = try #require(contributes["grammars"] as? [[String: Any]])
    #expect(grammars.first?["scopeName"] as? String == "source.valley")
    let path = try #require(grammars.first?["path"] as? String)
    #expect(FileManager.default.fileExists(atPath: folder + path))
    let languages = try #require(contributes["languages"] as? [[String: Any]])
    #expect(languages.first?["extensions"] as? [String] == [".kb", ".q"])
    let configuration = try #require(languages.first?["configuration"] as? String)
    let settings = try Data(contentsOf: URL(fileURLWithPath: folder + configuration))
    #expect(try JSONSerialization.jsonObject(with: settings) is [String: Any])
  }

  @Test func everyPatternCompiles() throws {
    let grammar = try TextMateGrammar(contentsOf: Self.path)
    #expect(grammar.patternCount > 25)
  }

  /// A line, and tokens (text and a scope it must carry) expected on it.
  struct Sample: CustomTestStringConvertible, Sendable {
    var line: String
    var expected: [(String, String)]
    var testDescription: String { line }
  }

  static let samples: [Sample] = [
    Sample(
      line: "older(A, B) :- established(A, Y1), established(B, _), Y1 < 2000. % rule",
      expected: [
        ("older", "entity.name.function.predicate"), ("A", "variable.other"), (":-", "keyword.operator.implies"),
        ("Y1", "variable.other"), ("_", "variable.language.anonymous"), ("<", "keyword.operator.comparison"),
        ("2000", "constant.numeric"), (".", "punctuation.terminator"), ("% rule", "comment.line.percentage"),
      ]),
    Sample(
      line: "n(A, N) :- actor(A), N = count { F : hinders(F, A), \\+ weak(F), not q(F) }.",
      expected: [
        ("count", "support.function.aggregate"), ("{", "punctuation.section.braces"),
        (":", "punctuation.separator.aggregate"), ("\\+", "keyword.operator.negation"),
        ("not", "keyword.operator.word"),
      ]),
    Sample(
      line: "label(gtp, \"Gyeonggi \\\"TP\\\" \\u{AC00}\", 'Ansan', 안산, -3.5e2, x mod 2).",
      expected: [
        ("gtp", "constant.other.symbol"), ("\\\"", "constant.character.escape"),
        ("\\u{AC00}", "constant.character.escape"), ("Gyeonggi ", "string.quoted.double"),
        ("Ansan", "string.quoted.single"), ("안산", "constant.other.symbol"), ("-", "keyword.operator.arithmetic"),
        ("3.5e2", "constant.numeric"), ("mod", "keyword.operator.word"),
      ]),
    Sample(
      line: "@pred factor(id, kind) \"A factor named in the case.\"",
      expected: [
        ("@pred", "storage.type.annotation"), ("factor", "entity.name.function.predicate"),
        ("A factor named in the case.", "string.quoted.double"),
      ]),
    Sample(line: "@source \"Nam 2010\"", expected: [("@source", "storage.type.annotation")]),
    Sample(
      line: "@exercise b-1 \"Title\"",
      expected: [
        ("@exercise", "keyword.control.directive"), ("Title", "string.quoted.double"), ("b", "constant.other.symbol"),
      ]),
    Sample(
      line: ":load \"Knowledge/00_schema.kb\"",
      expected: [(":load", "keyword.control.command"), ("Knowledge/00_schema.kb", "string.quoted.double")]),
    Sample(
      line: "?- success_factor(F), F != \"x\\q\".",
      expected: [
        ("?-", "keyword.operator.query"), ("!=", "keyword.operator.comparison"), ("\\q", "invalid.illegal.escape"),
      ]),
    Sample(
      line: "p(X) /* why */ :- q(X).",
      expected: [(" why ", "comment.block"), ("*/", "comment.block"), ("q", "entity.name.function.predicate")]),
    Sample(line: "#!/usr/bin/env -S valley run", expected: [("#!/usr/bin/env -S valley run", "comment.line.shebang")]),
  ]

  @Test(arguments: samples) func linesAreClassified(_ sample: Sample) throws {
    let grammar = try TextMateGrammar(contentsOf: Self.path)
    var state = TextMateGrammar.State()
    let tokens = grammar.tokenize(sample.line, state: &state)
    for (text, scope) in sample.expected {
      let found = tokens.filter { $0.text == text }
      #expect(
        found.contains { $0.scopes.contains { $0.hasPrefix(scope) } },
        "'\(text)' should be \(scope); got \(tokens.map { "\($0.text)=\($0.scopes.last ?? "-")" })")
    }
  }

  @Test func blockCommentsSpanLines() throws {
    let grammar = try TextMateGrammar(contentsOf: Self.path)
    var state = TextMateGrammar.State()
    _ = grammar.tokenize("p(1). /* starts", state: &state)
    let inside = grammar.tokenize("still a comment p(X) */ q(2).", state: &state)
    #expect(inside.first?.scopes.contains("comment.block.valley") == true)
    #expect(inside.contains { $0.text == "q" && $0.scopes.contains("entity.name.function.predicate.valley") })
  }
}
