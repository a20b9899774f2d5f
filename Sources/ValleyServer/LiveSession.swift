import Dispatch
import Glibc
import ValleyEngine

/// One student's session on the server: a ``Session`` started from the shared snapshot, used
/// by one statement at a time.
///
/// The session itself is not thread-safe; the lock guards it, and ``tryBegin()`` refuses a
/// second request while one runs, so a student cannot queue work behind their own runaway
/// statement.
final class LiveSession: @unchecked Sendable {
  /// The name the student gave.
  let name: String
  private let session: Session
  private let lock = DispatchSemaphore(value: 1)
  private var busy = false
  private var lastUsed: ContinuousClock.Instant

  init(name: String, session: Session) {
    self.name = name
    self.session = session
    lastUsed = .now
  }

  /// Marks the session busy; false when a statement is running already.
  func tryBegin() -> Bool {
    lock.wait()
    defer { lock.signal() }
    if busy { return false }
    busy = true
    lastUsed = .now
    return true
  }

  /// Marks the session idle again.
  func end() {
    lock.wait()
    busy = false
    lastUsed = .now
    lock.signal()
  }

  /// Whether the session has been idle (and not running) for longer than `seconds`.
  func isIdle(longerThan seconds: Double, now: ContinuousClock.Instant) -> Bool {
    lock.wait()
    defer { lock.signal() }
    return !busy && now - lastUsed > .milliseconds(Int64(seconds * 1000))
  }

  /// Runs `input` (between ``tryBegin()`` and ``end()``) and returns one JSON object per
  /// statement.
  func run(_ input: String) -> [String] {
    // Give way to quick statements: once this one has run for a while, its thread (which
    // ends with it, see EvaluationPool) drops to a lower scheduling priority. The budget's
    // stop check runs on the evaluating thread, now and then.
    let stop = session.budget.shouldStop
    let started = ContinuousClock.now
    let lowered = Flag()
    session.budget.shouldStop = {
      if !lowered.value, ContinuousClock.now - started > .milliseconds(200) {
        lowered.value = true
        // On Linux the nice value belongs to the thread, and 0 names the calling thread.
        setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
      }
      return stop()
    }
    defer { session.budget.shouldStop = stop }
    return StatementJSON.objects(session.run(statements: input, name: "input"), sources: session.sources)
  }

  /// Words for Tab completion that start with `prefix`.
  func completions(of prefix: String) -> [String] {
    lock.wait()
    defer { lock.signal() }
    let words = session.completionWords + session.symbolWords
    var seen: Set<String> = []
    return words.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }.prefix(50).map { $0 }
  }
}

/// A flag set on one thread and read on it (the evaluation's).
private final class Flag: @unchecked Sendable {
  var value = false
}
