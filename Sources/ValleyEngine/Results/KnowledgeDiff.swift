/// What `:diff` reports: the facts of the model that appear or disappear under the
/// assumptions in effect, compared with the knowledge base without them.
public struct KnowledgeDiff: Sendable {
  /// One fact: its predicate's name and its values.
  public struct Fact: Sendable, Hashable {
    /// The predicate's name.
    public var predicate: String
    /// The values, in argument order.
    public var values: [Value]

    /// Creates a fact.
    public init(predicate: String, values: [Value]) {
      self.predicate = predicate
      self.values = values
    }

    /// The fact as it would be written in a knowledge file (without the final `.`).
    public var text: String {
      values.isEmpty
        ? predicate : "\(predicate)(\(values.map(ValueFormatter.source).joined(separator: ", ")))"
    }
  }

  /// The number of assumptions in effect; nil when there are none (nothing can differ).
  public var assumptionCount: Int?
  /// Facts that hold only under the assumptions, by predicate name and then value order.
  public var appear: [Fact]
  /// Facts that hold only without them, in the same order.
  public var disappear: [Fact]

  /// Creates a diff.
  public init(assumptionCount: Int?, appear: [Fact], disappear: [Fact]) {
    self.assumptionCount = assumptionCount
    self.appear = appear
    self.disappear = disappear
  }
}
