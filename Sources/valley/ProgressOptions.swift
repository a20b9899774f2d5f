import ArgumentParser

/// `--no-progress`: whether a long load or evaluation shows a status line on standard error.
struct ProgressOptions: ParsableArguments {
  @Flag(
    name: .customLong("no-progress"),
    help: """
      Never show the status line that a load or an evaluation running longer than a second \
      shows on standard error when it is a terminal.
      """)
  var disabled = false
}
