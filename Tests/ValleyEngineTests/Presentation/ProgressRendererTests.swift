import Testing

@testable import ValleyEngine

@Suite struct ProgressRendererTests {
  @Test func readingShowsTheFileNamePercentFactsAndRate() {
    let report = ProgressReport(
      activity: .reading(file: "data/big/facts.kb"), facts: 1_234_567, bytesRead: 12_345_678,
      byteCount: 29_100_000, elapsed: .seconds(2))
    #expect(ProgressRenderer.line(report) == "reading facts.kb: 42% of 29.1 MB, 1,234,567 facts, 617,284 facts/s")
  }

  @Test func evaluatingShowsThePredicateAndFactsDerived() {
    let report = ProgressReport(activity: .evaluating(predicate: "path"), facts: 3_000_000, elapsed: .seconds(4))
    #expect(ProgressRenderer.line(report) == "evaluating path: 3,000,000 facts derived, 750,000 facts/s")
  }

  @Test func aQueryShowsTheTimeSpent() {
    let report = ProgressReport(activity: .evaluating(predicate: nil), facts: 0, elapsed: .milliseconds(4_900))
    #expect(ProgressRenderer.line(report) == "evaluating the query: 4 s")
  }

  @Test func aWideLineIsCutToTheWidthGiven() {
    let report = ProgressReport(
      activity: .reading(file: "안산.kb"), facts: 1, bytesRead: 949, byteCount: 949, elapsed: .zero)
    #expect(ProgressRenderer.line(report) == "reading 안산.kb: 100% of 949 bytes, 1 fact, 0 facts/s")
    let cut = ProgressRenderer.line(report, width: 20)
    #expect(cut == "reading 안산.kb: 10…")
    #expect(DisplayWidth.of(cut) <= 20)
  }

  @Test(arguments: [
    (0, "0 bytes"), (1, "1 byte"), (949, "949 bytes"), (950, "1.0 KB"), (1_000, "1.0 KB"), (12_345, "12.3 KB"),
    (949_999, "950.0 KB"), (999_949, "1.0 MB"), (29_149_999, "29.1 MB"), (1_250_000_000, "1.3 GB"),
  ])
  func sizesUseTheLargestUnitWithOneDecimal(bytes: Int, text: String) {
    #expect(ProgressRenderer.size(bytes) == text)
  }

  @Test(arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (1_234_567, "1,234,567"), (-45_000, "-45,000")])
  func numbersAreGroupedByThousands(n: Int, text: String) {
    #expect(ProgressRenderer.grouped(n) == text)
  }
}
