#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Making folders, as `mkdir -p` does.
public enum Folders {
  /// Why ``make(_:mode:)`` failed.
  public enum Failure: Error, Equatable, Sendable {
    /// Creating a folder on the way failed with this `errno`.
    case system(Int32)
    /// Something that is not a folder is at the path.
    case notAFolder
  }

  /// Creates the folder at `path` and every missing folder above it, each with `mode`;
  /// folders already there are left as they are. Succeeds when `path` is a folder afterwards.
  @discardableResult
  public static func make(_ path: String, mode: mode_t = 0o755) -> Result<Void, Failure> {
    var prefix = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      prefix += "/" + part
      if mkdir(prefix, mode) != 0 {
        let code = errno
        if code != EEXIST { return .failure(.system(code)) }
      }
    }
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return .failure(.notAFolder) }
    return .success(())
  }
}
