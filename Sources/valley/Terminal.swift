import Glibc
import Synchronization

/// The process's standard streams and its Ctrl-C flag.
enum Terminal {
  /// Whether standard input is a terminal (Lua's `lua_stdin_is_tty`).
  static var inputIsTerminal: Bool { isatty(STDIN_FILENO) != 0 }

  /// Whether standard error is a terminal (where a progress line may be drawn).
  static var errorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

  /// Whether diagnostics and answers may be coloured: both output streams are terminals
  /// and the user has not asked for plain text with `NO_COLOR` (https://no-color.org).
  static var wantsColor: Bool {
    isatty(STDOUT_FILENO) != 0 && isatty(STDERR_FILENO) != 0 && getenv("NO_COLOR") == nil
  }

  /// The width of the terminal standard output goes to, in columns; 80 when it is not a
  /// terminal or does not say. Asked again for every answer, so a resized window is followed.
  static var columns: Int { columns(of: STDOUT_FILENO) }

  /// The width of the terminal standard error goes to, as ``columns`` for standard output.
  static var errorColumns: Int { columns(of: STDERR_FILENO) }

  private static func columns(of descriptor: Int32) -> Int {
    var size = winsize()
    guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
    return Int(size.ws_col)
  }

  // MARK: Ctrl-C

  /// Set by the SIGINT handler; read by the line reader and by a running evaluation.
  private static let interruptFlag = Atomic<Bool>(false)

  /// Makes Ctrl-C set a flag instead of ending the process.
  ///
  /// The handler is installed without `SA_RESTART`, so a blocking `poll` returns `EINTR` and
  /// the reader can react.
  static func catchInterrupts() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in
      Terminal.interruptFlag.store(true, ordering: .relaxed)
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }

  /// Whether Ctrl-C was pressed since the last call; clears the flag.
  static func takeInterrupt() -> Bool {
    interruptFlag.exchange(false, ordering: .relaxed)
  }

  /// Whether Ctrl-C was pressed and not yet taken; safe to call from any thread.
  @Sendable static func interruptRequested() -> Bool {
    interruptFlag.load(ordering: .relaxed)
  }

  // MARK: Writing

  /// Writes `stdout` text, then `stderr` text.
  ///
  /// Both go straight to the file descriptors (no buffering), so standard output is always
  /// complete before an error message follows.
  static func write(stdout: String, stderr: String) {
    write(stdout, to: STDOUT_FILENO)
    write(stderr, to: STDERR_FILENO)
  }

  /// Writes a message for the user to standard error.
  static func warn(_ message: String) {
    write(message + "\n", to: STDERR_FILENO)
  }

  /// Writes `valley: warning: <message>` to standard error, the word "warning" coloured as
  /// diagnostics colour it when colour is wanted.
  static func warning(_ message: String) {
    let label = wantsColor ? "\u{1B}[1;33mwarning\u{1B}[0m" : "warning"
    warn("valley: \(label): \(message)")
  }

  private static func write(_ text: String, to descriptor: Int32) {
    guard !text.isEmpty else { return }
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return  // the reader went away (EPIPE with SIGPIPE ignored) or the disk is full
        }
        offset += written
      }
    }
  }
}
