import ValleyEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Keeps ``ExerciseProgress`` in a file, one file per exercise file, under a state folder
/// (`$XDG_STATE_HOME/valley/progress/`, else `~/.local/state/valley/progress/`).
///
/// Saving is atomic (``AtomicFile``): the text goes to `NAME.tmp`, which is flushed to disk
/// (`fsync`) and then renamed over `NAME`. A save that fails at any step leaves the previous
/// file as it was.
public struct ProgressStore: Sendable {
  /// The folder that holds the progress files.
  public let folder: String
  /// The progress file's name (no folder), derived from the exercise file.
  public let fileName: String

  /// A store in `folder` for the exercise file whose canonical path is `exerciseFile`.
  /// The file name is the exercise file's base name and a hash of its path, so two
  /// `beginner.q` in different folders keep separate progress.
  public init(folder: String, exerciseFile: String) {
    self.folder = folder
    let base = exerciseFile.split(separator: "/").last.map(String.init) ?? exerciseFile
    let stem = base.hasSuffix(".q") ? String(base.dropLast(2)) : base
    let safe = String(stem.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    fileName = "\(safe)-\(Self.hash(exerciseFile)).progress"
  }

  /// The state folder for progress files from the environment: `$XDG_STATE_HOME` when it
  /// is an absolute path, else `$HOME/.local/state`; nil when neither is usable.
  public static func defaultFolder(environment: [String: String]) -> String? {
    if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
      return xdg + "/valley/progress"
    }
    if let home = environment["HOME"], !home.isEmpty {
      return home + "/.local/state/valley/progress"
    }
    return nil
  }

  /// The progress file's full path.
  public var path: String { folder + "/" + fileName }

  /// What loading found.
  public enum Loaded: Sendable {
    /// No progress yet.
    case none
    /// Saved progress.
    case progress(ExerciseProgress)
    /// A file that cannot be read or is not a progress file.
    case unreadable(String)
  }

  /// Reads the saved progress.
  public func load() -> Loaded {
    switch FileSystemLoader().read(path) {
    case .failure(.notFound): return .none
    case .failure(.isDirectory): return .unreadable("it is a folder")
    case .failure(.notReadable(let reason)): return .unreadable(reason)
    case .success(let bytes):
      guard case .success(let text) = SourceDecoder.decode(bytes), let progress = ExerciseProgress.parse(text)
      else { return .unreadable("it is not a valley progress file") }
      return .progress(progress)
    }
  }

  /// Saves `text` atomically through ``AtomicFile`` (by way of `NAME.tmp`); returns why it
  /// failed, or nil on success.
  public func save(_ text: String) -> String? {
    if let problem = makeFolders() { return problem }
    guard case .failure(let failure) = AtomicFile(path, temporaryPath: path + ".tmp").write(text) else {
      return nil
    }
    switch failure.step {
    case .folder, .create: return "cannot create \(fileName).tmp: \(failure.reason)"
    case .write: return "cannot write \(fileName).tmp: \(failure.reason)"
    case .flush: return "cannot flush \(fileName).tmp to disk: \(failure.reason)"
    case .close: return "cannot close \(fileName).tmp: \(failure.reason)"
    case .target, .rename: return "cannot replace \(fileName): \(failure.reason)"
    }
  }

  /// Creates the folder and its parents.
  private func makeFolders() -> String? {
    switch Folders.make(folder) {
    case .success: return nil
    case .failure(.system(let code)): return "cannot create the progress folder: \(String(cString: strerror(code)))"
    case .failure(.notAFolder): return "cannot create the progress folder: it is not a folder"
    }
  }

  /// FNV-1a, 32 bits, as 8 hex digits: stable across runs and machines.
  static func hash(_ text: String) -> String {
    var value: UInt32 = 2_166_136_261
    for byte in text.utf8 {
      value ^= UInt32(byte)
      value = value &* 16_777_619
    }
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
  }
}
