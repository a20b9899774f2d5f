import ArgumentParser
import Glibc
import ValleyEngine

extension ValleyCommand {
  /// `valley serve`: the knowledge base for a whole class, in the browser.
  struct Serve: ValleySubcommand {
    static let configuration = CommandConfiguration(
      commandName: "serve",
      abstract: "Serve the knowledge base to a class in the browser (see docs/serve.md).")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port (0 picks a free one).")
    var port = 8080

    @Option(help: "The folder of .kb files to serve (default: the bundled knowledge base).")
    var knowledge: String?

    @Option(name: .customLong("exercises"), help: "An exercise file to serve (repeat for more).")
    var exercises: [String] = []

    @Option(help: "Where exercise progress is kept (default: $XDG_STATE_HOME/valley/serve).")
    var state: String?

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
      // The server is a program of its own beside this one (see Sources/valley-serve).
      guard let executable = System.executablePath, let folder = System.parent(executable) else {
        Terminal.write(stdout: "", stderr: "valley serve: cannot tell where valley is installed\n")
        return 1
      }
      let program = folder + "/valley-serve"
      guard System.isExecutable(program) else {
        Terminal.write(
          stdout: "", stderr: "valley serve: \(program) is missing; build it with swift build (it is part of Valley)\n")
        return 1
      }
      var arguments = [
        program, "--host", host, "--port", String(port), "--timeout", String(timeout), "--max-facts",
        String(maxFacts), "--max-sessions", String(maxSessions), "--idle-minutes", String(idleMinutes),
      ]
      for file in exercises { arguments += ["--exercises", file] }
      if let state { arguments += ["--state", state] }
      if let knowledge {
        arguments += ["--knowledge", knowledge]
      } else {
        arguments += ["--knowledge", KnowledgeLocator.locate()]
        setenv("VALLEY_KNOWLEDGE_NAME", KnowledgeLocator.displayName, 1)
      }
      var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
      execv(program, &argv)
      for pointer in argv { free(pointer) }
      Terminal.write(stdout: "", stderr: "valley serve: cannot start \(program)\n")
      return 1
    }
  }
}
