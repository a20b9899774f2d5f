#if canImport(Glibc)
  import Glibc
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  import Darwin
  private let systemWrite = Darwin.write
#endif

/// Replaces a file's contents all at once: whoever reads the file, even after a crash, finds
/// either the old contents or the new ones, never a mix.
///
/// The new contents go to a temporary file in the target's folder (a rename is atomic only
/// within one file system). The temporary file is flushed to disk (`fsync`), renamed over the
/// target, and then the folder is flushed so that the rename itself survives a crash. When a
/// step fails, the temporary file is removed and the target is left as it was.
///
/// ```swift
/// switch AtomicFile("notes.kb").write("p(1).\n") {
/// case .success: ...
/// case .failure(let failure): print("cannot save: \(failure.reason)")
/// }
/// ```
///
/// A file that another program produces (Graphviz's `dot`) is handled in two parts: that
/// program writes ``temporaryPath``, then ``commit()`` moves it into place, or ``discard()``
/// removes it.
public struct AtomicFile: Sendable {
  /// The file to replace.
  public let path: String
  /// Where the new contents are written before they are renamed over ``path``.
  public let temporaryPath: String

  /// The step of a replacement that failed.
  public enum Step: Sendable, Equatable {
    /// The target is a folder (the reason is `EISDIR`'s).
    case target
    /// The folder that should hold the target cannot be found.
    case folder
    /// The temporary file cannot be created.
    case create
    /// The contents cannot be written to the temporary file.
    case write
    /// The temporary file cannot be flushed to disk.
    case flush
    /// The temporary file cannot be closed.
    case close
    /// The temporary file cannot be renamed over the target.
    case rename
  }

  /// Why a replacement failed: the step and the C library's error.
  public struct Failure: Error, Equatable, Sendable {
    /// The step that failed.
    public let step: Step
    /// The `errno` value the step left.
    public let code: Int32
    /// The error in words, as `strerror` gives it (for example "No space left on device").
    public let reason: String

    /// A failure of `step` with the error `code`.
    public init(_ step: Step, code: Int32) {
      self.step = step
      self.code = code
      reason = String(cString: strerror(code))
    }
  }

  /// A replacement of the file at `path`.
  ///
  /// Without `temporaryPath`, the temporary file is a hidden file in the same folder with a
  /// short name unique to this process and call (the target's own name may already be as long
  /// as a name can be). A fixed `temporaryPath` must be in the same folder as `path`; a file
  /// left there by an earlier crash is overwritten.
  public init(_ path: String, temporaryPath: String? = nil) {
    self.path = path
    self.temporaryPath =
      temporaryPath ?? Self.folder(of: path) + "/.valley-tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
  }

  /// Replaces the file's contents with `text` as UTF-8.
  public func write(_ text: String) -> Result<Void, Failure> {
    write(Array(text.utf8))
  }

  /// Replaces the file's contents with `bytes`.
  public func write(_ bytes: [UInt8]) -> Result<Void, Failure> {
    if let failure = checkTarget() { return .failure(failure) }
    let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    // Nothing was created, so there is nothing to remove (and what is there is not ours).
    guard descriptor >= 0 else { return .failure(Failure(.create, code: errno)) }
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        // A write that makes no progress without an error is reported as an I/O error.
        return .failure(abandon(descriptor, Failure(.write, code: count < 0 ? errno : EIO)))
      }
      offset += count
    }
    return finish(descriptor)
  }

  /// Moves a temporary file that another program wrote at ``temporaryPath`` into place:
  /// flushes it to disk, renames it over ``path`` and flushes the folder. On failure the
  /// temporary file is removed.
  public func commit() -> Result<Void, Failure> {
    if let failure = checkTarget() {
      discard()
      return .failure(failure)
    }
    let descriptor = open(temporaryPath, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let failure = Failure(.flush, code: errno)
      discard()
      return .failure(failure)
    }
    return finish(descriptor)
  }

  /// Removes the temporary file, if there is one.
  public func discard() {
    unlink(temporaryPath)
  }

  // MARK: - Steps

  /// Refuses a target that is a folder, or whose folder is missing, before anything is written.
  private func checkTarget() -> Failure? {
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return Failure(.target, code: EISDIR) }
    var folderInfo = stat()
    if stat(Self.folder(of: path), &folderInfo) != 0 { return Failure(.folder, code: errno) }
    return nil
  }

  /// Flushes and closes the open temporary file, renames it over the target and flushes the
  /// folder.
  private func finish(_ descriptor: Int32) -> Result<Void, Failure> {
    if fsync(descriptor) != 0 { return .failure(abandon(descriptor, Failure(.flush, code: errno))) }
    if close(descriptor) != 0 {
      let failure = Failure(.close, code: errno)
      discard()
      return .failure(failure)
    }
    if rename(temporaryPath, path) != 0 {
      let failure = Failure(.rename, code: errno)
      discard()
      return .failure(failure)
    }
    // Some file systems cannot flush a folder; the file is in place either way, so that is
    // not a failure.
    let folder = open(Self.folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folder >= 0 {
      _ = fsync(folder)
      close(folder)
    }
    return .success(())
  }

  /// Closes and removes the temporary file after `failure` (whose error was read first, as
  /// `close` and `unlink` may change `errno`).
  private func abandon(_ descriptor: Int32, _ failure: Failure) -> Failure {
    close(descriptor)
    discard()
    return failure
  }

  /// The folder part of `path`; `.` for a bare file name.
  private static func folder(of path: String) -> String {
    PathJoin.directory(of: path) ?? "."
  }
}

extension LoadFailure {
  /// A failed replacement as a loader reports it: a folder as the target, a missing folder,
  /// or the C library's reason for any other step.
  public init(_ failure: AtomicFile.Failure) {
    switch failure.step {
    case .target: self = .isDirectory
    case .folder: self = .notFound
    case .create, .write, .flush, .close, .rename: self = .notReadable(failure.reason)
    }
  }
}
