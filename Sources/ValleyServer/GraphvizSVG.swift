import Foundation

/// Draws DOT text as SVG with Graphviz's `dot`, for `:graph` in the browser.
enum GraphvizSVG {
  /// The `dot` program on the PATH, if any.
  static let program: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// The SVG document for `dot`, or nil when Graphviz is missing or fails (then the page
  /// shows the DOT text).
  static func draw(_ dot: String) -> String? {
    guard let program else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = ["-Tsvg"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    // Write on another thread: a large graph could fill both pipes at once.
    let text = Data(dot.utf8)
    DispatchQueue.global().async {
      input.fileHandleForWriting.write(text)
      try? input.fileHandleForWriting.close()
    }
    let svg = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: svg, as: UTF8.self)
  }
}
