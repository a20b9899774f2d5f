import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh folder with a unique name in the system's temporary folder, removed with everything
/// in it when the value goes away (or earlier, by ``remove()``).
///
/// ```swift
/// let folder = try TemporaryFolder(["a.kb": "p(1).\n"])
/// let session = folder.session()  // relative paths start in the folder
/// ```
///
/// Keep the value, not only its ``path``, for as long as the folder is used; a test that
/// passes on only the path can end with `defer { folder.remove() }`.
public final class TemporaryFolder {
  /// The folder's absolute path.
  public let path: String

  /// Creates the folder and writes `files` into it (names relative to the folder).
  public init(_ files: [String: String] = [:]) throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("valley-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for (name, text) in files { try write(name, text) }
  }

  deinit { remove() }

  /// The path of `name` inside the folder.
  public func path(_ name: String) -> String { path + "/" + name }

  /// Writes `text` as UTF-8 to `name` inside the folder, replacing what was there.
  public func write(_ name: String, _ text: String) throws {
    try write(name, bytes: Array(text.utf8))
  }

  /// Writes `bytes` to `name` inside the folder, replacing what was there.
  public func write(_ name: String, bytes: [UInt8]) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
  }

  /// The names of the folder's entries, sorted.
  public func entries() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }

  /// Removes the folder and everything in it, even entries a test made unreadable; removing
  /// it twice is harmless.
  public func remove() {
    if let names = try? FileManager.default.subpathsOfDirectory(atPath: path) {
      for name in names { chmod(path(name), 0o755) }
    }
    try? FileManager.default.removeItem(atPath: path)
  }
}
