/// Facts read by one load, waiting to be stored: per predicate, their interned values one
/// after another and their origins, in the order they were read.
///
/// Flat buffers rather than an array per fact, because a load may bring millions of facts.
/// Interning before the load is known to succeed only grows the value pool, which is never
/// visible.
struct FactBatch {
  struct Rows {
    var arity: Int
    var values: [UInt32] = []
    var origins: [FactOrigin] = []
  }

  private(set) var predicates: [Int: Rows] = [:]

  /// Adds one fact.
  mutating func add<Values: Collection<Value>>(
    _ predicate: Int, _ values: Values, origin: FactOrigin, pool: ValuePool
  ) {
    predicates[predicate, default: Rows(arity: values.count)].values.append(contentsOf: values.map(pool.intern))
    predicates[predicate]?.origins.append(origin)
  }

  /// Stores every fact in `kb`, predicates in number order; returns, for each predicate that
  /// gained facts, its number of stored rows before (the new ones follow).
  func store(in kb: inout KnowledgeBase) -> [Int: Int] {
    kb.growTables()
    var firstNew: [Int: Int] = [:]
    for (predicate, rows) in predicates.sorted(by: { $0.key < $1.key }) {
      let before = kb.base.relations[predicate].count
      kb.storeRows(predicate, rows.values, count: rows.origins.count, origins: rows.origins)
      if kb.base.relations[predicate].count > before { firstNew[predicate] = before }
    }
    return firstNew
  }
}
