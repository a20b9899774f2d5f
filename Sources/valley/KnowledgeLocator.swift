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
    if let configured = System.environment("VALLEY_KNOWLEDGE"), !configured.isEmpty {
      return configured
    }
    if let executable = System.executablePath, let binFolder = System.parent(executable) {
      var folder: String? = binFolder
      while let current = folder {
        let candidate = current == "/" ? "/" + displayName : current + "/" + displayName
        if System.isFolder(candidate) { return candidate }
        folder = System.parent(current)
      }
      if let prefix = System.parent(binFolder) {
        let shared = prefix + "/share/valley/Knowledge"
        if System.isFolder(shared) { return shared }
      }
    }
    // The package this file was compiled from: Sources/valley/KnowledgeLocator.swift.
    var package = #filePath
    for _ in 0..<3 { package = System.parent(package) ?? package }
    return package + "/" + displayName
  }
}
