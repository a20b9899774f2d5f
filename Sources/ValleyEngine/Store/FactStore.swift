/// The relations of every predicate, by predicate number.
public struct FactStore: Sendable {
  /// One relation per predicate.
  public var relations: [Relation]

  /// Creates a store with empty relations of the given arities.
  public init(arities: [Int]) {
    relations = arities.map { Relation(arity: $0) }
  }

  /// The total number of stored tuples.
  public var totalCount: Int { relations.reduce(0) { $0 + $1.count } }
}
