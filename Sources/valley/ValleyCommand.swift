import ArgumentParser
import ValleyEngine

/// The root command, `valley`; with no subcommand it starts the prompt (``Repl``).
struct ValleyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "valley",
    abstract: "Ask questions of a knowledge base of facts and rules (a Datalog dialect).",
    usage: """
      valley [--empty] [--max-facts <n>] [--timeout <s>] [--no-progress] [<files> ...]
      valley run [--empty] [--format <format>] [--max-facts <n>] [--timeout <s>] [--no-progress] <scripts> ...
      valley serve [--host <address>] [--port <n>] [--knowledge <folder>] [--exercises <file> ...] [--state <folder>]
      valley exercise <file>
      valley check <files> ...
      valley grade --exercises <file> [--format <format>] <answers> ...
      valley fmt [--check] [--kind <kind>] [<paths> ...]
      valley lsp
      valley export --to <target> [--output <file>] [<files> ...]
      """,
    discussion: """
      With no subcommand, valley reads statements at a prompt. When standard input is not a \
      terminal, it runs it as a query script instead, exactly as `valley run -`.

      When standard error is a terminal, a load or an evaluation that runs longer than a \
      second shows how far it got on one line there, erased when it ends (--no-progress \
      turns it off); at the prompt, Ctrl-C stops it and leaves the knowledge base as it was.
      """,
    version: ValleyVersion.string,
    subcommands: [
      Repl.self, Run.self, Serve.self, Exercise.self, Check.self, Grade.self, Format.self, Lsp.self, Export.self,
    ],
    defaultSubcommand: Repl.self
  )
}

/// A subcommand that does its work and returns an exit status, instead of throwing one.
protocol ValleySubcommand: ParsableCommand {
  /// Does the work; the process exits with the returned status.
  func execute() -> Int32
}

extension ValleyCommand {
  /// `valley [--empty] [FILES...]`: the prompt, or a script piped into standard input.
  struct Repl: ValleySubcommand {
    static let configuration = CommandConfiguration(
      commandName: "repl",
      abstract: "Ask questions at a prompt.")

    @Flag(help: "Start with nothing loaded instead of the bundled knowledge base.")
    var empty = false

    @Argument(help: "Knowledge files (*.kb) to load instead of the bundled knowledge base.")
    var files: [String] = []

    @OptionGroup var limits: LimitOptions

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
      if empty && !files.isEmpty {
        throw ValidationError("--empty starts with nothing loaded; leave it out to load FILES.")
      }
    }

    /// What this command line asks for.
    var invocation: Invocation {
      .prompt(files: files, empty: empty, limits: limits.sessionLimits, noProgress: progress.disabled)
    }

    func execute() -> Int32 {
      invocation.execute()
    }
  }

  /// `valley run [--empty] [--format F] SCRIPT...`: query scripts, each in a fresh session.
  struct Run: ValleySubcommand {
    static let configuration = CommandConfiguration(
      commandName: "run",
      abstract: "Run query scripts as if typed at the prompt, each in a fresh session.",
      discussion: """
        Exit status: 0 when every statement succeeded, 1 when any failed (the others still \
        run), 2 for a usage error.
        """)

    @Flag(help: "Start each script with nothing loaded instead of the bundled knowledge base.")
    var empty = false

    @Option(help: "How answers print.")
    var format: OutputFormat = .table

    @Argument(help: "Query scripts (*.q) to run; - reads standard input.")
    var scripts: [String]

    @OptionGroup var limits: LimitOptions

    @OptionGroup var progress: ProgressOptions

    /// What this command line asks for.
    var invocation: Invocation {
      .run(
        scripts: scripts, empty: empty, format: format, limits: limits.sessionLimits,
        noProgress: progress.disabled)
    }

    func execute() -> Int32 {
      invocation.execute()
    }
  }
}

extension OutputFormat: ExpressibleByArgument {}
