import Glibc
import ValleyEngine

/// Draws DOT text as SVG or PNG with Graphviz's `dot`, when it is installed.
enum GraphvizConverter {
  /// The `dot` executable on the PATH, if any.
  static var dotPath: String? {
    let paths = (System.environment("PATH") ?? "/usr/bin:/bin").split(separator: ":")
    return paths.map { "\($0)/dot" }.first(where: System.isExecutable)
  }

  /// Converts `dot` into `path` (format `svg` or `png`); an error message, or nil on success.
  /// The picture goes through an ``AtomicFile``, so a failure leaves no half file.
  static func convert(_ dot: String, _ path: String, _ format: String) -> String? {
    guard let executable = dotPath else {
      return "Graphviz's dot is not installed (apt-get install graphviz); write a .dot file instead"
    }
    let stamp = "\(getpid())"
    let input = path + ".valley-dot-\(stamp)"
    let errors = path + ".valley-err-\(stamp)"
    // dot writes the picture to the temporary file, which is then moved into place.
    let picture = AtomicFile(path)
    defer {
      unlink(input)
      unlink(errors)
    }
    if case .failure = AtomicFile(input).write(dot) { return "could not write a temporary file beside \(path)" }
    let arguments = [executable, "-T\(format)", input, "-o", picture.temporaryPath]
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer {
      for pointer in argv { free(pointer) }
    }
    var pid = pid_t()
    guard posix_spawn(&pid, executable, &actions, nil, &argv, environ) == 0 else {
      return "could not start dot"
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exited = (status & 0x7F) == 0
    let code = (status >> 8) & 0xFF
    guard exited, code == 0 else {
      picture.discard()
      let message = (try? FileSystemLoader().read(errors).get()).map { String(decoding: $0, as: UTF8.self) } ?? ""
      return "dot failed" + (message.isEmpty ? "" : ": " + message.split(separator: "\n").joined(separator: " "))
    }
    if case .failure = picture.commit() { return "could not write \(path)" }
    return nil
  }
}
