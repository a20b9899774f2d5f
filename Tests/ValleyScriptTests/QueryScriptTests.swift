import Foundation
import Testing
import ValleyTestSupport

/// Golden tests: every script's transcript must equal its checked-in `.out` file.
/// `VALLEY_RECORD_GOLDEN=1 swift test --filter QueryScriptTests` rewrites the `.out` files
/// and fails, so a recording is never mistaken for a pass.
@Suite struct QueryScriptTests {
  @Test(arguments: GoldenCase.all)
  func transcriptMatches(_ golden: GoldenCase) throws {
    let actual = try golden.run()
    let outPath = TestPackage.root + "/" + golden.path.dropLast(2) + ".out"
    if ProcessInfo.processInfo.environment["VALLEY_RECORD_GOLDEN"] == "1" {
      try actual.write(toFile: outPath, atomically: true, encoding: .utf8)
      Issue.record("recorded new baseline for \(golden.path); run again without VALLEY_RECORD_GOLDEN")
      return
    }
    guard let expected = try? String(contentsOfFile: outPath, encoding: .utf8) else {
      Issue.record(
        "missing \(outPath); record it with VALLEY_RECORD_GOLDEN=1. Actual transcript:\n\(actual)")
      return
    }
    if let difference = TextDifference.first(expected: expected, actual: actual) {
      Issue.record("\(golden.path): \(difference)")
    }
  }

  /// A session restored from an image of the bundled knowledge base gives every transcript
  /// that a session which loaded the files gives.
  @Test(arguments: GoldenCase.fromImages)
  func transcriptMatchesFromAnImage(_ golden: GoldenCase) throws {
    let outPath = TestPackage.root + "/" + golden.path.dropLast(2) + ".out"
    let expected = try String(contentsOfFile: outPath, encoding: .utf8)
    if let difference = TextDifference.first(expected: expected, actual: try golden.run()) {
      Issue.record("\(golden.testDescription): \(difference)")
    }
  }

  @Test func everyScriptHasATranscript() {
    #expect(!GoldenCase.all.isEmpty)
  }
}

/// Reports the first differing line with a little context, instead of two large blobs.
enum TextDifference {
  static func first(expected: String, actual: String) -> String? {
    if expected == actual { return nil }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var i = 0
    while i < min(e.count, a.count), e[i] == a[i] { i += 1 }
    let context = a[max(0, i - 3)..<i].map { "   \($0)" }.joined(separator: "\n")
    let want = i < e.count ? String(e[i]) : "<end of transcript>"
    let got = i < a.count ? String(a[i]) : "<end of transcript>"
    return "transcripts differ at line \(i + 1)\n\(context)\n-  \(want)\n+  \(got)\n"
      + "(record a new baseline with VALLEY_RECORD_GOLDEN=1 if the change is intended)"
  }
}
