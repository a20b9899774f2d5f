extension Session {
  /// The session's knowledge, frozen so that other sessions can start from it. Assumptions
  /// are not part of it: the snapshot holds the knowledge base without them.
  public func snapshot() -> KnowledgeSnapshot {
    KnowledgeSnapshot(knowledge: assumptionBase ?? knowledge, pool: pool, sources: sources)
  }
}
