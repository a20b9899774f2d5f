import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// ``OriginTable`` keeps the load unit and file per range of rows: whatever is appended and
/// removed, each row must read back as the origin it was given.
@Suite struct OriginTablePlacesTests {
  static func text(_ origins: some Sequence<FactOrigin>) -> [String] {
    origins.map { "\($0.unit) \($0.span) \($0.source ?? "-") \($0.note ?? "-")" }
  }

  @Test func originsReadBackAfterAppendsAndRemovals() {
    var random = SplitMix64(seed: 11)
    for _ in 0..<200 {
      var table = OriginTable()
      var expected: [FactOrigin] = []
      for _ in 0..<Int.random(in: 0...6, using: &random) {
        // A run of rows from one unit and file, with a few annotations.
        let unit = Int.random(in: 0...2, using: &random)
        let file = Int.random(in: 0...2, using: &random)
        for _ in 0..<Int.random(in: 0...5, using: &random) {
          let start = Int.random(in: 0...1_000, using: &random)
          let origin = FactOrigin(
            unit: unit, span: SourceSpan(file: file, start: start, end: start + Int.random(in: 1...9, using: &random)),
            source: Bool.random(using: &random) ? "s" : nil, note: nil)
          table.append(origin)
          expected.append(origin)
        }
      }
      for _ in 0..<Int.random(in: 0...3, using: &random) where !expected.isEmpty {
        let rows = Set(
          (0..<Int.random(in: 1...expected.count, using: &random)).map { _ in
            Int.random(in: 0..<expected.count, using: &random)
          }
        ).sorted()
        table.remove(rows: rows)
        for row in rows.reversed() { expected.remove(at: row) }
        #expect(Self.text(table) == Self.text(expected))
      }
      #expect(Self.text(table) == Self.text(expected))
      #expect(table.indices.map { table.unit(of: $0) } == expected.map(\.unit))
    }
  }

  @Test func aRunTakenOverSkipsItsDuplicates() {
    let table = OriginTable(
      unit: 3, file: 1, starts: ByteOffsets([0, 10, 20, 30]), lengths: [5, 5, 5, 5],
      annotationNumbers: AnnotationNumbers([0, 1, 0, 1]),
      annotations: [Syntax.Annotation(source: nil, note: nil), Syntax.Annotation(source: "a", note: "b")],
      skipping: [1, 2])
    #expect(
      Self.text(table)
        == Self.text([
          FactOrigin(unit: 3, span: SourceSpan(file: 1, start: 0, end: 5), source: nil, note: nil),
          FactOrigin(unit: 3, span: SourceSpan(file: 1, start: 30, end: 35), source: "a", note: "b"),
        ]))
  }
}
