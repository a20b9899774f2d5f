import ValleyEngine

/// Practice at the prompt (`valley exercise FILE`): one exercise at a time, the student's
/// queries and rules in a workspace of their own, `:check` against the solution, hints, and
/// progress that is saved after every change so the student resumes where they stopped.
///
/// Input is what a student types: queries, commands, and rules. A statement that contains
/// `:-` is a rule and is added as if by `:assert` (errors keep the typed line and column);
/// a fact must be added with `:assert`, because `p(a).` alone is a query. The practice
/// commands are ``commands``; every other command works as at the `valley` prompt, except
/// `:load`. Like ``Session``, this never prints: it returns ``Output`` values.
public final class PracticeSession {
  /// The exercises.
  public let set: ExerciseSet
  /// The saved progress.
  public private(set) var progress: ExerciseProgress
  /// The position of the current exercise.
  public private(set) var currentIndex: Int
  private let environment: ExerciseEnvironment
  private let checker: ExerciseChecker
  private let store: ProgressStore?
  private var workspace: ExerciseWorkspace
  private var inputCount = 0
  private var lastQuery: (text: String, name: String)?
  private var loadWarning: String?

  /// The practice commands, with what they do (for `:help`).
  public static let commands: [(name: String, summary: String)] = [
    ("check", "compare the answers of your last query with the expected answers"),
    ("hint", "show the next hint"),
    ("prompt", "show the current exercise again"),
    ("skip", "leave this exercise for now and go to the next"),
    ("next", "go to the next exercise"),
    ("goto ID", "go to the exercise with this id"),
    ("progress", "which exercises are solved, skipped or open"),
    ("quit", "leave; your progress is kept"),
  ]

  /// Starts practising `set` (which must have no structural errors). `store` keeps progress;
  /// without one, progress lasts only as long as this session.
  public init(set: ExerciseSet, environment: ExerciseEnvironment, store: ProgressStore?) {
    precondition(!set.exercises.isEmpty, "practice needs an exercise set with exercises")
    self.set = set
    self.environment = environment
    self.checker = ExerciseChecker(set: set, environment: environment)
    self.store = store
    var progress = ExerciseProgress()
    switch store?.load() ?? .none {
    case .none: break
    case .progress(let saved): progress = saved
    case .unreadable(let reason): loadWarning = reason
    }
    self.progress = progress
    let ids = set.exercises.map(\.id)
    currentIndex =
      progress.current.flatMap { ids.firstIndex(of: $0) }
      ?? ids.firstIndex { progress.status($0) != .solved } ?? 0
    workspace = ExerciseWorkspace(exercise: set.exercises[currentIndex], environment: environment)
  }

  /// The current exercise.
  public var current: Exercise { self.set.exercises[currentIndex] }

  /// The files diagnostics of the latest outputs point into.
  public var sources: SourceRegistry { workspace.session.sources }

  /// Whether `input` is an unfinished statement, so a prompt should read another line.
  public func isIncomplete(_ input: String) -> Bool { workspace.session.isIncomplete(input) }

  /// Words for Tab completion: the practice commands, then the session's.
  public var completionWords: [String] {
    Self.commands.map { ":" + ($0.name.split(separator: " ").first.map(String.init) ?? $0.name) }
      + workspace.session.completionWords
  }

  /// Renders an output of this session for standard output and standard error.
  public func render(_ output: Output, color: Bool = false) -> (stdout: String, stderr: String) {
    OutputRenderer(format: workspace.session.format, sources: sources, color: color).render(output)
  }

  /// The greeting, a progress warning if any, and the current exercise.
  public func start() -> [Output] {
    var outputs: [Output] = []
    if let loadWarning {
      outputs.append(
        warning(
          ExerciseCode.progressUnreadable, "cannot read your saved progress (\(loadWarning)); starting over"))
    }
    let solved = set.exercises.filter { progress.status($0.id) == .solved }.count
    var greeting =
      "Exercises from \(set.name): \(PracticeText.count(set.exercises.count, "exercise")), \(solved) solved."
    if progress.current != nil || solved > 0 { greeting += " Resuming at exercise \(current.id)." }
    outputs.append(.text(greeting + "\nType :help for the exercise commands, :quit to leave."))
    outputs += enterExercise()
    return outputs
  }

  /// Runs one chunk of input (it may hold several statements) and returns its outputs.
  ///
  /// Diagnostics in the outputs point into ``sources`` as it is after the call; when the chunk
  /// moves to another exercise, use ``handle(_:emit:)`` to render each output as it comes.
  public func handle(_ input: String) -> [Output] {
    var outputs: [Output] = []
    handle(input) { outputs.append($0) }
    return outputs
  }

  /// Runs one chunk of input, calling `emit` with each output as soon as it is produced (so
  /// ``render(_:color:)`` renders it against the right files); stops at `:quit`.
  public func handle(_ input: String, emit: (Output) -> Void) {
    var scratch = SourceRegistry()
    let file = scratch.add(name: "<pending>", text: input)
    let (statements, _) = StatementSplitter.split(Lexer.tokenize(file))
    for statement in statements {
      inputCount += 1
      let outputs = run(statement, in: file, name: "<input:\(inputCount)>")
      var quit = false
      for output in outputs {
        emit(output)
        if case .quit = output { quit = true }
      }
      if quit { return }
    }
  }

  private func run(_ statement: Statement, in file: SourceFile, name: String) -> [Output] {
    let text = MaskedText.keeping([statement.span], of: file)
    switch statement {
    case .command(let command, _, let arguments, _, _):
      let argument = arguments.map { file.text(of: $0.span) }.joined(separator: " ")
      if let handled = practiceCommand(command, argument: argument) { return handled }
      if command == "load" {
        return [
          .diagnostics(
            [
              .error(
                ExerciseCode.notWhilePractising, "':load' is not available while practising", at: nil,
                help: "each exercise comes with the knowledge it needs")
            ], line: statement.line)
        ]
      }
      return workspace.run(text, name: name)
    case .query(let tokens):
      if tokens.contains(where: { $0.isPunct(.implies) }), tokens.first?.isPunct(.queryMark) != true {
        return addRule(text, name: name)
      }
      lastQuery = (text, name)
      return workspace.run(text, name: name)
    }
  }

  /// A rule typed at the prompt, added as a knowledge file named after the input.
  private func addRule(_ text: String, name: String) -> [Output] {
    let outputs = workspace.addClauses(text, name: name)
    if outputs.contains(where: \.isError) { return outputs }
    return outputs + [.text("asserted 1 rule")]
  }

  /// A practice command's outputs, or nil when `name` is not one.
  private func practiceCommand(_ name: String, argument: String) -> [Output]? {
    switch name {
    case "check": return check()
    case "hint": return hint()
    case "prompt": return [.text(PracticeText.exercise(current, position: currentIndex, of: set))]
    case "skip": return skip()
    case "next": return next()
    case "goto": return go(to: argument)
    case "progress": return [.text(PracticeText.progressTable(set, progress: progress, current: currentIndex))]
    case "help" where argument.isEmpty:
      return [.text(PracticeText.help)] + workspace.run(":help", name: "<help>")
    default: return nil
    }
  }

  // MARK: Checking and hints

  private func check() -> [Output] {
    guard let lastQuery else {
      return [
        .diagnostics(
          [
            .error(
              ExerciseCode.nothingToCheck, "there is no query to check yet", at: nil,
              help: "type a query for this exercise, then :check")
          ], line: 1)
      ]
    }
    let outputs = workspace.run(lastQuery.text, name: lastQuery.name)
    if outputs.contains(where: \.isError) {
      return outputs + [.text("your last query does not run: fix it and run it again, then :check")]
    }
    guard
      let table = outputs.lazy.compactMap({ output -> AnswerTable? in
        if case .answers(let table) = output { return table }
        return nil
      }).first
    else { return [.text("your last query gave no answers to check")] }
    let result = checker.check(table, of: lastQuery.text, in: workspace.session, for: current)
    var lines: [String]
    switch result.status {
    case .correct:
      progress.statuses[current.id] = .solved
      let solved = set.exercises.filter { progress.status($0.id) == .solved }.count
      lines = ["Correct! Exercise \(current.id) is solved (\(solved) of \(set.exercises.count))."]
      lines += result.detail == "correct" ? [] : result.notes
      lines.append(
        solved == set.exercises.count
          ? "You have solved every exercise in \(set.name)." : "Type :next for the next exercise.")
    case .incorrect:
      lines = ["Not yet: \(result.detail)\(result.scoreText.map { " (score \($0))" } ?? "")."] + result.notes
      let shown = progress.hintsShown[current.id] ?? 0
      if shown < current.hints.count { lines.append("Type :hint for a hint.") }
    case .error, .missing:
      lines = [result.detail]
    }
    return [.text(lines.joined(separator: "\n"))] + save()
  }

  private func hint() -> [Output] {
    let hints = current.hints
    guard !hints.isEmpty else { return [.text("This exercise has no hints.")] }
    let shown = progress.hintsShown[current.id] ?? 0
    guard shown < hints.count else {
      return [
        .text("No more hints: you have seen all \(hints.count). Hint \(hints.count) was:\n" + hints[hints.count - 1])
      ]
    }
    progress.hintsShown[current.id] = shown + 1
    return [.text("Hint \(shown + 1) of \(hints.count): \(hints[shown])")] + save()
  }

  // MARK: Moving between exercises

  private func skip() -> [Output] {
    if progress.status(current.id) != .solved { progress.statuses[current.id] = .skipped }
    guard currentIndex + 1 < set.exercises.count else {
      return [.text("Skipped. This was the last exercise. " + PracticeText.leftOver(set, progress: progress))] + save()
    }
    return move(to: currentIndex + 1)
  }

  private func next() -> [Output] {
    guard currentIndex + 1 < set.exercises.count else {
      return [.text("This is the last exercise. " + PracticeText.leftOver(set, progress: progress))]
    }
    return move(to: currentIndex + 1)
  }

  private func go(to id: String) -> [Output] {
    guard let index = set.index(of: id) else {
      let suggestion = Suggestions.closest(to: id, among: set.exercises.map(\.id))
      return [
        .diagnostics(
          [
            .error(
              ExerciseCode.unknownExercise, id.isEmpty ? ":goto needs an exercise id" : "there is no exercise '\(id)'",
              at: nil,
              help: suggestion.map { "did you mean '\($0)'?" } ?? "type :progress to see the exercises")
          ], line: 1)
      ]
    }
    return move(to: index)
  }

  /// Leaves the current exercise (its workspace is dropped) and enters another.
  private func move(to index: Int) -> [Output] {
    let format = workspace.session.format
    currentIndex = index
    workspace = ExerciseWorkspace(exercise: current, environment: environment)
    workspace.session.format = format
    lastQuery = nil
    return enterExercise()
  }

  /// Records the current exercise and shows it, with any problem loading its knowledge.
  private func enterExercise() -> [Output] {
    var outputs: [Output] = []
    if progress.current != current.id {
      progress.current = current.id
      outputs += save()
    }
    if let problems = workspace.setupProblems {
      outputs.append(.diagnostics(problems.diagnostics, line: 0))
    }
    outputs.append(.text(PracticeText.exercise(current, position: currentIndex, of: set)))
    return outputs
  }

  /// Saves the progress; a warning when it cannot be saved.
  private func save() -> [Output] {
    guard let store else { return [] }
    guard let problem = store.save(progress.text(order: set.exercises.map(\.id))) else { return [] }
    return [
      warning(
        ExerciseCode.progressNotSaved, "your progress was not saved (\(problem)); the previous progress file is kept")
    ]
  }

  private func warning(_ code: DiagnosticCode, _ message: String) -> Output {
    .diagnostics([.warning(code, message, at: nil)], line: 0)
  }
}
