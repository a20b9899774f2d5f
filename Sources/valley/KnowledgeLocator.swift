import Foundation

/// Finds the bundled knowledge base: the `Knowledge/` folder that ships with valley.
enum KnowledgeLocator {
  /// The name diagnostics give the bundled folder, so output never shows a machine's paths.
  static let displayName = "Knowledge"

  /// The bundled folder's path.
  ///
  /// It is found in this order:
  /// 1. the environment variable `VALLEY_KNOWLEDGE`;
  /// 2. a `Knowledge` folder in a folder that contains the executable, found by walking up from
  ///    its real path (a built binary lives in the package's `.build/<configuration>/`);
  /// 3. `../share/valley/Knowledge` beside the executable's folder (an installed binary);
  /// 4. the package this source file was compiled from.
  ///
  /// The last is returned even when it does not exist, so that loading it reports the problem.
  static func locate() -> String {
    let environment = ProcessInfo.processInfo.environment
    if let configured = environment["VALLEY_KNOWLEDGE"], !configured.isEmpty {
      return configured
    }
    if let executable = executableURL() {
      var folder = executable.deletingLastPathComponent()
      while true {
        let candidate = folder.appendingPathComponent(displayName)
        if isFolder(candidate) { return candidate.path }
        let parent = folder.deletingLastPathComponent()
        if parent.path == folder.path { break }
        folder = parent
      }
      let shared = executable.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("share/valley/Knowledge")
      if isFolder(shared) { return shared.path }
    }
    return URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // Sources/valley
      .deletingLastPathComponent()  // Sources
      .deletingLastPathComponent()  // the package
      .appendingPathComponent(displayName).path
  }

  /// The running executable with every symbolic link resolved.
  private static func executableURL() -> URL? {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return URL(fileURLWithPath: path)
    }
    return Bundle.main.executableURL?.resolvingSymlinksInPath()
  }

  private static func isFolder(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }
}
