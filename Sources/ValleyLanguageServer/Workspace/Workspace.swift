import ValleyEngine

/// The files the server knows: the documents the editor has open (their text wins over the
/// disk) and the knowledge files under the workspace folder.
public struct Workspace: Sendable {
  /// An open document.
  public struct Document: Sendable {
    /// The URI the editor named it by (answers use it as given).
    public var uri: String
    /// Its path, when it is a `file:` URI.
    public var path: String
    /// The editor's text.
    public var text: String
    /// The editor's version number.
    public var version: Int
  }

  /// The workspace folder, if the editor named one.
  public var root: String?
  /// The open documents by URI.
  public private(set) var documents: [String: Document] = [:]
  /// The `.kb` files under ``root``, sorted; refreshed by ``rescan()``.
  public private(set) var knowledgeFiles: [String] = []

  /// The most entries a scan looks at, so a huge folder cannot stall the server.
  static let scanLimit = 20_000

  /// Creates a workspace over a folder (or none).
  public init(root: String?) {
    self.root = root
    rescan()
  }

  /// Opens or replaces a document.
  public mutating func open(uri: String, text: String, version: Int) {
    let path = DocumentURI.path(of: uri) ?? uri
    documents[uri] = Document(uri: uri, path: path, text: text, version: version)
  }

  /// Closes a document: the disk's text counts again.
  public mutating func close(uri: String) {
    documents[uri] = nil
  }

  /// The open document at `path`, if any (the first by URI when two URIs name one path).
  public func document(atPath path: String) -> Document? {
    documents.values.filter { $0.path == path }.min { $0.uri < $1.uri }
  }

  /// The URI to show for a path: the open document's, else a `file:` URI.
  public func uri(ofPath path: String) -> String {
    document(atPath: path)?.uri ?? DocumentURI.uri(ofPath: path)
  }

  /// The knowledge files to analyse together: those under the folder and the open `.kb`
  /// documents outside it, sorted.
  public var knowledgePaths: [String] {
    let open = documents.values.map(\.path).filter { $0.hasSuffix(".kb") }
    return Set(knowledgeFiles + open).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// Lists the `.kb` files under the folder again (hidden folders such as `.git` and
  /// `.build` are skipped).
  public mutating func rescan() {
    guard let root else {
      knowledgeFiles = []
      return
    }
    var found: [String] = []
    var budget = Workspace.scanLimit
    let disk = FileSystemLoader()
    var folders = [(root, 0)]
    while let (folder, depth) = folders.popLast(), budget > 0 {
      guard let names = disk.list(folder) else { continue }
      for name in names where !name.hasPrefix(".") {
        budget -= 1
        if budget <= 0 { break }
        let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        if name.hasSuffix(".kb") {
          found.append(path)
        } else if depth < 12, !name.contains(".") || disk.list(path) != nil {
          folders.append((path, depth + 1))
        }
      }
    }
    knowledgeFiles = found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// Reads files as the engine does, but gives open documents' text instead of the disk's.
  public var loader: SourceLoader { OverlayLoader(documents: documents.values.map { ($0.path, $0.text) }) }
}

/// A ``SourceLoader`` that answers open documents from memory and the rest from the disk.
struct OverlayLoader: SourceLoader {
  let texts: [String: [UInt8]]
  let disk = FileSystemLoader()

  init(documents: [(String, String)]) {
    var texts: [String: [UInt8]] = [:]
    for (path, text) in documents { texts[path] = Array(text.utf8) }
    self.texts = texts
  }

  func read(_ path: String) -> Result<[UInt8], LoadFailure> {
    if let bytes = texts[path] { return .success(bytes) }
    return disk.read(path)
  }

  func list(_ path: String) -> [String]? { disk.list(path) }

  func canonical(_ path: String) -> String { texts[path] != nil ? path : disk.canonical(path) }
}
