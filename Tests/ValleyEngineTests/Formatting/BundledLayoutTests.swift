import Foundation
import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// The bundled knowledge base and query scripts are kept in the canonical layout: this is the
/// check `valley fmt --check Knowledge Queries` makes, run by `swift test` (and so by CI).
@Suite struct BundledLayoutTests {
  /// Every `*.kb` and `*.q` file under Knowledge/ and Queries/, relative to the package root.
  static let files: [String] = {
    var found: [String] = []
    for folder in ["Knowledge", "Queries"] {
      let root = TestPackage.root + "/" + folder
      guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
      for case let path as String in walker where SourceKind(fileName: path) != nil {
        found.append(folder + "/" + path)
      }
    }
    return found.sorted()
  }()

  @Test func thereAreFilesToCheck() {
    #expect(Self.files.count > 40)
    #expect(Self.files.contains("Queries/exercises/beginner.q"))
  }

  @Test(arguments: files) func fileIsFormatted(_ path: String) throws {
    let text = try String(contentsOfFile: TestPackage.root + "/" + path, encoding: .utf8)
    let kind = try #require(SourceKind(fileName: path))
    let output = try #require(FormatCheck.format(text, kind: kind, name: path))
    FormatCheck.expectFaithful(text, output, kind: kind, name: path)
    if output != text {
      let before = text.split(separator: "\n", omittingEmptySubsequences: false)
      let after = output.split(separator: "\n", omittingEmptySubsequences: false)
      let line = before.indices.first { $0 >= after.count || before[$0] != after[$0] } ?? before.count
      Issue.record(
        "\(path):\(line + 1) is not in the canonical layout; run `swift run valley fmt Knowledge Queries`")
    }
  }

  /// The layout depends on the tokens and comments only: a bundled file whose blanks between
  /// tokens are scrambled (line breaks kept where a script needs them) formats back to itself.
  @Test(arguments: files) func scrambledBlanksFormatBack(_ path: String) throws {
    let text = try String(contentsOfFile: TestPackage.root + "/" + path, encoding: .utf8)
    let kind = try #require(SourceKind(fileName: path))
    var sources = SourceRegistry()
    let file = sources.add(name: path, text: text)
    let (tokens, comments) = Lexer.tokenizeKeepingComments(file)
    var random = SplitMix64(seed: UInt64(text.utf8.count))
    func pick(_ choices: [String]) -> String { choices[Int(random.next() % UInt64(choices.count))] }
    var scrambled: [UInt8] = []
    var offset = 0
    var comment = 0
    for token in tokens where !token.isEnd {
      let gap = Array(file.bytes[offset..<token.span.start])
      while comment < comments.count, comments[comment].span.end <= offset { comment += 1 }
      let hasComment = comment < comments.count && comments[comment].span.start < token.span.start
      let breaks = gap.filter { $0 == UInt8(ascii: "\n") }.count
      if offset == 0 || hasComment || breaks > 1 {
        scrambled += gap
      } else if breaks == 1 {
        scrambled += Array(pick(kind == .knowledge ? ["\n", " ", "\n\t", "\n   "] : ["\n", "\n\t", "\n   "]).utf8)
      } else if !gap.isEmpty {
        scrambled += Array(pick([" ", "  ", "\t", " \t "]).utf8)
      }
      scrambled += file.bytes[token.span.start..<token.span.end]
      offset = token.span.end
    }
    scrambled += file.bytes[offset...]
    let input = String(decoding: scrambled, as: UTF8.self)
    #expect(input != text || tokens.count < 3)
    #expect(FormatCheck.format(input, kind: kind, name: path) == text)
  }
}
