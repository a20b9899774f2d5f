import CReadline
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

  /// Where history is kept, or nil when it cannot be kept. Each line is appended as soon as
  /// it is entered, so a session that ends abruptly (a closed window) loses nothing.
  private var historyPath: String?

  /// Prepares readline and reads the history file; `words` is asked for what Tab completes.
  init(words: CompletionWords) {
    valley_rl_configure("valley")
    ReadlineState.words = words
    valley_rl_set_completion { text, start, _ in
      let line = Array(String(cString: valley_rl_line_buffer()).utf8)
      let before = String(decoding: line.prefix(Int(max(0, start))), as: UTF8.self)
      let word = text.map { String(cString: $0) } ?? ""
      switch Completion.of(word, after: before, from: ReadlineState.words) {
      case .fileNames:
        return nil  // readline's default: file names, the quote closed after a file
      case .words(let matches, let append):
        valley_rl_completion_over()
        valley_rl_completion_append(Int32(append?.asciiValue ?? 0))
        ReadlineState.matches = matches
        ReadlineState.nextMatch = 0
        guard let text, !matches.isEmpty else { return nil }
        return rl_completion_matches(text) { _, _ in
          guard ReadlineState.nextMatch < ReadlineState.matches.count else { return nil }
          defer { ReadlineState.nextMatch += 1 }
          return strdup(ReadlineState.matches[ReadlineState.nextMatch])  // readline frees it
        }
      }
    }
    using_history()
    stifle_history(Self.historyLimit)
    historyPath = Self.historyFile()
    if let path = historyPath {
      let status = read_history(path)
      if status == ENOENT {
        // Appending needs the file to exist; it is private, as a shell's history is.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        if descriptor < 0 {
          Self.warnIfFailed(errno, "history is not kept: cannot create \(path)")
          historyPath = nil
        } else {
          Glibc.close(descriptor)
        }
      } else {
        Self.warnIfFailed(status, "cannot read history from \(path)")
      }
    }
  }

  /// Prepares readline with one list of words for Tab: `:`commands and names; the list, colons
  /// dropped, also gives the topics after `:help` (for a prompt with no separate lists).
  init(completionWords: @escaping () -> [String]) {
    self.init(
      words: CompletionWords(
        commandsAndPredicates: completionWords,
        helpTopics: { completionWords().map { $0.hasPrefix(":") ? String($0.dropFirst()) : $0 } }))
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
      saveLatestLine()
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
    let status = history_truncate_file(historyPath, Self.historyLimit)
    Self.warnIfFailed(status, "cannot trim history in \(historyPath)")
  }

  /// Appends the line just added to the history file; after a failure, warns once and stops.
  private mutating func saveLatestLine() {
    guard let path = historyPath else { return }
    let status = append_history(1, path)
    guard status != 0 else { return }
    Self.warnIfFailed(status, "history is no longer kept: cannot save it to \(path)")
    historyPath = nil
  }

  /// Warns about a history file that could not be used; `status` is 0 or an `errno` value.
  private static func warnIfFailed(_ status: Int32, _ problem: String) {
    guard status != 0 else { return }
    Terminal.warning("\(problem): \(String(cString: strerror(status)))")
  }

  /// The history file's path, its folder created; nil, after a warning, when there is none.
  ///
  /// The file is `$XDG_STATE_HOME/valley/history`, else `~/.local/state/valley/history`.
  private static func historyFile() -> String? {
    let state: String
    if let xdg = System.environment("XDG_STATE_HOME"), xdg.hasPrefix("/") {
      state = xdg
    } else if let home = System.environment("HOME"), !home.isEmpty {
      state = home + "/.local/state"
    } else {
      Terminal.warning("HOME is not set, so history is not kept")
      return nil
    }
    let folder = state + "/valley"
    guard System.makeFolders(folder) else {
      Terminal.warning("history is not kept: cannot create \(folder)")
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
  nonisolated(unsafe) static var words = CompletionWords()
  /// The words that complete the current prefix, and the next one to hand to readline.
  nonisolated(unsafe) static var matches: [String] = []
  nonisolated(unsafe) static var nextMatch = 0
}

/// Where Tab finds its words. Each list is asked for again at every Tab, so a predicate
/// asserted a moment ago completes too.
struct CompletionWords {
  /// Command names with their colon, then predicate names (`Session.completionWords`).
  var commandsAndPredicates: () -> [String] = { [] }
  /// What `:help` takes: command names, `language`, predicate names (`Session.helpTopics`).
  var helpTopics: () -> [String] = { [] }
  /// The symbols of the knowledge base that can be typed bare (`Session.symbolWords`).
  var symbols: () -> [String] = { [] }
}

/// What Tab completes, decided from the word under the cursor and the text before it.
enum Completion: Equatable {
  /// File names (after `:load`), left to readline.
  case fileNames
  /// These words; after a single match, `append` is typed too (nil: nothing).
  case words([String], append: Character?)

  /// The completion of `word`, typed after `before` on the same line.
  ///
  /// - `:` at the start of a statement: command names, then a space;
  /// - after `:load`: file names;
  /// - after `:help`: help topics;
  /// - anywhere else: predicate names, then symbols, with nothing after them, so that `(`, `,`
  ///   or `)` can follow at once.
  static func of(_ word: String, after before: String, from words: CompletionWords) -> Completion {
    let statement = before.drop { $0.isWhitespace }
    if statement.hasPrefix(":load") { return .fileNames }
    if statement.hasPrefix(":help") {
      return .words(matching(word, in: words.helpTopics()), append: nil)
    }
    if word.hasPrefix(":") {
      guard statement.isEmpty else { return .words([], append: nil) }
      let commands = words.commandsAndPredicates().filter { $0.hasPrefix(":") }
      return .words(matching(word, in: commands), append: " ")
    }
    let names = words.commandsAndPredicates().filter { !$0.hasPrefix(":") } + words.symbols()
    return .words(matching(word, in: names), append: nil)
  }

  /// The words of `list` that begin with `prefix`, each once, in their first order.
  private static func matching(_ prefix: String, in list: [String]) -> [String] {
    var seen = Set<String>()
    return list.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
  }
}
