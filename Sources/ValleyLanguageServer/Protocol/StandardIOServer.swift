#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a ``LanguageServer`` over standard input and output: framed messages in, framed
/// messages out, log lines to standard error. Nothing else is written to standard output.
public enum StandardIOServer {
  /// Serves until `exit` or the end of input; returns the exit status (0 after `shutdown`
  /// then `exit`, 1 otherwise).
  public static func run() -> Int32 {
    signal(SIGPIPE, SIG_IGN)
    let server = LanguageServer(log: { writeAll(2, Array(($0 + "\n").utf8)) })
    var reader = FrameReader(readMore: {
      var buffer = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
        if n < 0, errno == EINTR { continue }
        return n > 0 ? Array(buffer[0..<n]) : nil
      }
    })
    while true {
      switch reader.next() {
      case .end:
        return server.exitStatus ?? 1
      case .badHeader(let why):
        server.log("valley lsp: skipped a message: \(why)")
      case .message(let body):
        for message in server.handle(body) { send(message) }
        if let status = server.exitStatus { return status }
        // Check and publish once the editor has nothing more queued (a burst of keystrokes
        // is checked once).
        if !reader.hasBuffered, !inputWaiting() {
          for message in server.publishDiagnostics() { send(message) }
        }
      }
    }
  }

  private static func send(_ message: JSONValue) {
    writeAll(1, framed(message))
  }

  /// Whether standard input has bytes ready now.
  private static func inputWaiting() -> Bool {
    var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
  }

  private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
      if n < 0, errno == EINTR { continue }
      if n <= 0 { return }
      offset += n
    }
  }
}
