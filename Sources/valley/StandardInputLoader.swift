import Glibc
import ValleyEngine

/// The file system, plus standard input under the name ``path``, so that a script piped into
/// valley runs through the same `Session.runScript(path:emit:)` as a script file: the engine
/// decodes it, names it in diagnostics and resolves its `:load` paths against the current folder.
struct StandardInputLoader: SourceLoader {
  /// The name standard input goes by (`valley run -`).
  static let path = "<stdin>"

  private let files = FileSystemLoader()

  func read(_ path: String) -> Result<[UInt8], LoadFailure> {
    guard path == Self.path else { return files.read(path) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBytes {
        Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count)
      }
      if count > 0 {
        bytes.append(contentsOf: buffer[0..<count])
      } else if count == 0 {
        return .success(bytes)
      } else if errno != EINTR {
        return .failure(.notReadable(String(cString: strerror(errno))))
      }
    }
  }

  func list(_ path: String) -> [String]? { files.list(path) }

  func canonical(_ path: String) -> String { path == Self.path ? path : files.canonical(path) }

  func write(_ path: String, contents: String) -> Result<Void, LoadFailure> {
    files.write(path, contents: contents)
  }
}
