import Testing
import ValleyEngine
import ValleyTestSupport

@testable import valley

/// ``QuickCommandLine`` against argument-parser: whatever the quick path accepts, argument-parser
/// must accept too and read the same way, so that taking the quick path never changes what a
/// command line means.
@Suite struct QuickCommandLineTests {
  /// What argument-parser makes of `arguments`: the invocation of ``ValleyCommand/Repl`` or
  /// ``ValleyCommand/Run``, or nil for an error, help, or another command.
  static func argumentParser(_ arguments: [String]) -> Invocation? {
    switch try? ValleyCommand.parseAsRoot(arguments) {
    case let repl as ValleyCommand.Repl: repl.invocation
    case let run as ValleyCommand.Run: run.invocation
    default: nil
    }
  }

  /// Checks that the quick path and argument-parser agree on `arguments` when the quick path
  /// accepts it; returns whether it did.
  static func agree(_ arguments: [String]) -> Bool {
    guard let quick = QuickCommandLine.parse(arguments) else { return false }
    #expect(argumentParser(arguments) == quick, "\(arguments)")
    return true
  }

  static func prompt(
    _ files: [String] = [], empty: Bool = false, maxFacts: Int? = nil, timeout: Double? = nil,
    noProgress: Bool = false
  ) -> Invocation {
    .prompt(
      files: files, empty: empty, limits: SessionLimits(maxFacts: maxFacts, timeout: timeout),
      noProgress: noProgress)
  }

  static func run(
    _ scripts: [String], empty: Bool = false, format: OutputFormat = .table, maxFacts: Int? = nil,
    timeout: Double? = nil, noProgress: Bool = false
  ) -> Invocation {
    .run(
      scripts: scripts, empty: empty, format: format,
      limits: SessionLimits(maxFacts: maxFacts, timeout: timeout), noProgress: noProgress)
  }

  /// Command lines the quick path takes, with what they mean.
  static let accepted: [([String], Invocation)] = [
    ([], prompt()),
    (["repl"], prompt()),
    (["--empty"], prompt(empty: true)),
    (["repl", "--empty", "--no-progress"], prompt(empty: true, noProgress: true)),
    (["a.kb", "b.kb"], prompt(["a.kb", "b.kb"])),
    (["a.kb", "--max-facts", "20", "b.kb"], prompt(["a.kb", "b.kb"], maxFacts: 20)),
    (["--timeout", "0.5", "a.kb"], prompt(["a.kb"], timeout: 0.5)),
    (["--timeout", "0"], prompt(timeout: 0)),
    (["-"], prompt(["-"])),
    (["run", "s.q"], run(["s.q"])),
    (["run", "--empty", "s.q"], run(["s.q"], empty: true)),
    (["run", "-"], run(["-"])),
    (["run", "a.q", "--format", "json", "b.q"], run(["a.q", "b.q"], format: .json)),
    (["run", "--format", "csv", "--empty", "a.q"], run(["a.q"], empty: true, format: .csv)),
    (["run", "a.q", "--no-progress"], run(["a.q"], noProgress: true)),
    (["run", "--max-facts", "2147483647", "a.q"], run(["a.q"], maxFacts: 2_147_483_647)),
    (["run", "--max-facts", "+5", "a.q"], run(["a.q"], maxFacts: 5)),  // Int("+5"), as argument-parser
    (["run", "--timeout", "1e2", "--format", "tsv", "a.q"], run(["a.q"], format: .tsv, timeout: 100)),
  ]

  /// Command lines the quick path leaves to argument-parser: help, version, other commands,
  /// forms it does not read, values that fail, and anything argument-parser treats specially.
  static let declined: [[String]] = [
    ["--help"], ["-h"], ["--version"], ["help"], ["help", "run"], ["run", "--help"], ["run", "-h"],
    ["run"], ["run", "--empty"], ["fmt", "a.kb"], ["serve"], ["lsp"], ["export", "--to", "souffle"],
    ["--format", "json"], ["--format", "json", "a.kb"],  // the prompt has no --format
    ["run", "--format", "bogus", "a.q"], ["run", "--format=json", "a.q"], ["run", "--format", "a.q"],
    ["run", "--format", "-", "a.q"], ["run", "--", "a.q"], ["--", "a.kb"], ["-x"], ["run", "-x", "a.q"],
    ["--empty", "a.kb"], ["--empty", "--empty"], ["run", "--format", "json", "--format", "csv", "a.q"],
    ["--max-facts", "0"], ["--max-facts", "-3"], ["--max-facts", "2147483648"],
    ["--max-facts", "99999999999999999999"], ["--max-facts", "1.5"], ["--max-facts"], ["--max-facts=5"],
    ["--timeout", "-1"], ["--timeout", "nan"], ["--timeout", "inf"], ["--timeout", "1e400"], ["--timeout"],
    ["a.kb", "run"], ["repl", "repl"], ["run", "a.q", "help"], ["--no-progress", "run", "a.q"],
    ["---completion", "--", "x"], ["--generate-completion-script", "bash"], ["--experimental-dump-help"],
  ]

  @Test(arguments: accepted)
  func theQuickPathReadsTheCommonFormsAsArgumentParserDoes(_ arguments: [String], _ expected: Invocation) {
    #expect(QuickCommandLine.parse(arguments) == expected, "\(arguments)")
    #expect(Self.argumentParser(arguments) == expected, "\(arguments)")
  }

  @Test(arguments: declined)
  func theQuickPathLeavesTheRestToArgumentParser(_ arguments: [String]) {
    #expect(QuickCommandLine.parse(arguments) == nil, "\(arguments)")
  }

  @Test func theQuickPathKnowsEverySubcommandName() {
    let names = ValleyCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
    #expect(QuickCommandLine.subcommandNames == Set(names + ["help"]))
  }

  /// Words for generated command lines: names, options (known, unknown and in forms the quick
  /// path declines) and option values (good, bad and borderline).
  static let names = ["a.q", "b.kb", "-", "", "run", "repl", "help", "x=y", "--"]
  static let options = [
    "--empty", "--no-progress", "--max-facts", "--timeout", "--format", "--help", "-h", "--version",
    "--format=json", "--max-facts=5", "-x", "-e", "--bogus", "---x",
  ]
  static let values = [
    "json", "csv", "tsv", "table", "bogus", "JSON", "0", "1", "20", "+5", "-3", "2147483647",
    "2147483648", "99999999999", "0.5", "-1", "1e2", "1e400", "0x10", "nan", "inf", "", "-", "a.q",
  ]

  /// A command line from `generator`: maybe a subcommand word, then names and options, most
  /// options that take a value followed by one.
  static func commandLine(_ generator: inout SplitMix64) -> [String] {
    var line: [String] = []
    if generator.chance(0.6) { line.append(generator.chance(0.8) ? "run" : "repl") }
    for _ in 0..<Int.random(in: 0...5, using: &generator) {
      if generator.chance(0.4) {
        line.append(generator.pick(names))
        continue
      }
      let option = generator.pick(options)
      line.append(option)
      if ["--max-facts", "--timeout", "--format"].contains(option), generator.chance(0.9) {
        line.append(generator.pick(values))
      }
    }
    return line
  }

  @Test func generatedCommandLinesMeanTheSameOnBothPaths() {
    var generator = SplitMix64(seed: 20)
    let count = 4000
    var accepted = 0
    var acceptedRuns = 0
    for _ in 0..<count {
      let line = Self.commandLine(&generator)
      if Self.agree(line) {
        accepted += 1
        if line.first == "run" { acceptedRuns += 1 }
      }
    }
    // The quick path must take a fair share, of both commands, or it would pass by declining.
    #expect(accepted >= count / 10, "accepted \(accepted) of \(count)")
    #expect(acceptedRuns >= count / 40, "accepted \(acceptedRuns) `run` lines of \(accepted)")
  }
}
