import ValleyEngine

/// The texts practice shows: an exercise, the progress table, help.
enum PracticeText {
  /// The help for the practice commands.
  static var help: String {
    let rows = PracticeSession.commands.map { [":" + $0.name, $0.summary] }
    return "Exercise commands:\n"
      + TextTable.render(header: nil, rows: rows, rightAligned: [])
      .split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
      + "\nType queries as at the valley prompt. A line with ':-' is a rule and is added for this"
      + "\nexercise only; add a fact with :assert, e.g. :assert p(a).\n"
  }

  /// `Exercise b1 (1 of 8): Title`, the prompt, and what else the exercise offers.
  static func exercise(_ exercise: Exercise, position: Int, of set: ExerciseSet) -> String {
    var lines = ["", "Exercise \(exercise.id) (\(position + 1) of \(set.exercises.count)): \(exercise.title)"]
    lines += exercise.prompt.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
    if !exercise.knowledgeFiles.isEmpty {
      let names = exercise.knowledgeFiles.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
      lines.append("  (This exercise adds the knowledge in \(names.joined(separator: ", ")).)")
    }
    if !exercise.hints.isEmpty {
      lines.append("  (\(count(exercise.hints.count, "hint")) available: type :hint.)")
    }
    return lines.joined(separator: "\n")
  }

  /// Every exercise with its status, and a count of the solved ones.
  static func progressTable(_ set: ExerciseSet, progress: ExerciseProgress, current: Int) -> String {
    let rows = set.exercises.enumerated().map { index, exercise -> [String] in
      var status = progress.status(exercise.id).rawValue
      if index == current { status += " (current)" }
      let hints = progress.hintsShown[exercise.id] ?? 0
      return [exercise.id, exercise.title, status, hints == 0 ? "" : count(hints, "hint") + " seen"]
    }
    let solved = set.exercises.filter { progress.status($0.id) == .solved }.count
    return TextTable.render(header: ["exercise", "title", "status", "hints"], rows: rows, rightAligned: [])
      + "\n\(solved) of \(set.exercises.count) solved"
  }

  /// The exercises not yet solved, or a word of congratulation.
  static func leftOver(_ set: ExerciseSet, progress: ExerciseProgress) -> String {
    let open = set.exercises.filter { progress.status($0.id) != .solved }.map(\.id)
    if open.isEmpty { return "You have solved every exercise." }
    return "Not solved yet: \(open.joined(separator: ", ")); type :goto ID to go to one."
  }

  /// `1 hint`, `3 hints`.
  static func count(_ n: Int, _ noun: String) -> String {
    n == 1 ? "1 \(noun)" : "\(n) \(noun)s"
  }
}
