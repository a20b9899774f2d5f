import ArgumentParser
import Glibc

/// The entry point: parses the command line, runs the chosen subcommand, exits with its status.
///
/// Parsing is done here rather than by `ParsableCommand.main()` so that usage errors exit
/// with status 2 (argument-parser's default is 64, `EX_USAGE`).
@main
enum ValleyMain {
  static func main() {
    exit(run(Array(CommandLine.arguments.dropFirst())))
  }

  /// Runs valley with `arguments` (without the program name); returns the exit status.
  ///
  /// The prompt and `valley run` usually come through ``QuickCommandLine``, which is quicker
  /// than argument-parser; every other command line, and every one it is unsure of, goes to
  /// argument-parser.
  static func run(_ arguments: [String]) -> Int32 {
    if let invocation = QuickCommandLine.parse(arguments) {
      return invocation.execute()
    }
    do {
      var command = try ValleyCommand.parseAsRoot(arguments)
      if let subcommand = command as? any ValleySubcommand {
        return subcommand.execute()
      }
      try command.run()  // argument-parser's own commands, such as `valley help run`
      return 0
    } catch {
      return report(error)
    }
  }

  /// Prints what argument-parser says about `error`; returns 0 for `--help` and `--version`,
  /// 2 for a usage error.
  private static func report(_ error: Error) -> Int32 {
    let message = ValleyCommand.fullMessage(for: error)
    let code = ValleyCommand.exitCode(for: error)
    if code == .success {
      Terminal.write(stdout: message.isEmpty ? "" : message + "\n", stderr: "")
      return 0
    }
    Terminal.write(stdout: "", stderr: message.isEmpty ? "" : message + "\n")
    return error is ExitCode ? code.rawValue : 2
  }
}
