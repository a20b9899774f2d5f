import Testing
import ValleyTestSupport

@testable import ValleyEngine

@Suite struct DisplayWidthTests {
  static let widths: [(text: String, columns: Int)] = [
    ("", 0),
    ("abc", 3),
    ("안산", 4),
    ("안산 city", 9),
    ("漢字", 4),
    ("e\u{301}", 1),
    ("\u{1100}\u{1161}\u{11A8}", 2),
    ("Ａ", 2),
  ]

  @Test(arguments: widths)
  func wideCharactersTakeTwoColumns(text: String, columns: Int) {
    #expect(DisplayWidth.of(text) == columns)
  }

  @Test func textTableTrimsTrailingSpaces() {
    let text = TextTable.render(
      header: ["a", "b"], rows: [["long value", ""], ["x", "y"]], rightAligned: [])
    #expect(text == "a           b\n----------  -\nlong value\nx           y")
  }

  @Test func textTableRightAlignsColumns() {
    let text = TextTable.render(header: nil, rows: [["a", "1"], ["b", "100"]], rightAligned: [1])
    #expect(text == "a    1\nb  100")
  }
}
