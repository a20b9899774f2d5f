import Foundation
import Glibc
import Testing
import ValleyLanguageServer
import ValleyTestSupport

/// Why the client gave up.
struct ClientFailure: Error, CustomStringConvertible {
  var description: String
}

/// Drives a real `valley lsp` process over its standard input and output, as an editor does.
///
/// Every byte the server writes to standard output must be a framed JSON message: anything
/// else fails the read. Notifications that arrive while waiting for a response are kept for
/// ``diagnostics(for:)``.
final class LSPClient {
  let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private let errors: TemporaryFolder
  private var buffer: [UInt8] = []
  private var nextID = 1
  /// Notifications received and not yet looked at, in order.
  private(set) var notifications: [JSONValue] = []
  /// The workspace folder's URI.
  let rootURI: String?

  /// Starts `valley lsp` and, unless `initialize` is false, initializes it on `root`.
  init(root: String?, initialize: Bool = true) throws {
    errors = try TemporaryFolder(["stderr": ""])
    process.executableURL = try ValleyProcess.executable()
    process.arguments = ["lsp"]
    process.standardInput = input
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors.path("stderr")))
    try process.run()
    rootURI = root.map { DocumentURI.uri(ofPath: $0) }
    if initialize {
      let answer = try request(
        "initialize", ["processId": nil, "rootUri": rootURI.map(JSONValue.string) ?? nil, "capabilities": [:]])
      guard answer["result"]?["capabilities"] != nil else { throw ClientFailure(description: "initialize: \(answer)") }
      notify("initialized", [:])
    }
  }

  deinit {
    if process.isRunning { process.terminate() }
    errors.remove()
  }

  /// What the server wrote to standard error.
  var standardError: String { (try? String(contentsOfFile: errors.path("stderr"), encoding: .utf8)) ?? "" }

  /// Sends raw bytes.
  func send(bytes: [UInt8]) {
    input.fileHandleForWriting.write(Data(bytes))
  }

  /// Sends a message.
  func send(_ message: JSONValue) {
    let body = Array(message.serialized.utf8)
    send(bytes: Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
  }

  /// Sends a notification.
  func notify(_ method: String, _ params: JSONValue) {
    send(["jsonrpc": "2.0", "method": .string(method), "params": params])
  }

  /// Sends a request and waits for its response (the whole message: `result` or `error`).
  func request(_ method: String, _ params: JSONValue) throws -> JSONValue {
    let id = nextID
    nextID += 1
    send(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params])
    return try response(to: .int(id))
  }

  /// Waits for the response with an id.
  func response(to id: JSONValue, seconds: Double = 30) throws -> JSONValue {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
      let message = try read(until: deadline)
      if message["method"] == nil, message["id"] == id { return message }
      if message["method"] != nil { notifications.append(message) }
    }
    throw ClientFailure(description: "no response to \(id) in \(seconds) s; stderr: \(standardError)")
  }

  /// The next diagnostics published for `uri` (waiting for them if none are queued); with a
  /// `version`, the first published for that version of the document.
  func diagnostics(for uri: String, version: Int? = nil, seconds: Double = 30) throws -> [JSONValue] {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while true {
      if let i = notifications.firstIndex(where: {
        $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri
          && (version == nil || $0["params"]?["version"]?.intValue == version)
      }) {
        let found = notifications.remove(at: i)
        return found["params"]?["diagnostics"]?.arrayValue ?? []
      }
      guard ContinuousClock.now < deadline else {
        throw ClientFailure(description: "no diagnostics for \(uri) in \(seconds) s; stderr: \(standardError)")
      }
      let message = try read(until: deadline)
      if message["method"] != nil { notifications.append(message) }
    }
  }

  /// Opens a document.
  func open(_ uri: String, _ text: String, version: Int = 1) {
    notify(
      "textDocument/didOpen",
      ["textDocument": ["uri": .string(uri), "languageId": "valley", "version": .int(version), "text": .string(text)]])
  }

  /// Replaces a document's text.
  func change(_ uri: String, _ text: String, version: Int) {
    notify(
      "textDocument/didChange",
      ["textDocument": ["uri": .string(uri), "version": .int(version)], "contentChanges": [["text": .string(text)]]])
  }

  /// A request about a position in a document; the `result`.
  func at(_ method: String, _ uri: String, _ line: Int, _ character: Int, _ extra: [(String, JSONValue)] = [])
    throws -> JSONValue
  {
    let params: [(String, JSONValue)] =
      [
        ("textDocument", ["uri": .string(uri)]),
        ("position", Position(line: line, character: character).json),
      ] + extra
    let answer = try request(method, .object(params))
    if let error = answer["error"] { throw ClientFailure(description: "\(method): \(error)") }
    return answer["result"] ?? .null
  }

  /// Sends `shutdown` and `exit` and returns the exit status.
  func stop() throws -> Int32 {
    _ = try request("shutdown", nil)
    notify("exit", nil)
    return try waitForExit()
  }

  /// Waits for the process to end.
  func waitForExit(seconds: Double = 30) throws -> Int32 {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while process.isRunning {
      guard ContinuousClock.now < deadline else { throw ClientFailure(description: "valley lsp did not exit") }
      usleep(10_000)
    }
    return process.terminationStatus
  }

  private func fill(until deadline: ContinuousClock.Instant) throws {
    let fd = output.fileHandleForReading.fileDescriptor
    var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    let left = deadline - ContinuousClock.now
    let milliseconds = max(0, Int(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
    guard poll(&descriptor, 1, Int32(min(milliseconds, 60_000))) > 0 else {
      throw ClientFailure(description: "timed out waiting for the server; stderr: \(standardError)")
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
    guard n > 0 else { throw ClientFailure(description: "the server closed its output; stderr: \(standardError)") }
    buffer += chunk[0..<n]
  }

  /// Reads one framed message; anything but a frame is a failure.
  private func read(until deadline: ContinuousClock.Instant) throws -> JSONValue {
    let separator: [UInt8] = [13, 10, 13, 10]
    while true {
      if let end = (0..<max(0, buffer.count - 3)).first(where: { Array(buffer[$0..<($0 + 4)]) == separator }) {
        let header = String(decoding: buffer[0..<end], as: UTF8.self)
        guard header.hasPrefix("Content-Length: "), let length = Int(header.dropFirst("Content-Length: ".count)) else {
          throw ClientFailure(description: "not a protocol header on standard output: \(header.debugDescription)")
        }
        while buffer.count < end + 4 + length { try fill(until: deadline) }
        let body = Array(buffer[(end + 4)..<(end + 4 + length)])
        buffer.removeFirst(end + 4 + length)
        return try JSONParser.parse(body)
      }
      if buffer.count > 64, !buffer.starts(with: Array("Content-Length".utf8)) {
        throw ClientFailure(
          description: "not a protocol message on standard output: \(String(decoding: buffer, as: UTF8.self))")
      }
      try fill(until: deadline)
    }
  }
}
