import ArgumentParser
import ValleyEngine
import ValleyExport

extension ValleyCommand {
  /// `valley export --to TARGET [--output FILE] [FILES...]`: the knowledge base as SQL or
  /// Soufflé (docs/export.md).
  struct Export: ValleySubcommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Write the knowledge base as a SQL script (SQLite, PostgreSQL, DuckDB) or a Soufflé program.",
      discussion: """
        Loads the files (or the bundled knowledge base) as `valley run` does, then writes one \
        script that creates a table per predicate, stores the facts and evaluates the rules, \
        stratum by stratum. See docs/export.md for the encoding and how to run the result. \
        Exit status: 0 when written, 1 when the files do not load or hold something the \
        target cannot express (each named, with file:line:col, on standard error; nothing is \
        written), 2 for a usage error.
        """)

    @Option(
      help: ArgumentHelp(
        "What to write: sql (with --dialect), souffle, or a dialect's name directly (sqlite, postgresql, duckdb).",
        valueName: "target"))
    var to: Form

    @Option(help: ArgumentHelp("With --to sql: sqlite, postgres (postgresql) or duckdb.", valueName: "dialect"))
    var dialect: Dialect?

    @Option(
      name: .shortAndLong,
      help: ArgumentHelp("Write the script to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Argument(help: "Knowledge files (*.kb) to export instead of the bundled knowledge base.")
    var files: [String] = []

    @OptionGroup var limits: LimitOptions

    /// `--to`: `sql`, `souffle`, or a dialect named directly.
    enum Form: String, CaseIterable, ExpressibleByArgument {
      case sql, souffle, sqlite, postgresql, postgres, duckdb
    }

    /// `--dialect`, the spelling (`postgres`) and the engine's (`postgresql`).
    enum Dialect: String, CaseIterable, ExpressibleByArgument {
      case sqlite, postgres, postgresql, duckdb

      var target: ExportTarget {
        switch self {
        case .sqlite: .sqlite
        case .postgres, .postgresql: .postgresql
        case .duckdb: .duckdb
        }
      }
    }

    /// What `--to` and `--dialect` ask for together.
    var target: ExportTarget {
      switch to {
      case .sql: dialect?.target ?? .sqlite  // validate() asks for the dialect
      case .souffle: .souffle
      case .sqlite: .sqlite
      case .postgresql, .postgres: .postgresql
      case .duckdb: .duckdb
      }
    }

    func validate() throws {
      if to == .sql, dialect == nil {
        throw ValidationError("--to sql needs --dialect sqlite, postgres or duckdb.")
      }
      if to == .souffle, dialect != nil {
        throw ValidationError("--dialect goes with --to sql; a Soufflé program has none.")
      }
      if to != .sql, to != .souffle, let dialect, dialect.target != target {
        throw ValidationError("--to \(to.rawValue) and --dialect \(dialect.rawValue) name different dialects.")
      }
    }

    func execute() -> Int32 {
      let to = target
      let knowledge = StartingKnowledge(files: files, empty: false)
      var writer = OutputWriter(color: Terminal.wantsColor)
      let session = Session()
      limits.sessionLimits.apply(to: session)
      for output in knowledge.load(into: session) where output.isDiagnostics {
        writer.write(output, from: session)
      }
      if writer.sawError { return 1 }
      let inputs =
        files.isEmpty ? "the bundled knowledge base (\(KnowledgeLocator.displayName)/)" : files.joined(separator: " ")
      let header = ["\(to.title) written by valley export \(ValleyVersion.string) from \(inputs).", to.howToRun]
      switch Exporter.export(session.snapshot(), to: to, header: header) {
      case .failure(let failure):
        writer.write(.diagnostics(failure.diagnostics, line: 0), from: session)
        return 1
      case .success(let text):
        guard let output else {
          Terminal.write(stdout: text, stderr: "")
          return 0
        }
        if case .failure(let failure) = AtomicFile(output).write(text) {
          let diagnostic = Diagnostic.error(
            .E524, "cannot write '\(output)': \(LoadFailure(failure).writeReason); nothing was written", at: nil)
          writer.write(.diagnostics([diagnostic], line: 0), from: session)
          return 1
        }
        return 0
      }
    }
  }
}

extension ExportTarget {
  /// The target's name in the header.
  var title: String {
    switch self {
    case .sqlite: "SQLite script"
    case .postgresql: "PostgreSQL script"
    case .duckdb: "DuckDB script"
    case .souffle: "Soufflé program"
    }
  }

  /// The header line that says how to run the result.
  var howToRun: String {
    switch self {
    case .sqlite: "Run: sqlite3 -bail knowledge.db < this.sql (SQLite 3.38 or later)."
    case .postgresql: "Run: psql -v ON_ERROR_STOP=1 -f this.sql (PostgreSQL 12 or later)."
    case .duckdb: "Run: duckdb knowledge.duckdb < this.sql (DuckDB 1.3 or later)."
    case .souffle: "Run: souffle -D . this.dl (facts are in the program; every predicate is an output)."
    }
  }
}
