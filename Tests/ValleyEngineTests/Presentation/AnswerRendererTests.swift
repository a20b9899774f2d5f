import Testing
import ValleyTestSupport

@testable import ValleyEngine

@Suite struct AnswerRendererTests {
  static let hangul = AnswerTable(
    query: "r(X, Y).", variables: ["X", "Y"],
    rows: [[.symbol("안산"), .integer(1)], [.symbol("ab"), .integer(22)]])

  @Test func tableColumnsAlignWithWideCharacters() {
    #expect(
      AnswerRenderer.render(Self.hangul, format: .table)
        == "X     Y\n----  --\n안산  1\nab    22\n2 answers\n")
  }

  @Test func tableShowsValuesInSourceForm() {
    let table = AnswerTable(
      query: "q(X).", variables: ["Name"], rows: [[.symbol("Ansan City")], [.decimal(1000)]])
    #expect(
      AnswerRenderer.render(table, format: .table)
        == "Name\n------------\n\"Ansan City\"\n1000.0\n2 answers\n")
  }

  @Test func tableSaysOneAnswer() {
    let table = AnswerTable(query: "q(X).", variables: ["X"], rows: [[.integer(1)]])
    #expect(AnswerRenderer.render(table, format: .table) == "X\n-\n1\n1 answer\n")
  }

  static let truth: [(format: OutputFormat, whenTrue: String, whenFalse: String)] = [
    (.table, "true.\n", "false.\n"),
    (.tsv, "true\n", "false\n"),
    (.csv, "true\r\n", "false\r\n"),
    (
      .json, #"{"query": "p.", "vars": [], "rows": [[]]}"# + "\n",
      #"{"query": "p.", "vars": [], "rows": []}"# + "\n"
    ),
  ]

  @Test(arguments: truth)
  func groundQueriesAnswerTrueOrFalse(format: OutputFormat, whenTrue: String, whenFalse: String) {
    let yes = AnswerTable(query: "p.", variables: [], rows: [[]])
    let no = AnswerTable(query: "p.", variables: [], rows: [])
    #expect(AnswerRenderer.render(yes, format: format) == whenTrue)
    #expect(AnswerRenderer.render(no, format: format) == whenFalse)
  }

  @Test func tableWithNoRowsSaysFalse() {
    let table = AnswerTable(query: "q(X).", variables: ["X"], rows: [])
    #expect(AnswerRenderer.render(table, format: .table) == "false.\n")
  }

  @Test func csvQuotesFieldsAsRFC4180() {
    let table = AnswerTable(
      query: "q(A, B).", variables: ["A", "B"],
      rows: [
        [.symbol("a,b"), .symbol(#"say "hi""#)],
        [.symbol("line\nbreak"), .integer(-3)],
        [.symbol("carriage\rreturn"), .decimal(2.5)],
        [.symbol("plain"), .symbol("안산")],
      ])
    #expect(
      AnswerRenderer.render(table, format: .csv)
        == "A,B\r\n"
        + "\"a,b\",\"say \"\"hi\"\"\"\r\n"
        + "\"line\nbreak\",-3\r\n"
        + "\"carriage\rreturn\",2.5\r\n"
        + "plain,안산\r\n")
  }

  @Test func tsvEscapesTabsAndLineBreaks() {
    let table = AnswerTable(
      query: "q(A, B).", variables: ["A", "B"],
      rows: [
        [.symbol("tab\there"), .symbol(#"back\slash"#)],
        [.symbol("new\nline"), .symbol("cr\r\nlf")],
        [.symbol("a,b"), .symbol(#"say "hi""#)],
      ])
    #expect(
      AnswerRenderer.render(table, format: .tsv)
        == "A\tB\n"
        + #"tab\there"# + "\t" + #"back\\slash"# + "\n"
        + #"new\nline"# + "\t" + #"cr\r\nlf"# + "\n"
        + "a,b\t" + #"say "hi""# + "\n")
  }

  @Test func jsonLineForAQuery() throws {
    let session = Session.loaded(#"p(1). p(2.5). p(a). p("say \"hi\""). p("안산"). p(-7)."#)
    let table = try session.table("?- p(X).")
    #expect(
      AnswerRenderer.render(table, format: .json)
        == #"{"query": "p(X).", "vars": ["X"], "rows": [[-7], [1], [2.5], ["a"], ["say \"hi\""], ["안산"]]}"#
        + "\n")
  }

  @Test func jsonLineForAGroundQuery() throws {
    let session = Session.loaded("p(1).")
    let yes = try session.table("?- p(1).")
    let no = try session.table("?- p(2).")
    #expect(
      AnswerRenderer.render(yes, format: .json) == #"{"query": "p(1).", "vars": [], "rows": [[]]}"#
        + "\n")
    #expect(
      AnswerRenderer.render(no, format: .json) == #"{"query": "p(2).", "vars": [], "rows": []}"#
        + "\n")
  }

  @Test func jsonEscapesControlCharacters() {
    let table = AnswerTable(
      query: "q(\"a\tb\").", variables: ["X"], rows: [[.symbol("a\u{1}b\nc\\d")], [.decimal(1e3)]])
    #expect(
      AnswerRenderer.render(table, format: .json)
        == #"{"query": "q(\"a\tb\").", "vars": ["X"], "rows": [["a\u0001b\nc\\d"], [1000.0]]}"#
        + "\n")
  }

  @Test func everyFormatEndsWithANewlineAndNoTrailingSpaces() {
    for format in OutputFormat.allCases {
      let text = AnswerRenderer.render(Self.hangul, format: format)
      #expect(text.unicodeScalars.last == "\n", "\(format)")
      for line in text.split(whereSeparator: \.isNewline) {
        #expect(!line.hasSuffix(" "), "\(format): '\(line)'")
      }
    }
  }
}
