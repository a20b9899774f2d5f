import Foundation
import ValleyEngine

/// How `valley serve` runs: where it listens, what it serves and its limits.
public struct ServerConfiguration: Sendable {
  /// The address to bind (loopback by default).
  public var host = "127.0.0.1"
  /// The port (0: any free port).
  public var port = 8080
  /// Seconds one statement may run.
  public var timeLimit: Double = 10
  /// Derived facts one statement may produce in a session.
  public var maximumDerivedFacts = 1_000_000
  /// Live sessions at once; a new one beyond this is refused with 429.
  public var maximumSessions = 200
  /// Seconds without a request after which a session is dropped.
  public var idleTimeout: Double = 3600
  /// The largest request body accepted, in bytes.
  public var maximumBodySize = 256 * 1024
  /// Statements evaluated at once (the rest wait their turn, up to ``maximumQueued``).
  public var concurrentEvaluations = 2
  /// Statements waiting for a turn before new ones are refused with 429.
  public var maximumQueued = 64
  /// The token that opens the teacher's endpoints.
  public var teacherToken = ""
  /// Exercise files (`--exercises`, one file each); none: no exercises.
  public var exerciseFiles: [String] = []
  /// Where exercise progress is kept (used with exercises only).
  public var stateFolder = ServerConfiguration.defaultStateFolder

  /// `$XDG_STATE_HOME/valley/serve`, else `~/.local/state/valley/serve`.
  public static var defaultStateFolder: String {
    let environment = ProcessInfo.processInfo.environment
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/valley/serve" }
    return (environment["HOME"] ?? "/tmp") + "/.local/state/valley/serve"
  }

  /// The defaults.
  public init() {}
}
