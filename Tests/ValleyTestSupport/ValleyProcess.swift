import Foundation
import Testing

/// The outcome of one run of the `valley` binary.
public struct ProcessResult: Sendable {
  /// The exit status (the shell's 128 + N when `limits` were given and signal N ended it).
  public var status: Int32
  /// Whether a signal ended the run.
  public var crashed: Bool
  /// Whether the run took longer than its timeout and was stopped.
  public var timedOut: Bool
  /// Everything written to standard output.
  public var stdout: String
  /// Everything written to standard error.
  public var stderr: String

  /// The status and the ends of both outputs, for failure messages.
  public var summary: String {
    "status \(status)\(crashed ? " (killed by signal)" : "")\(timedOut ? " (timed out)" : "")\n"
      + "stdout: \(stdout.suffix(600))\nstderr: \(stderr.prefix(1500))"
  }
}

/// Runs the `valley` built beside the test bundle, optionally under shell resource limits.
///
/// Standard input is a file, a text, or empty (never the terminal the tests started from);
/// `NO_COLOR` is set, so output has no escape sequences, and `VALLEY_IMAGE_CACHE=off`, so
/// every run loads the knowledge base's files.
public enum ValleyProcess {
  /// The executable: in the folder of the running test binary (`swift build` puts every
  /// product of a configuration there), else in the package's default build folder.
  public static func executable() throws -> URL {
    var candidates: [URL] = []
    if let testBinary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      candidates.append(URL(fileURLWithPath: testBinary).deletingLastPathComponent())
    }
    candidates.append(Bundle.main.bundleURL)
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    candidates.append(URL(fileURLWithPath: TestPackage.root + "/.build/debug"))
    let found = candidates.map { $0.appendingPathComponent("valley") }.first {
      FileManager.default.isExecutableFile(atPath: $0.path)
    }
    return try #require(found, "no built valley next to \(candidates.map(\.path))")
  }

  /// Runs valley with `arguments` and waits for it.
  ///
  /// - Parameters:
  ///   - standardInput: a file to read standard input from.
  ///   - standardInputText: text to pipe to standard input (instead of `standardInput`).
  ///   - limits: shell text run before valley, for example `ulimit -v N`.
  ///   - directory: the working folder (the tests' own by default).
  ///   - extra: variables added to (or replacing those of) the tests' environment.
  ///   - timeout: seconds after which the run is stopped and reported as timed out.
  public static func run(
    _ arguments: [String], standardInput: String? = nil, standardInputText: String? = nil,
    limits: String? = nil,
    directory: String? = nil, environment extra: [String: String] = [:], timeout: Double = 120
  ) throws -> ProcessResult {
    let folder = try TemporaryFolder(["stdout": "", "stderr": ""])
    let outURL = URL(fileURLWithPath: folder.path("stdout"))
    let errURL = URL(fileURLWithPath: folder.path("stderr"))

    let process = Process()
    let valley = try executable()
    if let limits {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", limits + "; exec \"$0\" \"$@\"", valley.path] + arguments
    } else {
      process.executableURL = valley
      process.arguments = arguments
    }
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["SWIFT_BACKTRACE"] = "enable=no"
    // Every run loads the knowledge files; tests of knowledge images ask for a cache folder.
    environment["VALLEY_IMAGE_CACHE"] = "off"
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let pipe = standardInputText.map { _ in Pipe() }
    if let pipe {
      process.standardInput = pipe
    } else {
      process.standardInput =
        try standardInput.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) } ?? FileHandle.nullDevice
    }
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    try process.run()
    if let pipe, let text = standardInputText {
      pipe.fileHandleForWriting.write(Data(text.utf8))
      try pipe.fileHandleForWriting.close()
    }
    let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
    var timedOut = false
    while process.isRunning {
      if ContinuousClock.now > deadline {
        timedOut = true
        process.terminate()
        break
      }
      usleep(20_000)
    }
    process.waitUntilExit()
    try out.close()
    try err.close()
    let crashed =
      process.terminationReason == .uncaughtSignal
      || (limits != nil && process.terminationStatus > 128)  // the shell reports a signal as 128+N
    let result = ProcessResult(
      status: process.terminationStatus, crashed: crashed, timedOut: timedOut,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    folder.remove()
    return result
  }
}
