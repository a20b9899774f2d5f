/// Builds, before a round runs, every index that its plans' lookups will use.
enum Indexing {
  /// Ensures full-relation indexes in `store` and records which delta indexes are needed.
  static func prepare(_ steps: [Step], store: inout FactStore, deltaIndexes: inout [Int: Set<[Int]>]) {
    for step in steps {
      switch step {
      case .scan(let scan):
        guard !scan.keyColumns.isEmpty else { continue }
        if scan.source == .delta {
          deltaIndexes[scan.predicate, default: []].insert(scan.keyColumns)
        } else {
          store.relations[scan.predicate].ensureIndex(on: scan.keyColumns)
        }
      case .negation(let predicate, let columns, _, _):
        if !columns.isEmpty, columns.count < store.relations[predicate].arity {
          store.relations[predicate].ensureIndex(on: columns)
        }
      case .aggregate(let plan):
        prepare(plan.steps, store: &store, deltaIndexes: &deltaIndexes)
      case .filter, .assign:
        break
      }
    }
  }
}
