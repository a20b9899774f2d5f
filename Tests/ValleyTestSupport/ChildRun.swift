import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A child process run to its end (or stopped after `seconds`), its output and errors together.
public struct ChildRun {
  /// The exit status.
  public var status: Int32
  /// Whether it ran longer than allowed and was stopped.
  public var timedOut = false
  /// Its standard output and standard error, as written.
  public var output: String

  /// Runs `executable` with `arguments` in the package's folder and waits for it.
  public init(executable: String, arguments: [String], seconds: Double) throws {
    let folder = try TemporaryFolder(["output": ""])
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.path("output")))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: TestPackage.root)
    var environment = ProcessInfo.processInfo.environment
    environment["PYTHONUNBUFFERED"] = "1"
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while process.isRunning && ContinuousClock.now < deadline { usleep(50_000) }
    if process.isRunning {
      timedOut = true
      process.terminate()
    }
    process.waitUntilExit()
    try handle.close()
    status = process.terminationStatus
    output = (try? String(contentsOfFile: folder.path("output"), encoding: .utf8)) ?? ""
  }
}

/// What tests that need outside tools (a browser, a database engine) share.
public enum Tools {
  /// Whether the tests run under CI (`CI` set and not false): a missing tool is then a
  /// failure, not a skipped test.
  public static let underCI: Bool = {
    let value = ProcessInfo.processInfo.environment["CI"] ?? ""
    return !value.isEmpty && value.lowercased() != "false" && value != "0"
  }()

  /// The path of an executable found on `PATH`, or nil.
  public static func executable(named name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Whether `python3` can import `module`.
  public static func pythonHas(_ module: String) -> Bool {
    let run = try? ChildRun(executable: "/usr/bin/env", arguments: ["python3", "-c", "import \(module)"], seconds: 60)
    return run?.status == 0
  }
}
