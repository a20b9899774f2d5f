import ValleyEngine

/// The live sessions by token. Each starts from the shared snapshot; idle ones are dropped.
actor SessionRegistry {
  private let snapshot: KnowledgeSnapshot
  private let configuration: ServerConfiguration
  private let drawSVG: (@Sendable (String) -> String?)?
  private var sessions: [String: LiveSession] = [:]

  init(snapshot: KnowledgeSnapshot, configuration: ServerConfiguration, drawSVG: (@Sendable (String) -> String?)?) {
    self.snapshot = snapshot
    self.configuration = configuration
    self.drawSVG = drawSVG
  }

  /// The number of live sessions.
  var count: Int { sessions.count }

  /// A new session for `name` and its token, or nil when the server holds as many as it may.
  func create(name: String, stop: @escaping @Sendable () -> Bool) -> String? {
    dropIdle()
    guard sessions.count < configuration.maximumSessions else { return nil }
    let session = Session(from: snapshot, loader: RefusingLoader())
    session.budget = EvaluationBudget(
      maximumDerivedFacts: configuration.maximumDerivedFacts, timeLimit: configuration.timeLimit, shouldStop: stop)
    session.policy = .server(capping: session.budget)
    session.drawSVG = drawSVG
    let token = RandomToken.make()
    sessions[token] = LiveSession(name: name, session: session)
    return token
  }

  /// The session of `token`, if it is live (one idle for too long is dropped here).
  func session(_ token: String) -> LiveSession? {
    guard let live = sessions[token] else { return nil }
    if live.isIdle(longerThan: configuration.idleTimeout, now: .now) {
      sessions[token] = nil
      return nil
    }
    return live
  }

  /// Drops sessions idle for longer than the configuration allows, as of `now`.
  func dropIdle(now: ContinuousClock.Instant = .now) {
    sessions = sessions.filter { !$0.value.isIdle(longerThan: configuration.idleTimeout, now: now) }
  }
}

/// A loader for server sessions: no statement reads or writes the server's files.
struct RefusingLoader: SourceLoader {
  func read(_ path: String) -> Result<[UInt8], LoadFailure> { .failure(.notReadable("files are not available here")) }
  func list(_ path: String) -> [String]? { nil }
  func canonical(_ path: String) -> String { path }
}
