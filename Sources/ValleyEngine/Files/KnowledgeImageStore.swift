/// Where knowledge images are kept between runs (see ``Session/loadKnowledgeDirectory(_:displayName:images:)``).
///
/// A store is a cache: reading may find nothing, and saving may fail without a word (the
/// next start then loads the files again). Images are named by the store's users.
public protocol KnowledgeImageStore: Sendable {
  /// The bytes saved under `name`, if any.
  func image(named name: String) -> [UInt8]?
  /// Saves `bytes` under `name`, replacing what was there; failures are ignored.
  func save(_ bytes: [UInt8], named name: String)
}

/// Images as files in one folder (valley's is `$XDG_CACHE_HOME/valley`), created when first
/// needed, readable by its owner only. Each image replaces the last one of its name all at
/// once (``AtomicFile``), so several valleys starting together never read half an image.
public struct ImageFolder: KnowledgeImageStore {
  /// The folder.
  public let path: String

  /// The folder at `path`.
  public init(path: String) {
    self.path = path
  }

  /// The image file `name` in the folder, if it can be read.
  public func image(named name: String) -> [UInt8]? {
    guard case .success(let bytes) = FileSystemLoader().read(path + "/" + name) else { return nil }
    return bytes
  }

  /// Writes the image file `name`, creating the folder first if need be.
  public func save(_ bytes: [UInt8], named name: String) {
    Folders.make(path, mode: 0o700)
    _ = AtomicFile(path + "/" + name).write(bytes)
  }
}
