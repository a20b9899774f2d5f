import CReadline
import Foundation
import Glibc

/// Reads lines with GNU readline: line editing, history kept across sessions, Tab completion.
///
/// This is the only file that touches readline. It uses readline's callback interface, so that
/// the wait for a key is a `poll` that Ctrl-C interrupts (the SIGINT handler installed by
/// ``Terminal/catchInterrupts()`` is made without `SA_RESTART`): the half-typed line is then
/// dropped and the caller shows a fresh prompt, as Python's REPL does.
struct ReadlineLineReader: LineReader {
  /// The most lines the history keeps, in memory and in its file.
  private static let historyLimit: Int32 = 1000

  /// Where history is kept, or nil when it cannot be kept.
  private let historyPath: String?

  /// Prepares readline; `completionWords` is asked for the words Tab may complete.
  init(completionWords: @escaping () -> [String]) {
    valley_rl_configure("valley")
    ReadlineState.completionWords = completionWords
    valley_rl_set_completion { text, start, _ in
      // `:load "...` completes file names, readline's default.
      if start > 0, String(cString: valley_rl_line_buffer()).hasPrefix(":load") { return nil }
      valley_rl_completion_over()
      guard let text else { return nil }
      let prefix = String(cString: text)
      ReadlineState.matches = ReadlineState.completionWords().filter { $0.hasPrefix(prefix) }
      ReadlineState.nextMatch = 0
      return rl_completion_matches(text) { _, _ in
        guard ReadlineState.nextMatch < ReadlineState.matches.count else { return nil }
        defer { ReadlineState.nextMatch += 1 }
        return strdup(ReadlineState.matches[ReadlineState.nextMatch])  // readline frees it
      }
    }
    using_history()
    stifle_history(Self.historyLimit)
    historyPath = Self.historyFile()
    if let historyPath {
      let status = read_history(historyPath)
      if status != ENOENT { Self.warnIfFailed(status, "cannot read history from \(historyPath)") }
    }
  }

  mutating func readLine(prompt: String) -> LineInput {
    _ = Terminal.takeInterrupt()  // a Ctrl-C that stopped a query is spent
    ReadlineState.result = nil
    rl_callback_handler_install(prompt) { line in
      rl_callback_handler_remove()  // no new prompt until the caller asks for one
      guard let line else {
        ReadlineState.result = .end
        return
      }
      ReadlineState.result = .line(String(cString: line))
      free(line)
    }
    while ReadlineState.result == nil {
      if Terminal.takeInterrupt() {
        abandonLine()
        return .interrupted
      }
      var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
      if poll(&descriptor, 1, -1) < 0 {
        if errno == EINTR { continue }
        rl_callback_handler_remove()
        return .end
      }
      rl_callback_read_char()
    }
    let result = ReadlineState.result ?? .end
    switch result {
    case .line(let line) where line.contains(where: { !$0.isWhitespace }):
      add_history(line)
    case .end:
      Terminal.write(stdout: "\n", stderr: "")  // leave the shell's prompt on a line of its own
    default:
      break
    }
    return result
  }

  /// Drops the line being typed after Ctrl-C and restores the terminal.
  private func abandonLine() {
    rl_free_line_state()
    rl_callback_sigcleanup()
    rl_echo_signal_char(SIGINT)
    rl_cleanup_after_signal()
    rl_callback_handler_remove()
    Terminal.write(stdout: "\n", stderr: "")
  }

  mutating func close() {
    guard let historyPath else { return }
    Self.warnIfFailed(write_history(historyPath), "cannot save history to \(historyPath)")
  }

  /// Warns about a history file that could not be used; `status` is 0 or an `errno` value.
  private static func warnIfFailed(_ status: Int32, _ problem: String) {
    guard status != 0 else { return }
    Terminal.warn("valley: warning: \(problem): \(String(cString: strerror(status)))")
  }

  /// The history file's path, its folder created; nil, after a warning, when there is none.
  ///
  /// The file is `$XDG_STATE_HOME/valley/history`, else `~/.local/state/valley/history`.
  private static func historyFile() -> String? {
    let environment = ProcessInfo.processInfo.environment
    let state: String
    if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
      state = xdg
    } else if let home = environment["HOME"], !home.isEmpty {
      state = home + "/.local/state"
    } else {
      Terminal.warn("valley: warning: HOME is not set, so history is not kept")
      return nil
    }
    let folder = state + "/valley"
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      Terminal.warn("valley: warning: history is not kept: cannot create \(folder)")
      return nil
    }
    return folder + "/history"
  }
}

/// What readline's C callbacks share with the reader.
///
/// Readline calls them only from inside
/// `rl_callback_read_char`, on the thread that runs the prompt loop, and nothing else touches
/// these variables, so they need no lock.
private enum ReadlineState {
  /// The outcome of the current `readLine`, set by the line handler.
  nonisolated(unsafe) static var result: LineInput?
  /// Asked for the completable words each time Tab is pressed.
  nonisolated(unsafe) static var completionWords: () -> [String] = { [] }
  /// The words that complete the current prefix, and the next one to hand to readline.
  nonisolated(unsafe) static var matches: [String] = []
  nonisolated(unsafe) static var nextMatch = 0
}
