/// One node of an explanation: why a fact holds, or a premise checked along the way.
public indirect enum ProofNode: Sendable {
  /// A stored fact (from a file or `:assert`), or an assumption made with `:assume`.
  case fact(atom: String, origin: Origin, assumption: Bool)
  /// A fact derived by rule number `rule` from the premises in `children`.
  case derived(atom: String, rule: Int, children: [ProofNode])
  /// A negated premise, checked to be absent.
  case absent(atom: String)
  /// A comparison or an assignment, with its values filled in.
  case comparison(text: String)
  /// An aggregate with its value and group.
  case aggregate(text: String)
  /// A subtree not shown because of the depth limit.
  case truncated(atom: String)

  /// Where a stored fact comes from.
  public struct Origin: Sendable {
    /// `file:line` of the clause.
    public var location: String
    /// The `@source` in force.
    public var source: String?
    /// The `@note`.
    public var note: String?
  }

  /// The number of nodes (the size of the proof).
  public var size: Int {
    if case .derived(_, _, let children) = self { return 1 + children.reduce(0) { $0 + $1.size } }
    return 1
  }
}

/// The explanation of one query's answers.
public struct Explanation: Sendable {
  /// One answer: its variable bindings and a proof per positive literal of the goal.
  public struct Answer: Sendable {
    /// `Name = value` texts in the order of the goal's variables.
    public var bindings: [(name: String, value: String)]
    /// The proofs.
    public var proofs: [ProofNode]
  }

  /// A rule used by some proof.
  public struct RuleUse: Sendable {
    /// The rule's number in the program.
    public var index: Int
    /// `file:line`.
    public var location: String
    /// The rule as written.
    public var text: String
    /// Its `@source`.
    public var source: String?
    /// Its `@note`.
    public var note: String?
  }

  /// The goal as written.
  public var goal: String
  /// The answers explained, smallest proofs first.
  public var answers: [Answer]
  /// How many answers were left out by the limit.
  public var omitted: Int
  /// Every rule the proofs use, in order of location.
  public var rules: [RuleUse]
}
