import Foundation
import Testing
import ValleyTestSupport

/// A real editor: headless Neovim from Debian's `neovim` package, configured by
/// editors/neovim/valley.lua, opens a file with an error and sees the server's diagnostic at
/// the right place (Neovim turns the protocol's UTF-16 position into a byte column).
///
/// Skipped where `nvim` is missing, except under CI (`CI` set), where a missing Neovim is a
/// failure; `.ci/run` installs it.
@Suite struct EditorTests {
  @Test(.enabled(if: NeovimPrerequisite.runs, NeovimPrerequisite.skipReason), .timeLimit(.minutes(2)))
  func neovimShowsTheDiagnosticOfAFileWithAnError() throws {
    let nvim = try #require(NeovimPrerequisite.path, "CI is set, and nvim is missing (apt-get install neovim)")
    let line = "place(\"안산\"). odd(A) :- place(A), facto(A)."
    let folder = try TemporaryFolder(["broken.kb": "% a knowledge file with a typo\n" + line + "\n", "out": ""])
    defer { folder.remove() }
    let valley = try ValleyProcess.executable().path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: nvim)
    process.arguments = [
      "--headless", "-u", "NONE", "-i", "NONE", "-n",
      "--cmd", "let g:valley_cmd = ['\(valley)', 'lsp'] | let g:valley_root = '\(folder.path)'",
      "-c", "luafile \(TestPackage.root)/editors/neovim/valley.lua",
      "-c", "edit \(folder.path("broken.kb"))",
      "-c", "luafile \(TestPackage.root)/Tests/Editors/nvim_diagnostics.lua",
    ]
    var environment = ProcessInfo.processInfo.environment
    environment["VALLEY_NVIM_OUT"] = folder.path("out")
    environment["XDG_STATE_HOME"] = folder.path("state")
    environment["XDG_CONFIG_HOME"] = folder.path("config")
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = ContinuousClock.now + .seconds(60)
    while process.isRunning && ContinuousClock.now < deadline { usleep(50_000) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    let output = try String(contentsOfFile: folder.path("out"), encoding: .utf8)
    let byteColumn = line.utf8.count - ", facto(A).".utf8.count + 2
    #expect(output.hasPrefix("1:\(byteColumn) E202 unknown predicate 'facto/1'"), "Neovim saw: \(output)")
  }
}

/// Where `nvim` is, looked for once.
enum NeovimPrerequisite {
  static let path: String? = {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return folders.map { "\($0)/nvim" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  static let underCI: Bool = {
    let value = ProcessInfo.processInfo.environment["CI"] ?? ""
    return !value.isEmpty && value.lowercased() != "false" && value != "0"
  }()

  /// Runs when Neovim is there, and always under CI (where it then fails, saying why).
  static var runs: Bool { path != nil || underCI }

  static var skipReason: Comment { "needs nvim (apt-get install neovim); under CI=true this fails instead" }
}
