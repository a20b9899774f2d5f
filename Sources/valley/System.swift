import Glibc
import ValleyEngine

/// The little the executable needs from the operating system, through the C library (the
/// executable does without Foundation, which would add about 13 MB to every process).
enum System {
  /// The environment variables.
  static var environment: [String: String] {
    var result: [String: String] = [:]
    var entry = environ
    while let pointer = entry.pointee {
      let text = String(cString: pointer)
      if let equals = text.firstIndex(of: "=") {
        result[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      entry += 1
    }
    return result
  }

  /// One environment variable.
  static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// Whether `path` is a folder.
  static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Whether `path` is an executable file.
  static func isExecutable(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
  }

  /// The running executable's path with every link resolved.
  static var executablePath: String? {
    guard let resolved = realpath("/proc/self/exe", nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// The folder part of a path (`/a/b` for `/a/b/c`), or nil at the root.
  static func parent(_ path: String) -> String? {
    guard let slash = path.lastIndex(of: "/") else { return nil }
    let folder = String(path[..<slash])
    if folder.isEmpty { return path == "/" ? nil : "/" }
    return folder
  }

  /// Creates a folder and its parents (like `mkdir -p`); true when it exists afterwards.
  static func makeFolders(_ path: String) -> Bool {
    if case .success = Folders.make(path) { return true }
    return false
  }
}
