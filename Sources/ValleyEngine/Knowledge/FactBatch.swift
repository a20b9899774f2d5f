/// Facts read by one load, waiting to be stored: per predicate, runs of interned values one
/// after another with their origins kept compactly, in the order they were read.
///
/// Flat buffers rather than an array or a ``FactOrigin`` per fact, because a load may bring
/// millions of facts; a run of compact facts (``Syntax/CompactFacts``) is taken over as it
/// is. Interning before the load is known to succeed only grows the value pool, which is
/// never visible.
struct FactBatch {
  /// Facts that share a load unit, a file and a list of annotations.
  struct Run {
    var unit: Int
    var file: Int
    /// `arity` values per fact.
    var values: [UInt32] = []
    var starts = ByteOffsets()
    var lengths: [UInt32] = []
    /// Each fact's annotation: a number into `annotations`.
    var annotationNumbers = AnnotationNumbers()
    var annotations: [Syntax.Annotation] = []
    /// Whether single facts may still be appended (a run taken over from elsewhere is shared).
    var open = false

    var count: Int { starts.count }
  }

  struct Rows {
    var arity: Int
    var runs: [Run] = []
    var count: Int { runs.reduce(0) { $0 + $1.count } }
  }

  private(set) var predicates: [Int: Rows] = [:]

  /// Adds one fact.
  mutating func add<Values: Collection<Value>>(
    _ predicate: Int, _ values: Values, origin: FactOrigin, pool: ValuePool
  ) {
    var rows = predicates.removeValue(forKey: predicate) ?? Rows(arity: values.count)
    if rows.runs.last.map({ !$0.open || $0.unit != origin.unit || $0.file != origin.span.file }) ?? true {
      rows.runs.append(Run(unit: origin.unit, file: origin.span.file, open: true))
    }
    let last = rows.runs.count - 1
    for value in values { rows.runs[last].values.append(pool.intern(value)) }
    let annotation = Syntax.Annotation(source: origin.source, note: origin.note)
    if rows.runs[last].annotations.last != annotation { rows.runs[last].annotations.append(annotation) }
    rows.runs[last].annotationNumbers.append(Int32(truncatingIfNeeded: rows.runs[last].annotations.count - 1))
    rows.runs[last].starts.append(origin.span.start)
    rows.runs[last].lengths.append(UInt32(clamping: origin.span.end - origin.span.start))
    predicates[predicate] = rows
  }

  /// Adds a group of compact facts of file `file` in load unit `unit`; the batch takes its
  /// buffers over (when nothing else holds the group, they are freed as they are stored).
  mutating func add(
    _ predicate: Int, _ group: Syntax.CompactFacts.Group, annotations: [Syntax.Annotation], unit: Int, file: Int
  ) {
    guard group.count > 0 else { return }
    predicates[predicate, default: Rows(arity: group.arity)].runs.append(
      Run(
        unit: unit, file: file, values: group.values, starts: group.starts, lengths: group.clauseLengths,
        annotationNumbers: group.annotations, annotations: annotations))
  }

  /// Adds the rows of an imported table (their values already interned).
  mutating func add(_ predicate: Int, _ table: ImportedTable) {
    let rowCount = table.table.rowCount
    guard rowCount > 0 else { return }
    predicates[predicate, default: Rows(arity: table.table.columns.count)].runs.append(
      Run(
        unit: table.unit, file: table.table.file, values: table.table.ids, starts: table.table.rowStarts,
        lengths: table.table.rowLengths, annotationNumbers: AnnotationNumbers(repeating: 0, count: rowCount),
        annotations: [Syntax.Annotation(source: table.source, note: nil)]))
  }

  /// Stores every fact in `kb`, predicates in number order, emptying the batch as it goes
  /// (a run's values are freed once stored); returns, for each predicate that gained facts,
  /// its number of stored rows before (the new ones follow).
  mutating func store(in kb: inout KnowledgeBase) -> [Int: Int] {
    kb.growTables()
    var firstNew: [Int: Int] = [:]
    for predicate in predicates.keys.sorted() {
      guard var rows = predicates.removeValue(forKey: predicate) else { continue }
      let before = kb.base.relations[predicate].count
      rows.runs.reverse()
      while let run = rows.runs.popLast() { kb.storeRows(predicate, run) }
      if kb.base.relations[predicate].count > before { firstNew[predicate] = before }
    }
    return firstNew
  }
}
