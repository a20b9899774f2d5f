/// A checked program: the catalog, the rules, and their strata in evaluation order.
public struct Program: Sendable {
  /// Every predicate.
  public var catalog: PredicateCatalog
  /// Every rule, in load order.
  public var rules: [Rule]
  /// The strata, dependencies first.
  public var strata: [Stratum]
}
