/// Read-only access to what a snapshot holds, for tools that translate a knowledge base into
/// another language (`valley export`) or check such a translation against Valley's model.
///
/// Nothing here changes the snapshot, so every member may be used from any thread.
extension KnowledgeSnapshot {
  /// The checked program: the predicate catalogue (with `@pred` column names and docs),
  /// every rule as lowered (variables numbered, aggregates with their grouping variables,
  /// each rule's `@source` and `@note`), and the strata in evaluation order.
  public var program: Program { knowledge.program }

  /// Every source text the snapshot's spans point into, for rendering diagnostics.
  public var sourceFiles: SourceRegistry { sources }

  /// The stored facts of `predicate` (from files, imported tables and `:assert`), in the
  /// order they were stored; a zero-arity predicate that holds has one empty row.
  public func storedFacts(of predicate: Int) -> [[Value]] {
    guard knowledge.base.relations.indices.contains(predicate) else { return [] }
    return values(of: knowledge.base.relations[predicate])
  }

  /// Where each stored fact of `predicate` came from, parallel to ``storedFacts(of:)``.
  public func storedOrigins(of predicate: Int) -> [FactOrigin] {
    guard knowledge.origins.indices.contains(predicate) else { return [] }
    return Array(knowledge.origins[predicate])
  }

  /// Every fact of `predicate` in the model, stored and derived, in no particular order.
  public func facts(of predicate: Int) -> [[Value]] {
    guard knowledge.model.relations.indices.contains(predicate) else { return [] }
    return values(of: knowledge.model.relations[predicate])
  }

  /// The name of load unit `unit`: a file as it was named, or `<session>` for clauses added
  /// at the prompt (a ``Rule/unit`` or ``FactOrigin/unit``).
  public func unitName(_ unit: Int) -> String {
    knowledge.units.indices.contains(unit) ? knowledge.units[unit].name : "<session>"
  }

  /// `value` as the knowledge base spells it: a symbol equal to a known one (symbols are
  /// equal under Unicode canonical equivalence) comes back in the known spelling, so that
  /// a translation that compares bytes sees one spelling per value. Other values, and
  /// symbols the knowledge base never saw, come back unchanged.
  public func canonical(_ value: Value) -> Value {
    pool.lookup(value).map { pool[$0] } ?? value
  }

  private func values(of relation: Relation) -> [[Value]] {
    (0..<relation.count).map { row in relation.row(row).map { pool[$0] } }
  }
}
