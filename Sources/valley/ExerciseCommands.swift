import ArgumentParser
import ValleyEngine
import ValleyExercises

extension ValleyCommand {
  /// `valley exercise [--empty] FILE`: practise the exercises of one file at the prompt.
  struct Exercise: ValleySubcommand {
    static let configuration = CommandConfiguration(
      commandName: "exercise",
      abstract: "Practise the exercises of an exercise file at the prompt.",
      discussion: """
        Shows one exercise at a time. Type queries and rules (a line with ':-' is a rule), then \
        :check to compare your last query with the expected answers; :hint, :skip, :next, \
        :goto ID and :progress move around. Progress is saved after every change in \
        $XDG_STATE_HOME/valley/progress (else ~/.local/state/valley/progress), so you resume \
        where you stopped. Standard input that is not a terminal is read line by line.
        """)

    @Flag(help: "Start each exercise with nothing loaded instead of the bundled knowledge base.")
    var empty = false

    @Argument(help: "The exercise file (*.q with @exercise directives).")
    var file: String

    func execute() -> Int32 {
      guard let set = ExerciseSupport.loadForStudents(file) else { return 1 }
      var environment = ExerciseSupport.environment(empty: empty)
      let interactive = Terminal.inputIsTerminal
      if interactive {
        Terminal.catchInterrupts()
        environment.budget.shouldStop = Terminal.interruptRequested
      }
      let store = Self.progressStore(for: file)
      let practice = PracticeSession(set: set, environment: environment, store: store)
      if interactive {
        let reader = ReadlineLineReader(completionWords: { practice.completionWords })
        var loop = PracticeLoop(practice: practice, reader: reader, showsPrompt: true, color: Terminal.wantsColor)
        loop.run()
      } else {
        var loop = PracticeLoop(
          practice: practice, reader: PipedLineReader(), showsPrompt: false, color: Terminal.wantsColor)
        loop.run()
      }
      return 0
    }

    /// The progress store for `file`, keyed by its real path; nil (after a warning) when there
    /// is no state folder.
    static func progressStore(for file: String) -> ProgressStore? {
      guard let folder = ProgressStore.defaultFolder(environment: System.environment) else {
        Terminal.warn("valley: warning: HOME is not set, so progress is not kept [W603]")
        return nil
      }
      return ProgressStore(folder: folder, exerciseFile: FileSystemLoader().canonical(file))
    }
  }

  /// `valley check [--empty] FILE...`: check exercise files for educators.
  struct Check: ValleySubcommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Check exercise files: structure, prompts, hints, and that every solution runs.",
      discussion: """
        Prints one summary line per file; problems go to standard error with file:line:col. \
        Exit status: 0 when no file has an error (warnings are allowed), 1 otherwise, 2 for \
        a usage error.
        """)

    @Flag(help: "Run solutions with nothing loaded instead of the bundled knowledge base.")
    var empty = false

    @Argument(help: "Exercise files (*.q with @exercise directives).")
    var files: [String]

    func execute() -> Int32 {
      let environment = ExerciseSupport.environment(empty: empty)
      var failed = false
      for file in files {
        let set = ExerciseFileParser.load(file, loader: FileSystemLoader())
        let report = ExerciseLinter.check(set, environment: environment)
        let problems = report.reports.filter { !$0.diagnostics.isEmpty }
          .map { $0.rendered(color: Terminal.wantsColor) }
        Terminal.write(
          stdout: report.summary + "\n",
          stderr: problems.isEmpty ? "" : problems.joined(separator: "\n") + "\n")
        failed = failed || report.errorCount > 0
      }
      return failed ? 1 : 0
    }
  }

  /// `valley grade --exercises FILE [--format F] ANSWERS...`: grade answer files.
  struct Grade: ValleySubcommand {
    static let configuration = CommandConfiguration(
      commandName: "grade",
      abstract: "Grade answer files against an exercise file.",
      discussion: """
        Prints one row per student (answer file) and exercise: student, exercise, result \
        (correct, incorrect, error or missing) and detail. Exit status: 0 only when every \
        answer is correct, 1 otherwise, 2 for a usage error.
        """)

    @Option(help: "The exercise file the answers are for.")
    var exercises: String

    @Option(help: "How rows print: table, csv or json (JSON Lines).")
    var format: GradeFormat = .table

    @Flag(help: "Run answers with nothing loaded instead of the bundled knowledge base.")
    var empty = false

    @Argument(help: "Answer files (@answer ID followed by the statements).")
    var answers: [String]

    func execute() -> Int32 {
      guard let set = ExerciseSupport.loadForStudents(exercises) else { return 1 }
      let sheets = answers.map { AnswerFileParser.load($0, loader: FileSystemLoader()) }
      let sheet = Grader.grade(sheets, against: set, environment: ExerciseSupport.environment(empty: empty))
      Terminal.write(
        stdout: GradeRenderer.render(sheet, format: format),
        stderr: GradeRenderer.diagnostics(sheet, format: format, color: Terminal.wantsColor))
      return sheet.allCorrect ? 0 : 1
    }
  }
}

extension GradeFormat: ExpressibleByArgument {}
