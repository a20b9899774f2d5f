/// Where a stored fact came from, for listings and explanations.
public struct FactOrigin: Sendable {
  /// The load unit (0 is the session itself: `:assert`).
  public var unit: Int
  /// The fact's text.
  public var span: SourceSpan
  /// The `@source` in force.
  public var source: String?
  /// Its `@note`.
  public var note: String?
}

/// A file (or the session) whose clauses are loaded.
public struct LoadUnit: Sendable {
  /// The name shown to users.
  public var name: String
  /// The canonical path, to recognise the same file loaded again.
  public var canonical: String?
}
