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
}
