/// What a session may do beyond its own knowledge, set by the front end that owns it.
///
/// At the prompt and in scripts everything is allowed. A server shares one machine among many
/// users: it refuses statements that read or write the server's files and caps the limits
/// that `:set` may choose.
public struct SessionPolicy: Sendable {
  /// Whether statements may read or write files (`:load`, `:import`, `:reload`, `:save`,
  /// `:graph` to a file). When false they answer E529, and `:graph` answers with the picture.
  public var allowsFiles = true
  /// Whether the front end always renders the same way, so that `:format` changes nothing
  /// (a server always answers JSON).
  public var fixedFormat = false
  /// The largest `max_facts` that `:set` may choose (nil: no cap beyond the engine's).
  public var maximumDerivedFacts: Int?
  /// The longest `timeout` that `:set` may choose, in seconds; 0 (no limit) is then refused
  /// (nil: no cap).
  public var timeLimit: Double?

  /// Everything allowed.
  public init() {}

  /// A policy for a shared server: no files, and limits capped at `budget`'s.
  public static func server(capping budget: EvaluationBudget) -> SessionPolicy {
    var policy = SessionPolicy()
    policy.allowsFiles = false
    policy.fixedFormat = true
    policy.maximumDerivedFacts = budget.maximumDerivedFacts
    policy.timeLimit = budget.timeLimit > 0 ? budget.timeLimit : nil
    return policy
  }
}

extension Session {
  /// E529 for a command that would touch the server's files, or nil when files are allowed.
  func refusingFiles(_ what: String, at span: SourceSpan?, line: Int) -> [Output]? {
    guard !policy.allowsFiles else { return nil }
    return [
      .diagnostics(
        [
          .error(
            .E529, "\(what) is not available here: this session cannot read or write files", at: span,
            help: "state facts with :assert, or ask for the file to be part of the shared knowledge")
        ],
        line: line)
    ]
  }
}
