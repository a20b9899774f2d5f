/// The origins of one predicate's stored facts, parallel to its stored rows.
///
/// Kept compact, since a loaded data set has one origin per row: 8 bytes a fact (start and
/// length of the clause's text, in files under 4 GiB) instead of a 64-byte ``FactOrigin``. The load unit and file
/// are kept per range of rows (``Place``): rows stored together come from one file. The
/// number of each row's `@source`/`@note` pair (each pair stored once) takes 4 bytes more
/// only once rows differ in it (``AnnotationNumbers``).
public struct OriginTable: RandomAccessCollection, Sendable {
  private typealias Annotation = Syntax.Annotation

  /// The rows from `firstRow` up to the next place's first row come from `unit` and `file`.
  private struct Place: Equatable {
    var firstRow: Int
    var unit: Int32
    var file: Int32
  }

  /// Ascending by first row; none empty.
  private var places: [Place] = []
  private var starts = ByteOffsets()
  private var lengths: [UInt32] = []
  private var annotationNumbers = AnnotationNumbers()
  private var annotations: [Annotation] = []
  /// The number of each annotation, built only when a row is added one at a time: a table
  /// made from a run shares its file's list of annotations, often far longer than the
  /// annotations its own rows use, and hashing them all made loading slow.
  private var annotationIndex: [Annotation: Int32] = [:]
  /// How many of `annotations` (from the first) `annotationIndex` covers.
  private var indexedAnnotations = 0

  /// An empty table.
  public init() {}

  /// The first position.
  public var startIndex: Int { 0 }
  /// The position after the last row.
  public var endIndex: Int { starts.count }

  /// The origin of stored row `row`.
  public subscript(row: Int) -> FactOrigin {
    let annotation = annotations[Int(annotationNumbers[row])]
    let start = starts[row]
    let place = self.place(of: row)
    return FactOrigin(
      unit: Int(place.unit),
      span: SourceSpan(file: Int(place.file), start: start, end: start + Int(lengths[row])),
      source: annotation.source, note: annotation.note)
  }

  /// The load unit of stored row `row`.
  public func unit(of row: Int) -> Int { Int(place(of: row).unit) }

  /// The place that holds `row`: the last one that starts at or before it.
  private func place(of row: Int) -> Place {
    var low = 0
    var high = places.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if places[mid].firstRow <= row { low = mid } else { high = mid - 1 }
    }
    return places[low]
  }

  /// Adds the origin of the next stored row.
  mutating func append(_ origin: FactOrigin) {
    append(
      unit: origin.unit, file: origin.span.file, start: origin.span.start,
      length: UInt32(clamping: origin.span.end - origin.span.start),
      annotation: number(of: Annotation(source: origin.source, note: origin.note)))
  }

  /// The number of an annotation in this table, adding it when new.
  mutating func number(of annotation: Syntax.Annotation) -> Int32 {
    while indexedAnnotations < annotations.count {
      // The first of equal annotations keeps its number.
      if annotationIndex[annotations[indexedAnnotations]] == nil {
        annotationIndex[annotations[indexedAnnotations]] = Int32(truncatingIfNeeded: indexedAnnotations)
      }
      indexedAnnotations += 1
    }
    if let known = annotationIndex[annotation] { return known }
    let number = Int32(truncatingIfNeeded: annotations.count)
    annotations.append(annotation)
    annotationIndex[annotation] = number
    indexedAnnotations = annotations.count
    return number
  }

  /// Adds an annotation without looking for an equal one, and returns its number: for the
  /// annotations of a run of facts, each added once per run, where hashing every earlier
  /// annotation of the table would cost more than an occasional duplicate.
  mutating func add(annotation: Syntax.Annotation) -> Int32 {
    annotations.append(annotation)
    return Int32(truncatingIfNeeded: annotations.count - 1)
  }

  /// Adds the origin of the next stored row, its annotation given by ``number(of:)`` or
  /// ``add(annotation:)``.
  mutating func append(unit: Int, file: Int, start: Int, length: UInt32, annotation: Int32) {
    let unit = Int32(truncatingIfNeeded: unit)
    let file = Int32(truncatingIfNeeded: file)
    if places.last.map({ $0.unit != unit || $0.file != file }) ?? true {
      places.append(Place(firstRow: starts.count, unit: unit, file: file))
    }
    starts.append(start)
    lengths.append(length)
    annotationNumbers.append(annotation)
  }

  /// The origins of a run of facts stored into an empty table: `starts`, `lengths` and
  /// `annotationNumbers` (numbers into `annotations`) are taken over as they are, all rows
  /// from one `unit` and `file`, except the rows `skipped` (ascending: duplicates that were
  /// not stored).
  init(
    unit: Int, file: Int, starts: ByteOffsets, lengths: [UInt32], annotationNumbers: AnnotationNumbers,
    annotations: [Syntax.Annotation], skipping skipped: [Int]
  ) {
    self.annotations = annotations
    self.starts = starts
    self.lengths = lengths
    self.annotationNumbers = annotationNumbers
    if !starts.isEmpty {
      places = [Place(firstRow: 0, unit: Int32(truncatingIfNeeded: unit), file: Int32(truncatingIfNeeded: file))]
    }
    remove(rows: skipped)
  }

  /// Removes the origins of `rows` (ascending, distinct), keeping the others in order.
  mutating func remove(rows: [Int]) {
    guard !rows.isEmpty else { return }
    starts.remove(rows: rows)
    lengths.remove(rows: rows)
    annotationNumbers.remove(rows: rows)
    // Each place starts as many rows earlier as were removed before it; places left empty go,
    // and neighbours from the same unit and file become one.
    var kept: [Place] = []
    var removedBefore = 0
    for var place in places {
      while removedBefore < rows.count, rows[removedBefore] < place.firstRow { removedBefore += 1 }
      place.firstRow -= removedBefore
      if let last = kept.last, last.firstRow == place.firstRow { kept.removeLast() }
      if place.firstRow < starts.count, kept.last.map({ $0.unit != place.unit || $0.file != place.file }) ?? true {
        kept.append(place)
      }
    }
    places = kept
  }

  // MARK: Images

  /// The list of annotations the rows' numbers refer to. Tables made from runs of one file
  /// share their file's list, so an image writes each list once (``write(to:annotationList:)``).
  var annotationList: [Syntax.Annotation] { annotations }

  /// Writes the table to a knowledge image, its annotations as the number of their list
  /// (``annotationList``) among those the image holds. The index of annotations is built
  /// again when first needed.
  func write(to image: inout ImageWriter, annotationList: Int) {
    image.array(places) { image, place in
      image.int(place.firstRow)
      image.int(Int(place.unit))
      image.int(Int(place.file))
    }
    image.ints(Array(starts))
    image.wordArray(lengths)
    annotationNumbers.write(to: &image)
    image.int(annotationList)
  }

  /// Whether every row comes from one of `units` load units and one of `files` files.
  func isWithin(units: Int, files: Int) -> Bool {
    places.allSatisfy { Int($0.unit) < units && Int($0.file) < files }
  }

  /// The table ``write(to:annotationList:)`` wrote, given the image's lists of annotations.
  init(from image: inout ImageReader, annotationLists lists: [[Syntax.Annotation]]) throws(ImageDamage) {
    places = try image.array(ofAtLeast: 3) { image throws(ImageDamage) in
      Place(
        firstRow: try image.int(in: 0...Int(Int32.max)), unit: Int32(try image.int(in: 0...Int(Int32.max))),
        file: Int32(try image.int(in: 0...Int(Int32.max))))
    }
    starts = ByteOffsets(try image.ints())
    lengths = try image.wordArray()
    annotationNumbers = try AnnotationNumbers(from: &image)
    let rows = annotationNumbers.count
    let list = try image.int()
    guard lists.indices.contains(list) else { throw ImageDamage() }
    annotations = lists[list]
    // Every row's origin must be readable: the arrays agree, and each number names an annotation.
    guard lengths.count == starts.count, rows == starts.count,
      (0..<rows).allSatisfy({ Int(annotationNumbers[$0]) < annotations.count }),
      places.first.map({ $0.firstRow == 0 }) ?? (rows == 0)
    else { throw ImageDamage() }
  }
}
