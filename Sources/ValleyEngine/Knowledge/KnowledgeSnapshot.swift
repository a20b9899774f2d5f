/// A loaded knowledge base frozen for sharing: many sessions, on any threads, can start from
/// one snapshot at once (``Session/init(from:loader:)``), each with changes of its own.
///
/// A snapshot is a value that nothing changes after it is made. Sessions share its relations
/// and copy one only when they change it (copy-on-write), and take their own copy of its
/// value pool, whose tables are themselves shared until the session interns a new value. So
/// an idle session costs little beyond the snapshot, and one session's `:assert`, `:retract`
/// or `:assume` is invisible to the others.
public struct KnowledgeSnapshot: Sendable {
  let knowledge: KnowledgeBase
  /// Never changed once the snapshot exists: sessions intern into copies of it.
  let pool: ValuePool
  let sources: SourceRegistry

  init(knowledge: KnowledgeBase, pool: ValuePool, sources: SourceRegistry) {
    var settled = knowledge
    settled.prepareForSharing()
    self.knowledge = settled
    self.pool = pool.copy()
    self.sources = sources
  }

  /// The number of stored facts, derived facts, rules and predicates.
  public var statistics: (facts: Int, derived: Int, rules: Int, predicates: Int) { knowledge.statistics }
}

extension KnowledgeBase {
  /// Finishes every lazily built part of the relations (membership sets), so that reading a
  /// shared relation never writes to it.
  mutating func prepareForSharing() {
    for p in base.relations.indices { base.relations[p].prepareForSharing() }
    for p in model.relations.indices { model.relations[p].prepareForSharing() }
  }
}
