import ValleyEngine

/// How far a student got in one exercise file: what is solved or skipped, how many hints
/// were shown, and where to resume.
///
/// Saved as text, one exercise a line (see ``text``); ``ProgressStore`` writes it atomically.
public struct ExerciseProgress: Sendable, Equatable {
  /// Where one exercise stands.
  public enum Status: String, Sendable, CaseIterable {
    /// Not started, or started and left.
    case open
    /// Skipped with `:skip`.
    case skipped
    /// Answered correctly with `:check`.
    case solved
  }

  /// The exercise to resume at.
  public var current: String?
  /// Each exercise's status (absent: open).
  public var statuses: [String: Status] = [:]
  /// How many hints of each exercise were shown.
  public var hintsShown: [String: Int] = [:]

  /// Empty progress.
  public init() {}

  /// The first line of a progress file.
  static let header = "valley-progress 1"

  /// The status of an exercise.
  public func status(_ id: String) -> Status { statuses[id] ?? .open }

  /// The progress as text: the header, `current ID`, then `ID STATUS HINTS` per exercise
  /// that has a status or hints, in the order of `ids` (so the text is deterministic).
  public func text(order ids: [String]) -> String {
    var lines = [Self.header]
    if let current { lines.append("current \(current)") }
    let known = Set(ids)
    let others = Set(statuses.keys).union(hintsShown.keys).subtracting(known).sorted()
    for id in ids + others {
      let status = status(id)
      let hints = hintsShown[id] ?? 0
      if status == .open && hints == 0 { continue }
      lines.append("\(id) \(status.rawValue) \(hints)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Reads progress text; nil when it is not a progress file.
  public static func parse(_ text: String) -> ExerciseProgress? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
    guard lines.first.map(String.init) == header else { return nil }
    var progress = ExerciseProgress()
    for line in lines.dropFirst() {
      let fields = line.split(separator: " ").map(String.init)
      if fields.count == 2, fields[0] == "current" {
        progress.current = fields[1]
      } else if fields.count == 3, let status = Status(rawValue: fields[1]), let hints = Int(fields[2]), hints >= 0 {
        if status != .open { progress.statuses[fields[0]] = status }
        if hints > 0 { progress.hintsShown[fields[0]] = hints }
      } else {
        return nil
      }
    }
    return progress
  }
}
