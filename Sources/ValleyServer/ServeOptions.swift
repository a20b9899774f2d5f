/// The command line of `valley serve`, shared by the `valley` front end (which checks it and
/// hands over) and the `valley-serve` program (which runs the server).
public enum ServeOptions {
  /// Reads `arguments` (without the program name) into a configuration and the knowledge
  /// folder, or returns the message for a usage error.
  public static func parse(_ arguments: [String]) -> Result<(ServerConfiguration, knowledge: String?), UsageError> {
    var configuration = ServerConfiguration()
    var knowledge: String?
    var rest = arguments[...]
    while let option = rest.popFirst() {
      let (name, inline) = split(option)
      func value() throws(UsageError) -> String {
        if let inline { return inline }
        guard let next = rest.popFirst() else { throw UsageError("\(name) needs a value") }
        return next
      }
      func number(_ range: ClosedRange<Double>) throws(UsageError) -> Double {
        let text = try value()
        guard let n = Double(text), n.isFinite, range.contains(n) else {
          throw UsageError(
            "\(name) takes a number from \(format(range.lowerBound)) to \(format(range.upperBound)), not '\(text)'")
        }
        return n
      }
      func whole(_ range: ClosedRange<Int>) throws(UsageError) -> Int {
        let text = try value()
        guard let n = Int(text), range.contains(n) else {
          throw UsageError(
            "\(name) takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return n
      }
      do throws(UsageError) {
        switch name {
        case "--host": configuration.host = try value()
        case "--port": configuration.port = try whole(0...65535)
        case "--knowledge": knowledge = try value()
        case "--exercises": configuration.exerciseFiles.append(try value())
        case "--state": configuration.stateFolder = try value()
        case "--timeout": configuration.timeLimit = try number(0.001...86_400)
        case "--max-facts": configuration.maximumDerivedFacts = try whole(1...Int(Int32.max))
        case "--max-sessions": configuration.maximumSessions = try whole(1...100_000)
        case "--idle-minutes": configuration.idleTimeout = try number(0.01...100_000) * 60
        default: throw UsageError("unknown option '\(option)'\n\n" + usage)
        }
      } catch {
        return .failure(error)
      }
    }
    return .success((configuration, knowledge))
  }

  /// The options, for `--help` and usage errors.
  public static let usage = """
    usage: valley serve [--host <address>] [--port <n>] [--knowledge <folder>] [--timeout <seconds>]
                        [--max-facts <n>] [--max-sessions <n>] [--idle-minutes <m>]
                        [--exercises <file.q> ...] [--state <folder>]

      --host          the address to listen on (default 127.0.0.1)
      --port          the port; 0 picks a free one (default 8080)
      --knowledge     the folder of .kb files to serve (default: the bundled knowledge base)
      --timeout       seconds one statement may run (default 10)
      --max-facts     derived facts one statement may produce (default 1000000)
      --max-sessions  live sessions at once (default 200)
      --idle-minutes  minutes after which an unused session is dropped (default 60)
      --exercises     an exercise file to serve (repeat for more); students check answers in the page
      --state         where exercise progress is kept (default $XDG_STATE_HOME/valley/serve)

    See docs/serve.md.
    """

  /// A usage error's message.
  public struct UsageError: Error {
    /// What is wrong.
    public var message: String
    init(_ message: String) { self.message = message }
  }

  private static func split(_ option: String) -> (String, String?) {
    guard option.hasPrefix("--"), let equals = option.firstIndex(of: "=") else { return (option, nil) }
    return (String(option[..<equals]), String(option[option.index(after: equals)...]))
  }

  private static func format(_ n: Double) -> String {
    n == n.rounded() ? String(Int(n)) : String(n)
  }
}
