import Foundation
import Testing
import ValleyTestSupport

/// The status line long work shows on standard error at a terminal, seen as a person sees it:
/// `valley` runs in a pseudo-terminal (``Prompt``). `VALLEY_PROGRESS_DELAY=0` lets the line
/// appear at once instead of after a second, so no test needs long work, and every step waits
/// for text to appear rather than for time to pass.
@Suite(.serialized) struct ProgressLineTests {
  /// Show the line from the first report on.
  static let atOnce = ["VALLEY_PROGRESS_DELAY": "0"]

  /// `count` facts `edge(i, i + 1).`, one a line.
  static func facts(_ count: Int) -> String {
    (0..<count).map { "edge(\($0), \($0 + 1)).\n" }.joined()
  }

  @Test func aLoadShowsWhatHowFarAndHowFastThenTheLineIsErased() throws {
    let folder = try TemporaryFolder(["big.kb": Self.facts(60_000)])
    let path = folder.path("big.kb")
    let prompt = try Prompt(["--empty"], environment: Self.atOnce)
    try prompt.enter(":load \"\(path)\"")
    try prompt.expect("reading big.kb: ")
    try prompt.expect("% of 1.")  // the file is 1.3 MB
    try prompt.expect(" facts/s")
    try prompt.expect("loaded \(path): 60000 facts, 0 rules")
    // Before the message, the line was erased: a carriage return and a clear to the end of
    // the line, so the message starts at the left of an empty line.
    #expect(prompt.raw.contains("\r\u{1B}[Kloaded \(path)"))
    #expect(try prompt.leave() == 0)
  }

  @Test func ctrlCWhileAFileIsReadStopsTheLoadAndKeepsTheKnowledgeBase() throws {
    let folder = try TemporaryFolder(["big.kb": Self.facts(400_000)])
    let prompt = try Prompt(["--empty"], environment: Self.atOnce)
    try prompt.enter(":assert edge(a, b).")
    try prompt.expect("asserted 1 fact")
    try prompt.enter("N = count { X, Y : edge(X, Y) }.")
    #expect(try prompt.expect("1 answer").split(separator: "\n").contains("1"))

    try prompt.enter(":load \"\(folder.path("big.kb"))\"")
    try prompt.expect("reading big.kb: ")  // the reading has begun and has far to go
    prompt.type("\u{03}")
    let stopped = try prompt.expect("?- ")
    #expect(stopped.contains("error: interrupted; the knowledge base is unchanged [E405]"))
    #expect(!stopped.contains("loaded"))

    // Nothing of the file was kept, and the prompt (shown again above) still answers.
    prompt.type("N = count { X, Y : edge(X, Y) }.\r")
    #expect(try prompt.expect("1 answer").split(separator: "\n").contains("1"))
    #expect(try prompt.leave() == 0)
  }

  @Test func aLongEvaluationShowsThePredicateAndCtrlCStopsIt() throws {
    let prompt = try Prompt(["--empty"], environment: Self.atOnce)
    try prompt.enter(":set timeout 0")
    try prompt.enter(":set max_facts 100000000")
    try prompt.enter(":assert n(0).")
    try prompt.expect("asserted 1 fact")
    try prompt.enter(":assert n(Y) :- n(X), Y = X + 1, Y < 100000000.")
    try prompt.expect("evaluating n: ")
    try prompt.expect(" facts derived, ")
    prompt.type("\u{03}")
    let stopped = try prompt.expect("?- ")
    #expect(stopped.contains("error: interrupted; the knowledge base is unchanged [E405]"))
    prompt.type("\u{04}")  // the prompt is back: Ctrl-D leaves
    #expect(try prompt.exitStatus() == 0)
  }

  @Test func runAtATerminalShowsTheLineUnlessTurnedOff() throws {
    let folder = try TemporaryFolder([
      "big.kb": Self.facts(20_000), "load.q": ":load \"big.kb\"\nN = count { X, Y : edge(X, Y) }.\n",
    ])
    let shown = try Prompt(["run", "--empty", folder.path("load.q")], environment: Self.atOnce)
    try shown.expect("reading big.kb: ")
    try shown.expect("20000\n1 answer")
    #expect(try shown.exitStatus() == 0)
    #expect(shown.raw.contains("\r\u{1B}[Kloaded "))

    let quiet = try Prompt(["run", "--empty", "--no-progress", folder.path("load.q")], environment: Self.atOnce)
    try quiet.expect("20000\n1 answer")
    #expect(try quiet.exitStatus() == 0)
    #expect(!quiet.raw.contains("reading"))
    #expect(!quiet.raw.contains("\u{1B}[K"))
  }

  @Test func ctrlCEndingARunErasesTheLineFirst() throws {
    let folder = try TemporaryFolder(["big.kb": Self.facts(400_000), "load.q": ":load \"big.kb\"\n"])
    let run = try Prompt(["run", "--empty", folder.path("load.q")], environment: Self.atOnce)
    try run.expect("reading big.kb: ")
    run.type("\u{03}")
    #expect(try run.exitStatus() == 128 + SIGINT)
    // The last thing written is the erase, after the terminal's "^C": no status line stays
    // above the shell's next prompt.
    #expect(run.raw.hasSuffix("\r\u{1B}[K"))
    #expect(!run.raw.contains("loaded"))
  }

  @Test func runWithStandardErrorToAPipeWritesNoProgress() throws {
    let folder = try TemporaryFolder([
      "big.kb": Self.facts(20_000),
      "load.q": ":load \"big.kb\"\nN = count { X, Y : edge(X, Y) }.\n:assert n(0).\n"
        + ":assert n(Y) :- n(X), Y = X + 1, Y < 20000.\nN = count { X : n(X) }.\n",
    ])
    let piped = try ValleyProcess.run(
      ["run", "--empty", folder.path("load.q")], directory: folder.path, environment: Self.atOnce)
    #expect(piped.status == 0, "\(piped.summary)")
    #expect(piped.stderr == "")
    #expect(piped.stdout.hasPrefix("loaded ") && piped.stdout.contains("big.kb: 20000 facts, 0 rules\n"))
    #expect(piped.stdout.hasSuffix("20000\n1 answer\n"))
    // Exactly what a run that may never show the line writes.
    let quiet = try ValleyProcess.run(
      ["run", "--empty", "--no-progress", folder.path("load.q")], directory: folder.path, environment: Self.atOnce)
    #expect(quiet.stdout == piped.stdout && quiet.stderr == piped.stderr)
  }
}
