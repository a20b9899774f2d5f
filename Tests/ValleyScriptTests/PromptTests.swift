import Foundation
import Glibc
import Testing
import ValleyTestSupport

/// The prompt, driven like a person at a terminal: the real `valley` binary runs in a
/// pseudo-terminal (its own session, the terminal its controlling one), keys are written to the
/// terminal and what it shows is read back.
///
/// Every read has a deadline, so a prompt that stops answering fails the test instead of
/// hanging it; the child is killed when its test ends.
@Suite(.serialized) struct PromptTests {
  @Test func queryIsAnsweredAsAnAlignedTableWithAHangulCell() throws {
    let prompt = try Prompt(["--empty"])
    try prompt.enter(":assert place(\"안산\", ansan).")
    try prompt.expect("asserted 1 fact")
    try prompt.enter("place(K, E).")
    let shown = try prompt.expect("1 answer")
    // 안산 is four columns wide, so its column is four wide, not two.
    let lines = shown.split(separator: "\n").map(String.init)
    #expect(lines.contains("K     E"))
    #expect(lines.contains("----  -----"))
    #expect(lines.contains("안산  ansan"))
    // A terminal, and no NO_COLOR: the header is bold.
    #expect(prompt.raw.contains("\u{1B}[1mK     E\u{1B}[0m"))
    #expect(try prompt.leave() == 0)
  }

  @Test func historySurvivesARestart() throws {
    let state = try TemporaryFolder()
    let first = try Prompt(["--empty"], stateHome: state.path)
    try first.enter("nope(X).")
    try first.expect("E202")
    try first.enter(":assert seen(1).")
    try first.expect("asserted 1 fact")
    try first.enter(":quit")
    #expect(try first.exitStatus() == 0)

    // Every entered line is kept, the one that failed too.
    let history = try String(contentsOfFile: state.path + "/valley/history", encoding: .utf8)
    #expect(history == "nope(X).\n:assert seen(1).\n:quit\n")

    let second = try Prompt(["--empty"], stateHome: state.path)
    try second.expect("?- ")
    // Up shows `:quit`, the last line of the previous session; Up again `:assert seen(1).`,
    // which Enter runs again in this new, empty session.
    second.type("\u{1B}[A")
    try second.expect(":quit")
    second.type("\u{1B}[A\r")
    try second.expect("asserted 1 fact")
    #expect(try second.leave() == 0)
  }

  @Test func tabCompletesAPredicateName() throws {
    let prompt = try Prompt(["--empty"])
    try prompt.enter(":assert place(\"안산\", ansan).")
    try prompt.expect("asserted 1 fact")
    try prompt.expect("?- ")
    prompt.type("plac\t")
    try prompt.expect("place")  // Tab added the "e"
    prompt.type("(K, E).\r")
    try prompt.expect("(K, E).\n")
    try prompt.expect("1 answer")
    #expect(try prompt.leave() == 0)
  }

  @Test func ctrlCStopsALongRecursiveEvaluationAndTheNextQueryIsAnswered() throws {
    let prompt = try Prompt(["--empty"])
    try prompt.enter(":set timeout 0")
    try prompt.enter(":set max_facts 100000000")
    try prompt.enter(":assert n(0).")
    try prompt.expect("asserted 1 fact")
    // Counting to 10^8 one fact at a time would take minutes.
    try prompt.enter(":assert n(Y) :- n(X), Y = X + 1, Y < 100000000.")
    try prompt.expect("100000000.\n")  // echoed and entered: the evaluation has begun
    usleep(1_000_000)
    let pressed = Date()
    prompt.type("\u{03}")
    let stopped = try prompt.expect("?- ")
    #expect(Date().timeIntervalSince(pressed) < 5)
    #expect(stopped.contains("error: interrupted; the knowledge base is unchanged [E405]"))
    // The rule was not added: only n(0) holds.
    prompt.type("n(X).\r")
    let answer = try prompt.expect("1 answer")
    #expect(answer.split(separator: "\n").contains("0"))
    #expect(try prompt.leave() == 0)
  }

  @Test func ctrlCAtThePromptClearsTheLine() throws {
    let prompt = try Prompt(["--empty"])
    try prompt.expect("?- ")
    prompt.type("half a thought")
    try prompt.expect("half a thought")
    prompt.type("\u{03}")
    try prompt.enter(":assert p(1).")
    try prompt.expect("asserted 1 fact")  // not an error about "half a thought:assert …"
    #expect(try prompt.leave() == 0)
  }
}

/// What went wrong while talking to the prompt, with what it had shown so far.
private struct PromptFailure: Error, CustomStringConvertible {
  var description: String
}

/// The `valley` binary running in a pseudo-terminal 100 columns wide (ProgressLineTests use it
/// too).
final class Prompt {
  /// The terminal's side that the test reads and writes.
  private let master: Int32
  private let pid: pid_t
  private var exited: Int32?
  /// Everything the terminal showed, as received.
  private var bytes: [UInt8] = []
  /// Everything the terminal showed, escape sequences included.
  var raw: String { String(decoding: bytes, as: UTF8.self) }
  /// Everything shown, without escape sequences and carriage returns; `expect` searches it
  /// from `cursor` on.
  private var shown = ""
  private var cursor: String.Index
  /// The history folder the child uses, when the test did not give one.
  private let ownState: TemporaryFolder?

  /// Starts `valley arguments` with its history under `stateHome` (a fresh folder if nil),
  /// no `~/.inputrc`, a dumb terminal (so readline writes no terminal-specific escapes),
  /// colour allowed, no knowledge images, and the variables of `extra` added.
  init(_ arguments: [String], stateHome: String? = nil, environment extra: [String: String] = [:]) throws {
    let executable = try Self.executable()
    ownState = stateHome == nil ? try TemporaryFolder() : nil
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = nil
    environment["COLUMNS"] = nil
    environment["LINES"] = nil
    environment["TERM"] = "dumb"
    environment["INPUTRC"] = "/dev/null"
    environment["XDG_STATE_HOME"] = stateHome ?? ownState?.path
    environment["VALLEY_IMAGE_CACHE"] = "off"
    for (key, value) in extra { environment[key] = value }

    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else {
      throw PromptFailure(description: "openpty failed: \(String(cString: strerror(errno)))")
    }
    defer { close(slave) }
    guard let name = ttyname(slave) else {
      close(master)
      throw PromptFailure(description: "the pseudo-terminal has no name")
    }
    let slaveName = String(cString: name)

    // The child starts a session (setsid) and then opens the terminal, which makes it its
    // controlling terminal: Ctrl-C typed there sends SIGINT, as in a real window.
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addclose(&actions, master)
    posix_spawn_file_actions_addclose(&actions, slave)
    posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    sigaddset(&defaults, SIGPIPE)
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &unblocked)
    posix_spawnattr_setflags(
      &attributes, Int16(Self.spawnSetsid | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var child: pid_t = 0
    let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
    guard status == 0 else {
      close(master)
      let reason = String(cString: strerror(status))
      throw PromptFailure(description: "cannot start \(executable): \(reason)")
    }
    self.master = master
    self.pid = child
    self.cursor = shown.startIndex
  }

  deinit {
    if exited == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    close(master)
  }

  /// Types `keys` at the terminal.
  func type(_ keys: String) {
    let bytes = Array(keys.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }

  /// Waits for the prompt, then types `line` and Enter.
  ///
  /// Keys typed before the prompt is back would reach the terminal while it is not in
  /// readline's mode (Ctrl-D would be taken as the end of a cooked line), so a test, like a
  /// person, waits for `?- ` first.
  func enter(_ line: String) throws {
    try expect("?- ")
    type(line + "\r")
  }

  /// Waits for the prompt, presses Ctrl-D and returns the exit status.
  func leave() throws -> Int32 {
    try expect("?- ")
    type("\u{04}")
    return try exitStatus()
  }

  /// Waits until the terminal shows `text` after what earlier calls matched, and returns what
  /// it showed up to and including `text`.
  @discardableResult
  func expect(_ text: String, within seconds: Double = 10) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    while true {
      if let found = shown.range(of: text, range: cursor..<shown.endIndex) {
        let seen = String(shown[cursor..<found.upperBound])
        cursor = found.upperBound
        return seen
      }
      let left = deadline.timeIntervalSinceNow
      guard left > 0, read(waiting: left) else {
        throw PromptFailure(
          description: "the prompt did not show \(text.debugDescription); it showed:\n"
            + String(shown[cursor...]))
      }
    }
  }

  /// Waits for the child to leave and returns its exit status (128 + N if signal N ended it).
  func exitStatus(within seconds: Double = 10) throws -> Int32 {
    let deadline = Date().addingTimeInterval(seconds)
    while exited == nil {
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid {
        exited = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        break
      }
      guard deadline.timeIntervalSinceNow > 0 else {
        throw PromptFailure(description: "valley did not leave; it showed:\n" + shown)
      }
      _ = read(waiting: 0.05)  // keep the terminal drained, so the child never blocks writing
    }
    return exited ?? -1
  }

  /// Reads what the terminal has, waiting at most `seconds`; false when nothing came in that
  /// time or the child closed the terminal.
  private func read(waiting seconds: Double) -> Bool {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    let ready = poll(&descriptor, 1, Int32(max(1, min(seconds, 60) * 1000)))
    guard ready > 0 else { return ready < 0 && errno == EINTR }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
    guard count > 0 else { return false }  // EIO: the child closed the terminal
    bytes += buffer[0..<count]
    let offset = shown.distance(from: shown.startIndex, to: cursor)
    shown = Self.plain(raw)
    cursor = shown.index(shown.startIndex, offsetBy: min(offset, shown.count))
    return true
  }

  /// `text` without carriage returns and escape sequences (`ESC [ … letter`).
  private static func plain(_ text: String) -> String {
    var out = ""
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      if scalar == "\r" { continue }
      if scalar == "\u{1B}" {
        guard let next = scalars.next(), next == "[" else { continue }
        while let c = scalars.next(), !(c.properties.isAlphabetic || c == "~") {}
        continue
      }
      out.unicodeScalars.append(scalar)
    }
    return out
  }

  /// glibc's `POSIX_SPAWN_SETSID` (spawn.h declares it only for `_GNU_SOURCE`, which Swift's
  /// Glibc module does not see): the child calls `setsid` before its file actions run.
  private static let spawnSetsid: Int32 = 0x80

  /// The built `valley` (see ``ValleyProcess/executable()``).
  private static func executable() throws -> String {
    try ValleyProcess.executable().path
  }
}
