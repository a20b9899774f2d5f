#if canImport(Glibc)
  import Glibc
  private let systemRead = Glibc.read
#elseif canImport(Darwin)
  import Darwin
  private let systemRead = Darwin.read
#endif

/// Why a file could not be read.
public enum LoadFailure: Error, Equatable, Sendable {
  case notFound
  case isDirectory
  case notReadable(String)

  /// Why a write failed, as the end of a sentence.
  public var writeReason: String {
    switch self {
    case .notFound: "its folder does not exist"
    case .isDirectory: "it is a folder"
    case .notReadable(let why): why
    }
  }
}

/// Reads source files and lists folders; the session's only access to the file system.
public protocol SourceLoader: Sendable {
  /// The bytes of the file at `path`.
  func read(_ path: String) -> Result<[UInt8], LoadFailure>
  /// The names of the entries of a folder, sorted, or nil if it is not a readable folder.
  func list(_ path: String) -> [String]?
  /// A canonical form of `path`, used to recognise a file loaded twice.
  func canonical(_ path: String) -> String
  /// Replaces the file at `path` with `contents` atomically (all or nothing).
  func write(_ path: String, contents: String) -> Result<Void, LoadFailure>
}

/// The real file system, through the C library.
public struct FileSystemLoader: SourceLoader {
  /// Creates a loader.
  public init() {}

  /// Reads a whole file.
  public func read(_ path: String) -> Result<[UInt8], LoadFailure> {
    var info = stat()
    if stat(path, &info) != 0 {
      return errno == ENOENT || errno == ENOTDIR ? .failure(.notFound) : .failure(.notReadable(describeErrno()))
    }
    if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.isDirectory) }
    // A device may never end (/dev/zero): only regular files and pipes (which end, as in
    // `valley run <(generate)` or /dev/stdin) are read.
    let kind = info.st_mode & S_IFMT
    if kind != S_IFREG && kind != S_IFIFO { return .failure(.notReadable("it is not a regular file")) }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(.notReadable(describeErrno())) }
    defer { close(descriptor) }
    // A regular file's size is known: its bytes are read straight into one buffer of that
    // size (one more byte shows whether it grew meanwhile). Pipes, and files that grew, go on
    // in blocks.
    var bytes: [UInt8] = []
    if kind == S_IFREG, info.st_size > 0 {
      var failed = false
      let size = Int(info.st_size) + 1
      bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
        while initialized < size {
          let n = systemRead(descriptor, buffer.baseAddress! + initialized, size - initialized)
          if n < 0 && errno == EINTR { continue }
          if n < 0 { failed = true }
          if n <= 0 { break }
          initialized += n
        }
      }
      if failed { return .failure(.notReadable(describeErrno())) }
      if bytes.count < size { return .success(bytes) }
    }
    var block = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = block.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n < 0 { return .failure(.notReadable(describeErrno())) }
      if n == 0 { return .success(bytes) }
      bytes.append(contentsOf: block[0..<n])
    }
  }

  /// Lists a folder's entries (without `.` and `..`), sorted by their UTF-8 bytes.
  public func list(_ path: String) -> [String]? {
    guard let dir = opendir(path) else { return nil }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// The real path when the file exists, else the path as given.
  public func canonical(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Replaces the file through ``AtomicFile``, so a failure at any step leaves the old file as
  /// it was.
  public func write(_ path: String, contents: String) -> Result<Void, LoadFailure> {
    AtomicFile(path).write(contents).mapError(LoadFailure.init)
  }

  private func describeErrno() -> String {
    String(cString: strerror(errno))
  }
}

/// Paths joined the way scripts expect: relative paths resolve against the naming file.
public enum PathJoin {
  /// `path` resolved against `directory` unless it is absolute; `.` segments dropped.
  public static func resolve(_ path: String, against directory: String?) -> String {
    if path.hasPrefix("/") { return path }
    guard let directory, !directory.isEmpty, directory != "." else { return path }
    return directory.hasSuffix("/") ? directory + path : directory + "/" + path
  }

  /// The folder part of a path, or nil for a bare file name.
  public static func directory(of path: String) -> String? {
    guard let slash = path.lastIndex(of: "/") else { return nil }
    let dir = String(path[..<slash])
    return dir.isEmpty ? "/" : dir
  }
}

extension SourceLoader {
  /// Loaders that only read refuse to write.
  public func write(_ path: String, contents: String) -> Result<Void, LoadFailure> {
    .failure(.notReadable("this session cannot write files"))
  }
}
