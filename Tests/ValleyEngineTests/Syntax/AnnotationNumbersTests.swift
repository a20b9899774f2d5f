import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// ``AnnotationNumbers`` keeps one number while all facts share it: whatever is appended and
/// removed, it must read back like a plain array.
@Suite struct AnnotationNumbersTests {
  @Test func readsBackLikeAnArray() {
    var random = SplitMix64(seed: 5)
    for _ in 0..<300 {
      var numbers = AnnotationNumbers()
      var expected: [Int32] = []
      let kinds = Int32.random(in: 1...3, using: &random)
      for _ in 0..<Int.random(in: 0...12, using: &random) {
        // Mostly one number, so that both forms are exercised.
        let n = Int.random(in: 0..<4, using: &random) == 0 ? Int32.random(in: 0..<kinds, using: &random) : 0
        numbers.append(n)
        expected.append(n)
      }
      if !expected.isEmpty, Bool.random(using: &random) {
        let rows = Set(
          (0..<Int.random(in: 1...expected.count, using: &random)).map { _ in
            Int.random(in: 0..<expected.count, using: &random)
          }
        ).sorted()
        numbers.remove(rows: rows)
        for row in rows.reversed() { expected.remove(at: row) }
      }
      #expect(numbers.count == expected.count)
      #expect((0..<numbers.count).map { numbers[$0] } == expected)
      let rebuilt = AnnotationNumbers(expected)
      #expect((0..<rebuilt.count).map { rebuilt[$0] } == expected)
    }
    let shared = AnnotationNumbers(repeating: 2, count: 3)
    #expect((0..<shared.count).map { shared[$0] } == [2, 2, 2])
  }
}

/// ``ByteOffsets`` keeps offsets in 32 bits until one does not fit: it must read back like
/// a plain array either way.
@Suite struct ByteOffsetsTests {
  @Test func readsBackLikeAnArrayPastFourGigabytes() {
    var random = SplitMix64(seed: 8)
    for round in 0..<100 {
      var offsets = ByteOffsets()
      var expected: [Int] = []
      for _ in 0..<Int.random(in: 0...10, using: &random) {
        // Now and then an offset past 4 GiB, which turns the list wide.
        let offset =
          round % 3 == 0 && Int.random(in: 0..<5, using: &random) == 0
          ? Int(UInt32.max) + Int.random(in: 1...1_000, using: &random) : Int.random(in: 0...1_000, using: &random)
        offsets.append(offset)
        expected.append(offset)
      }
      if !expected.isEmpty, Bool.random(using: &random) {
        let rows = Set(
          (0..<Int.random(in: 1...expected.count, using: &random)).map { _ in
            Int.random(in: 0..<expected.count, using: &random)
          }
        ).sorted()
        offsets.remove(rows: rows)
        for row in rows.reversed() { expected.remove(at: row) }
      }
      #expect(Array(offsets) == expected)
      #expect(Array(ByteOffsets(expected)) == expected)
    }
  }
}
