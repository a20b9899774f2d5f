import Foundation
import Glibc
import Testing
import ValleyTestSupport

/// The playground page in a real browser: `valley serve --port 0` runs as a child process and
/// `Tests/Browser/page_test.py` drives headless Chromium through Selenium against it (typing,
/// Enter, Tab, arrows, clicks, a phone-width window), then the server is stopped with SIGTERM.
///
/// It needs Debian's `chromium` and `chromium-driver` and PyPI's `selenium` (`.ci/run` installs
/// them). Where one is missing the test is skipped and says which, except under CI (`CI` set),
/// where a missing browser is a failure rather than a silent pass.
@Suite struct BrowserTests {
  @Test(
    .enabled(if: BrowserPrerequisites.runs, BrowserPrerequisites.skipReason),
    .timeLimit(.minutes(10)))
  func playgroundWorksInHeadlessChromium() throws {
    let missing = BrowserPrerequisites.missing
    try #require(missing.isEmpty, "CI is set, and the browser test lacks: \(missing.joined(separator: ", "))")

    let state = try TemporaryFolder()
    let server = try ServerProcess(stateHome: state.path)
    defer { server.kill() }
    let url = try server.waitForURL(seconds: 60)

    let script = TestPackage.root + "/Tests/Browser/page_test.py"
    var arguments = [script, url]
    if let screenshot = ProcessInfo.processInfo.environment["VALLEY_PAGE_SCREENSHOT"] { arguments.append(screenshot) }
    let browser = try ChildRun(executable: "/usr/bin/env", arguments: ["python3"] + arguments, seconds: 300)
    #expect(browser.status == 0 && !browser.timedOut, "page_test.py:\n\(browser.output)")
    #expect(browser.output.contains(" passed, 0 failed"), "page_test.py:\n\(browser.output)")

    let stopped = try server.terminate(seconds: 10)
    let shown = stopped.map { "exit status \($0)" } ?? "still running after 10 s"
    #expect(stopped == 0, "valley serve after SIGTERM: \(shown)\n\(server.errors)")
  }

  /// The classroom: a student checks answers in the page, the teacher sees them, and no page
  /// or script the server sends holds a solution (Tests/Browser/classroom_test.py).
  @Test(
    .enabled(if: BrowserPrerequisites.runs, BrowserPrerequisites.skipReason),
    .timeLimit(.minutes(10)))
  func classroomWorksInHeadlessChromium() throws {
    let missing = BrowserPrerequisites.missing
    try #require(missing.isEmpty, "CI is set, and the browser test lacks: \(missing.joined(separator: ", "))")
    let state = try TemporaryFolder()
    let exercises = TestPackage.root + "/Queries/exercises/beginner.q"
    let server = try ServerProcess(
      stateHome: state.path, extra: ["--exercises", exercises, "--state", state.path("serve")],
      teacherToken: "browser-test-token")
    defer { server.kill() }
    let url = try server.waitForURL(seconds: 60)
    let script = TestPackage.root + "/Tests/Browser/classroom_test.py"
    let browser = try ChildRun(
      executable: "/usr/bin/env", arguments: ["python3", script, url, "browser-test-token", exercises], seconds: 300)
    #expect(browser.status == 0 && !browser.timedOut, "classroom_test.py:\n\(browser.output)")
    #expect(browser.output.contains(" passed, 0 failed"), "classroom_test.py:\n\(browser.output)")
    #expect(try server.terminate(seconds: 10) == 0, "valley serve after SIGTERM:\n\(server.errors)")
  }
}

/// What the browser test needs, looked for once.
enum BrowserPrerequisites {
  static let missing: [String] = {
    var missing: [String] = []
    if Tools.executable(named: "chromium") == nil && Tools.executable(named: "chromium-browser") == nil {
      missing.append("chromium (apt-get install chromium)")
    }
    let driver = ProcessInfo.processInfo.environment["CHROMEDRIVER"] ?? "/usr/bin/chromedriver"
    if !FileManager.default.isExecutableFile(atPath: driver) {
      missing.append("chromedriver at \(driver) (apt-get install chromium-driver)")
    }
    if !Tools.pythonHas("selenium") {
      missing.append("the selenium module for python3 (python3 -m pip install selenium)")
    }
    return missing
  }()

  /// Runs when everything is there, and always under CI (where it then fails, saying why).
  static var runs: Bool { missing.isEmpty || Tools.underCI }

  static var skipReason: Comment {
    Comment(rawValue: "needs \(missing.joined(separator: ", ")); under CI=true this fails instead")
  }
}

/// Collects what a pipe delivers, from the reading handler's thread.
private final class PipeText: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()

  func append(_ more: Data) {
    lock.lock()
    data.append(more)
    lock.unlock()
  }

  var text: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: data, as: UTF8.self)
  }
}

private struct NoURL: Error, CustomStringConvertible {
  var description: String
}

/// `valley serve --port 0` with its standard output on a pipe (as a script would read it).
private final class ServerProcess {
  let process = Process()
  private let output = PipeText()
  private let errorFile: String
  private let folder: TemporaryFolder

  init(stateHome: String, extra: [String] = [], teacherToken: String? = nil) throws {
    folder = try TemporaryFolder(["stderr": ""])
    errorFile = folder.path("stderr")
    process.executableURL = try ValleyProcess.executable()
    process.arguments = ["serve", "--port", "0"] + extra
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["SWIFT_BACKTRACE"] = "enable=no"
    environment["XDG_STATE_HOME"] = stateHome
    if let teacherToken { environment["VALLEY_TEACHER_TOKEN"] = teacherToken }
    process.environment = environment
    let pipe = Pipe()
    let output = self.output
    pipe.fileHandleForReading.readabilityHandler = { handle in output.append(handle.availableData) }
    process.standardOutput = pipe
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorFile))
    process.standardInput = FileHandle.nullDevice
    try process.run()
  }

  var errors: String { (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? "" }

  /// The `http://HOST:PORT/` of the line the server prints when it listens.
  func waitForURL(seconds: Double) throws -> String {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
      let text = output.text
      if let line = text.split(separator: "\n").first(where: { $0.contains("http://") }),
        let start = line.range(of: "http://")
      {
        return String(line[start.lowerBound...].prefix { !$0.isWhitespace })
      }
      if !process.isRunning { break }
      usleep(50_000)
    }
    throw NoURL(description: "no URL line from valley serve; stdout: \(output.text)\nstderr: \(errors)")
  }

  /// Sends SIGTERM; the exit status, or nil when it is still running after `seconds`.
  func terminate(seconds: Double) throws -> Int32? {
    process.terminate()
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while process.isRunning && ContinuousClock.now < deadline { usleep(50_000) }
    if process.isRunning { return nil }
    process.waitUntilExit()
    return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
  }

  func kill() {
    if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
    (process.standardOutput as? Pipe)?.fileHandleForReading.readabilityHandler = nil
  }
}
