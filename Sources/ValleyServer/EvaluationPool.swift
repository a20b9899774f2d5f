import Foundation

/// Runs statements on threads of their own (one per statement), a bounded number at once, so that a long
/// evaluation never occupies the threads that serve requests, and so that a full machine
/// answers "busy" rather than queueing without end.
///
/// Work waits for a free slot in arrival order; when ``maximumQueued`` statements already
/// wait, a new one is refused at once.
public actor EvaluationPool {
  /// Thrown when the pool is full.
  public struct Busy: Error {}

  private let slots: Int
  private let maximumQueued: Int
  private var running = 0
  private var waiting: [CheckedContinuation<Void, Never>] = []

  /// A pool running at most `slots` statements at once, with at most `maximumQueued` waiting.
  public init(slots: Int, maximumQueued: Int) {
    self.slots = max(1, slots)
    self.maximumQueued = max(0, maximumQueued)
  }

  /// Statements running now and waiting for a slot.
  public var load: (running: Int, waiting: Int) { (running, waiting.count) }

  /// Runs `work` on a thread of the pool once a slot is free.
  public func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws(Busy) -> T {
    if running >= slots {
      guard waiting.count < maximumQueued else { throw Busy() }
      await withCheckedContinuation { waiting.append($0) }
    } else {
      running += 1
    }
    defer { release() }
    return await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
      // A thread per statement, so a priority it lowers (see LiveSession) ends with it; with
      // a stack as large as the prompt's main thread, for deeply nested input.
      let thread = Thread { continuation.resume(returning: work()) }
      thread.stackSize = 8 << 20
      thread.start()
    }
  }

  /// Hands the slot to the next waiting statement, or frees it.
  private func release() {
    if waiting.isEmpty {
      running -= 1
    } else {
      waiting.removeFirst().resume()
    }
  }
}
