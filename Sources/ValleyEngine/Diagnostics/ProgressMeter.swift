/// Watches one file being read: the reader calls ``count(at:)`` for every clause or row, and
/// every ``interval`` of them the meter asks whether to stop (Ctrl-C) and, at most every
/// ``reportInterval``, tells the front end how far the reading got.
///
/// Counting is a decrement and a branch, so the reader's pace does not change. Once the
/// meter has said to stop, ``stopped`` stays true and the reader gives up; whoever made the
/// meter turns that into the usual "interrupted" error and keeps nothing of what was read.
final class ProgressMeter {
  /// Clauses or rows between two polls.
  static let interval = 4_096
  /// The least time between two reports.
  static let reportInterval = Duration.milliseconds(50)

  private let file: String
  private let byteCount: Int
  private let shouldStop: () -> Bool
  private let report: ((ProgressReport) -> Void)?
  private let start = ContinuousClock.now
  private var nextReport = Duration.zero
  private var countdown = interval
  private var facts = 0
  /// Whether the reader was told to stop.
  private(set) var stopped = false

  /// A meter for reading `file` (its name as shown to users), `byteCount` bytes long.
  init(
    reading file: String, byteCount: Int, shouldStop: @escaping () -> Bool,
    report: ((ProgressReport) -> Void)?
  ) {
    self.file = file
    self.byteCount = byteCount
    self.shouldStop = shouldStop
    self.report = report
  }

  /// Counts one clause or row, which the reader found `position` bytes into the file; true
  /// when the reader should stop.
  @inline(__always)
  func count(at position: @autoclosure () -> Int) -> Bool {
    countdown -= 1
    if countdown > 0 { return false }
    return poll(position: position())
  }

  private func poll(position: Int) -> Bool {
    facts += Self.interval
    countdown = Self.interval
    if shouldStop() {
      stopped = true
      return true
    }
    if let report {
      let elapsed = ContinuousClock.now - start
      if elapsed >= nextReport {
        nextReport = elapsed + Self.reportInterval
        report(
          ProgressReport(
            activity: .reading(file: file), facts: facts, bytesRead: position, byteCount: byteCount,
            elapsed: elapsed))
      }
    }
    return false
  }
}
