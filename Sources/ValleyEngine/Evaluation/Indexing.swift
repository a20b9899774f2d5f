/// Builds, before a round runs, every index that its plans' lookups will use.
enum Indexing {
  /// Ensures full-relation indexes in `store` and records which delta indexes are needed.
  static func prepare(_ steps: [Step], store: inout FactStore, deltaIndexes: inout [Int: Set<[Int]>]) {
    var full: [Int: Set<[Int]>] = [:]
    collect(steps, store: store, full: &full, delta: &deltaIndexes)
    for (predicate, keys) in full.sorted(by: { $0.key < $1.key }) {
      for columns in keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
        store.relations[predicate].ensureIndex(on: columns)
      }
    }
  }

  /// The full-relation indexes that `steps` look rows up in, by predicate.
  static func fullIndexes(_ steps: [Step], store: FactStore) -> [Int: Set<[Int]>] {
    var full: [Int: Set<[Int]>] = [:]
    var delta: [Int: Set<[Int]>] = [:]
    collect(steps, store: store, full: &full, delta: &delta)
    return full
  }

  private static func collect(
    _ steps: [Step], store: FactStore, full: inout [Int: Set<[Int]>], delta: inout [Int: Set<[Int]>]
  ) {
    for step in steps {
      switch step {
      case .scan(let scan):
        guard !scan.keyColumns.isEmpty,
          !isWholeRow(scan.keyColumns, arity: store.relations[scan.predicate].arity)
        else { continue }
        if scan.source == .delta {
          delta[scan.predicate, default: []].insert(scan.keyColumns)
        } else {
          full[scan.predicate, default: []].insert(scan.keyColumns)
        }
      case .negation(let predicate, let columns, _, _):
        if !columns.isEmpty, columns.count < store.relations[predicate].arity {
          full[predicate, default: []].insert(columns)
        }
      case .aggregate(let plan):
        collect(plan.steps, store: store, full: &full, delta: &delta)
      case .filter, .assign, .same:
        break
      }
    }
  }

  /// Whether a lookup key is the whole row, in column order (then the membership set
  /// answers it and no index is needed).
  static func isWholeRow(_ columns: [Int], arity: Int) -> Bool {
    columns.count == arity && columns.indices.allSatisfy { columns[$0] == $0 }
  }
}
