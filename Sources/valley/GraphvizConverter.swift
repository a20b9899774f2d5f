import Foundation

/// Draws DOT text as SVG or PNG with Graphviz's `dot`, when it is installed.
enum GraphvizConverter {
  /// The `dot` executable on the PATH, if any.
  static var dotPath: String? {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return paths.map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Converts `dot` into `path` (format `svg` or `png`); an error message, or nil on success.
  /// The picture is written to a temporary file and renamed, so a failure leaves no half file.
  static func convert(_ dot: String, _ path: String, _ format: String) -> String? {
    guard let executable = dotPath else {
      return "Graphviz's dot is not installed (apt-get install graphviz); write a .dot file instead"
    }
    let temporary = path + ".valley-tmp-\(getpid())"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["-T\(format)", "-o", temporary]
    let input = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return "could not start dot: \(error.localizedDescription)"
    }
    input.fileHandleForWriting.write(Data(dot.utf8))
    try? input.fileHandleForWriting.close()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      try? FileManager.default.removeItem(atPath: temporary)
      return "dot failed: " + message.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    if rename(temporary, path) != 0 {
      try? FileManager.default.removeItem(atPath: temporary)
      return "could not write \(path)"
    }
    return nil
  }
}
