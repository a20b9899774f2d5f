import ArgumentParser
import Glibc
import ValleyEngine

extension ValleyCommand {
  /// `valley fmt [--check] [--kind kb|q] [PATH...]`: lays out knowledge files and query
  /// scripts in the canonical layout (``SourceFormatter``; docs/formatting.md).
  struct Format: ValleySubcommand {
    static let configuration = CommandConfiguration(
      commandName: "fmt",
      abstract: "Lay out knowledge files (*.kb) and query scripts (*.q) in the canonical layout.",
      discussion: """
        Folders are searched for *.kb and *.q files (hidden entries skipped). With no path, or \
        with -, reads standard input and writes the result to standard output. Files are \
        rewritten in place, all at once; a file with a syntax error is reported and left as \
        it is. With --check nothing is written: the files that would change are listed on \
        standard output. Exit status: 0 when every file is formatted (or, with --check, \
        already was), 1 when a file would change under --check or could not be read, \
        formatted or written, 2 for a usage error.
        """)

    @Flag(help: "Change nothing; list the files whose layout would change and exit 1 if there are any.")
    var check = false

    @Option(help: "Read every input as this kind (kb or q) whatever its name; standard input is kb unless told.")
    var kind: InputKind?

    @Argument(help: "Files and folders to format; - (or nothing) reads standard input.")
    var paths: [String] = []

    /// The kinds `--kind` accepts.
    enum InputKind: String, ExpressibleByArgument {
      case kb, q

      var sourceKind: SourceKind { self == .kb ? .knowledge : .queries }
    }

    func validate() throws {
      if paths.contains(ScriptRunner.standardInput), paths.count > 1 {
        throw ValidationError("- (standard input) cannot be combined with other paths.")
      }
      // A path that does not exist is reported when it is read (an input error, not usage).
      for path in paths where path != ScriptRunner.standardInput && kind == nil && FormatInputs.isFile(path) {
        if SourceKind(fileName: path) == nil {
          throw ValidationError(
            "'\(path)' is neither a knowledge file (.kb) nor a query script (.q); name its kind with --kind kb or --kind q."
          )
        }
      }
    }

    func execute() -> Int32 {
      if paths.isEmpty || paths == [ScriptRunner.standardInput] { return formatStandardInput() }
      var status: Int32 = 0
      for path in FormatInputs.files(in: paths) {
        let kind = kind?.sourceKind ?? SourceKind(fileName: path) ?? .knowledge
        if !formatFile(path, kind: kind) { status = 1 }
      }
      return status
    }

    /// Formats one file; false when it would change under `--check` or could not be formatted.
    private func formatFile(_ path: String, kind: SourceKind) -> Bool {
      let loader = FileSystemLoader()
      let original: String
      switch loader.readText(path, help: false) {
      case .success(let text): original = text
      case .failure(let diagnostic):
        report([diagnostic], SourceRegistry())
        return false
      }
      switch SourceFormatter.format(original, fileName: path, kind: kind) {
      case .failed(let diagnostics, let sources):
        report(diagnostics, sources)
        return false
      case .formatted(let text) where text == original:
        return true
      case .formatted(let text):
        if check {
          Terminal.write(stdout: path + "\n", stderr: "")
          return false
        }
        return FormatInputs.replace(path, with: text)
      }
    }

    /// Formats standard input to standard output (with `--check`, only says whether it would change).
    private func formatStandardInput() -> Int32 {
      let original: String
      switch StandardInputLoader().readText(StandardInputLoader.path, help: false) {
      case .success(let text): original = text
      case .failure(let diagnostic):
        report([diagnostic], SourceRegistry())
        return 1
      }
      switch SourceFormatter.format(original, fileName: StandardInputLoader.path, kind: kind?.sourceKind ?? .knowledge)
      {
      case .failed(let diagnostics, let sources):
        report(diagnostics, sources)
        return 1
      case .formatted(let text):
        if check {
          if text == original { return 0 }
          Terminal.write(stdout: StandardInputLoader.path + "\n", stderr: "")
          return 1
        }
        Terminal.write(stdout: text, stderr: "")
        return 0
      }
    }

    private func report(_ diagnostics: [Diagnostic], _ sources: SourceRegistry) {
      let text = DiagnosticRenderer(sources: sources, color: Terminal.wantsColor).render(diagnostics)
      Terminal.write(stdout: "", stderr: text + "\n")
    }
  }
}

/// Finding the files `valley fmt` formats, and writing them back.
enum FormatInputs {
  /// The files named by `paths`, in order: files as given, and the `*.kb` and `*.q` files in
  /// folders and their subfolders (sorted by name, hidden entries and symbolic-link loops
  /// skipped). A path that does not exist is kept, so that reading it reports the error.
  static func files(in paths: [String]) -> [String] {
    var found: [String] = []
    var visited: Set<String> = []
    for path in paths {
      if System.isFolder(path) {
        collect(path, into: &found, visited: &visited)
      } else {
        found.append(path)
      }
    }
    return found
  }

  private static func collect(_ folder: String, into found: inout [String], visited: inout Set<String>) {
    let loader = FileSystemLoader()
    guard visited.insert(loader.canonical(folder)).inserted else { return }
    let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    for name in loader.list(folder) ?? [] where !name.hasPrefix(".") {
      let path = base + "/" + name
      if System.isFolder(path) {
        collect(path, into: &found, visited: &visited)
      } else if SourceKind(fileName: name) != nil {
        found.append(path)
      }
    }
  }

  /// Whether something other than a folder exists at `path`.
  static func isFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR
  }

  /// Replaces the file at `path` (through symbolic links) with `text` all at once, keeping its
  /// permissions; reports a failure on standard error and returns false.
  static func replace(_ path: String, with text: String) -> Bool {
    let target = FileSystemLoader().canonical(path)
    var info = stat()
    let mode = stat(target, &info) == 0 ? info.st_mode & 0o7777 : nil
    switch AtomicFile(target).write(text) {
    case .success:
      if let mode { chmod(target, mode) }
      return true
    case .failure(let failure):
      Terminal.warn("valley: cannot write '\(path)': \(failure.reason) [E524]")
      return false
    }
  }
}
