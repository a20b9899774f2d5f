import ArgumentParser
import Dispatch
import Glibc
import ValleyEngine
import ValleyServer

extension ValleyCommand {
  /// `valley serve`: the knowledge base for a whole class, in the browser.
  struct Serve: ValleySubcommand {
    static let configuration = CommandConfiguration(
      abstract: "Serve the knowledge base to a class in the browser (see docs/serve.md).")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port (0 picks a free one).")
    var port = 8080

    @Option(help: "The folder of .kb files to serve (default: the bundled knowledge base).")
    var knowledge: String?

    @Option(help: "Stop a statement after this many seconds.")
    var timeout: Double = 10

    @Option(name: .customLong("max-facts"), help: "Stop a statement after this many derived facts.")
    var maxFacts = 1_000_000

    @Option(name: .customLong("max-sessions"), help: "Live sessions at once.")
    var maxSessions = 200

    @Option(name: .customLong("idle-minutes"), help: "Drop a session after this many idle minutes.")
    var idleMinutes: Double = 60

    func validate() throws {
      guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535.") }
      guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout takes a number of seconds above 0.") }
      guard maxFacts > 0, maxFacts <= EvaluationBudget.largestFactCap else {
        throw ValidationError("--max-facts takes a whole number from 1 to \(EvaluationBudget.largestFactCap).")
      }
      guard maxSessions > 0 else { throw ValidationError("--max-sessions takes a whole number above 0.") }
      guard idleMinutes > 0 else { throw ValidationError("--idle-minutes takes a number above 0.") }
    }

    func execute() -> Int32 {
      // The shared knowledge base, loaded once.
      let loader = Session()
      let outputs =
        knowledge.map { loader.loadKnowledgeDirectory($0, displayName: $0) }
        ?? StartingKnowledge.bundled.load(into: loader)
      var writer = OutputWriter(color: false)
      for output in outputs where output.isError { writer.write(output, from: loader) }
      if outputs.contains(where: \.isError) { return 1 }

      var configuration = ServerConfiguration()
      configuration.host = host
      configuration.port = port
      configuration.timeLimit = timeout
      configuration.maximumDerivedFacts = maxFacts
      configuration.maximumSessions = maxSessions
      configuration.idleTimeout = idleMinutes * 60
      configuration.concurrentEvaluations = max(1, System.processorCount)
      let draw: (@Sendable (String) -> String?)? =
        GraphvizConverter.dotPath == nil ? nil : { @Sendable (dot: String) -> String? in GraphvizConverter.svg(dot) }
      let server = ClassroomServer(configuration: configuration, snapshot: loader.snapshot(), drawSVG: draw)
      let host = self.host
      let finished = DispatchSemaphore(value: 0)
      let status = ExitStatus()
      Task {
        do {
          try await server.run { port in
            Terminal.write(stdout: "Valley is serving http://\(host):\(port)/ (stop with Ctrl-C)\n", stderr: "")
          }
        } catch {
          Terminal.write(stdout: "", stderr: "valley serve: \(error)\n")
          status.set(1)
        }
        finished.signal()
      }
      finished.wait()
      return status.value
    }
  }
}

/// The exit status a task sets for the main thread.
private final class ExitStatus: @unchecked Sendable {
  private(set) var value: Int32 = 0
  func set(_ status: Int32) { value = status }
}
