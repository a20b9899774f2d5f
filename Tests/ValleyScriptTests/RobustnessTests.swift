import Foundation
import Glibc
import Testing
import ValleyEngine
import ValleyTestSupport

/// Robustness: every class of bad input gets a clear error and changes nothing, runaway
/// programs stop at a cap, and a failed write leaves the old file intact.
///
/// Most cases run in-process over real files in a scratch folder; the ones where a crash or a
/// resource limit is the risk (deep nesting, huge or endless files, failed writes) run the
/// built `valley` in a child process, so a crash fails the test instead of the test runner.
/// Files that cannot be read or written are in ``FileRobustnessTests``. The fuzzer (fuzz/)
/// and the soak and stress scripts (scripts/) cover the rest; see docs/safety.md for what a
/// script may do.
@Suite struct RobustnessTests {
  // MARK: Invalid UTF-8

  /// Bytes that are not UTF-8, and where the first bad byte is.
  struct BadUTF8: Sendable, CustomTestStringConvertible {
    var bytes: [UInt8]
    /// "line L, column C (byte offset N)".
    var position: String
    init(_ bytes: [UInt8], line: Int, column: Int, offset: Int) {
      self.bytes = bytes
      position = "line \(line), column \(column) (byte offset \(offset))"
    }
    var testDescription: String { "bad byte at \(position)" }
  }

  /// Bad UTF-8 and where its first bad byte is (columns count characters, not bytes).
  static let badUTF8: [BadUTF8] = [
    BadUTF8(Array("p(1).\n".utf8) + [0xFF] + Array(".\n".utf8), line: 2, column: 1, offset: 6),
    BadUTF8(Array("p(\"".utf8) + [0xC0, 0x80] + Array("\").\n".utf8), line: 1, column: 4, offset: 3),  // overlong
    // A surrogate.
    BadUTF8(Array("p(\"".utf8) + [0xED, 0xA0, 0x80] + Array("\").\n".utf8), line: 1, column: 4, offset: 3),
    BadUTF8(Array("p(1).\np(\"".utf8) + [0xEA, 0xB0], line: 2, column: 4, offset: 9),  // cut short at the end
    BadUTF8(Array("p(\"안산".utf8) + [0xFF], line: 1, column: 6, offset: 9),  // after two Hangul syllables
  ]

  @Test(arguments: badUTF8)
  func invalidUTF8KnowledgeIsRefusedWithItsOffsetAndChangesNothing(bad: BadUTF8) throws {
    let bytes = bad.bytes
    let scratch = try TemporaryFolder()
    try scratch.write("good.kb", "p(0).\n")
    try scratch.write("bad.kb", bytes: bytes)
    let session = scratch.session()
    session.succeed(":load \"good.kb\"")
    let before = session.stateDump()
    let errors = session.errorCodes(":load \"bad.kb\"")
    #expect(errors == ["E108"])
    let text = session.printed(":load \"bad.kb\"")
    #expect(text.contains("'bad.kb' is not valid UTF-8 at \(bad.position)"), "\(text)")
    #expect(session.stateDump() == before)
  }

  @Test func invalidUTF8ScriptIsRefusedByTheExecutable() throws {
    let scratch = try TemporaryFolder()
    try scratch.write("bad.q", bytes: Array(":assert p(1).\np(X).\n".utf8) + [0xE9] + Array("\n".utf8))
    let run = try ValleyProcess.run(["run", "--empty", scratch.path("bad.q")])
    #expect(run.status == 1)
    #expect(run.stderr.contains("bad.q' is not valid UTF-8 at line 3, column 1 (byte offset 20)"), "\(run.stderr)")
    #expect(run.stderr.contains("[E108]"))
    let piped = try ValleyProcess.run(["--empty"], standardInput: scratch.path("bad.q"))
    #expect(piped.status == 1)
    #expect(
      piped.stderr.contains("'<stdin>' is not valid UTF-8 at line 3, column 1 (byte offset 20)"), "\(piped.stderr)")
  }

  // MARK: Unterminated strings and comments

  @Test(arguments: [
    ("p(1).\np(\"never closed).\n", "E103"),
    ("p(1).\np('never closed).\n", "E103"),
    ("p(1).\n/* never closed\np(2).\n", "E104"),
  ])
  func unterminatedTextInAKnowledgeFileChangesNothing(text: String, code: String) throws {
    let scratch = try TemporaryFolder()
    try scratch.write("good.kb", "q(0).\n")
    try scratch.write("open.kb", text)
    let session = scratch.session()
    session.succeed(":load \"good.kb\"")
    let before = session.stateDump()
    #expect(session.errorCodes(":load \"open.kb\"").contains(code))
    #expect(session.stateDump() == before)
    #expect(session.errorCodes("?- p(X).") == ["E202"])  // nothing of open.kb was kept
  }

  @Test func unterminatedTextInAScriptIsReportedAndTheRestStillRuns() throws {
    let session = Session(loader: FileSystemLoader())
    var codes: [String] = []
    var answered = 0
    session.runScript(
      text: ":assert p(1).\n?- p(\"open.\n?- p(X).\n/* open comment\n?- p(X).\n", name: "open.q",
      directory: nil,
      emit: { output in
        if case .diagnostics(let list, _) = output { codes += list.filter { $0.severity == .error }.map(\.code) }
        if case .answers = output { answered += 1 }
      })
    #expect(codes == ["E103", "E104"])
    #expect(answered == 1)
    #expect(session.isIncomplete("/* still open"))  // the prompt keeps reading the comment
  }

  // MARK: Deep nesting

  @Test func tenThousandDeepNestingIsAnErrorNotACrash() throws {
    let scratch = try TemporaryFolder()
    let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
    try scratch.write("deep.kb", "deep(X) :- X = \(deep).\n")
    try scratch.write(
      "deep.q",
      [
        ":assert ok(1).",
        "?- X = \(deep).",
        ":assert p(\(deep)).",
        "?- X = " + String(repeating: "- ", count: 10_000) + "1.",
        "?- X = 1" + String(repeating: " + 1", count: 10_000) + ".",
        "?- X = " + String(repeating: "(", count: 10_000) + "1.",
        ":load \"deep.kb\"",
        "?- ok(X).",
      ].joined(separator: "\n") + "\n")
    let run = try ValleyProcess.run(["run", "--empty", scratch.path("deep.q")])
    #expect(!run.crashed, "valley crashed: \(run.summary)")
    #expect(run.status == 1)
    #expect(
      run.stderr.components(separatedBy: "nesting is deeper than 1000 levels [E105]").count - 1 == 6, "\(run.summary)")
    #expect(run.stdout.hasSuffix("1 answer\n"), "the session stays usable: \(run.summary)")
  }

  /// Engine bug: in a debug build (what `swift run valley` runs) the parser overflows the
  /// 8 MB main-thread stack at about 690 nested aggregates, below the 1,000-level limit, so
  /// 10,000 nested `count {` crash with SIGSEGV instead of reporting E105.
  @Test func tenThousandDeepAggregatesAreAnErrorNotACrash() throws {
    let scratch = try TemporaryFolder()
    try scratch.write(
      "deep.q",
      ":assert ok(1).\n?- N = " + String(repeating: "count { X : ", count: 10_000) + "ok(X)"
        + String(repeating: " }", count: 10_000) + ".\n?- ok(X).\n")
    let run = try ValleyProcess.run(["run", "--empty", scratch.path("deep.q")])
    #expect(!run.crashed, "valley crashed: \(run.summary)")
    #expect(run.status == 1)
    #expect(run.stderr.contains("nesting is deeper than 1000 levels [E105]"), "\(run.summary)")
    #expect(run.stdout.hasSuffix("1 answer\n"), "\(run.summary)")
  }

  // MARK: Long lines and big files

  @Test func aOneMegabyteLineLoadsAndAnErrorOnItIsShownInAWindow() throws {
    let scratch = try TemporaryFolder()
    let long = String(repeating: "x", count: 1 << 20)
    let facts = (0..<100_000).map { "f(\($0))." }.joined(separator: " ")
    try scratch.write("long.kb", "long(\"\(long)\").\n\(facts)\n")
    try scratch.write("broken.kb", facts + " f(")
    let session = scratch.session()
    session.succeed(":load \"long.kb\"")
    #expect(try session.answers("?- long(X), X = \"\(long)\".").count == 1)
    #expect(try session.answers("?- N = count { X : f(X) }.") == ["100000"])
    let before = session.stateDump()
    let rendered = session.printed(":load \"broken.kb\"")
    #expect(rendered.contains("[E100]"), "\(rendered.prefix(300))")
    // The source line is shown as a window around the error, not as a megabyte of text.
    #expect(rendered.split(separator: "\n").allSatisfy { $0.utf8.count < 1_000 }, "\(rendered.prefix(300))")
    #expect(session.stateDump() == before)
  }

  /// A 10 MB file of facts loads within a memory cap (the 100 MB case is in scripts/stress.sh).
  @Test func aTenMegabyteFileOfFactsLoadsWithinTwoGigabytes() throws {
    let scratch = try TemporaryFolder()
    var text = "% generated\n"
    text.reserveCapacity(10 << 20 + 100)
    var count = 0
    while text.utf8.count < 10 << 20 {
      text += "fact(\(count), item_\(count % 5000), \"label \(count)\").\n"
      count += 1
    }
    try scratch.write("big.kb", text)
    try scratch.write("count.q", "?- N = count { X : fact(X, _, _) }.\n")
    let run = try ValleyProcess.run(
      [scratch.path("big.kb")], standardInput: scratch.path("count.q"),
      limits: "ulimit -v 2097152")
    #expect(!run.crashed, "\(run.summary)")
    #expect(run.status == 0, "\(run.summary)")
    #expect(run.stdout.contains("\n\(count)\n1 answer"), "\(run.summary)")
  }

  /// Engine bug: the loader reads any file to its end, so an endless one (a character
  /// device such as /dev/zero) grows memory until the process dies, instead of being refused.
  @Test func anEndlessFileIsRefusedWithoutExhaustingMemory() throws {
    let scratch = try TemporaryFolder()
    try scratch.write("zero.q", ":load \"/dev/zero\"\n:assert ok(1).\n?- ok(X).\n")
    let run = try ValleyProcess.run(
      ["run", "--empty", scratch.path("zero.q")], limits: "ulimit -v 2097152", timeout: 60)
    #expect(!run.crashed, "valley crashed: \(run.summary)")
    #expect(run.status == 1, "\(run.summary)")
    #expect(run.stderr.contains("/dev/zero"), "\(run.summary)")
    #expect(run.stdout.hasSuffix("1 answer\n"), "\(run.summary)")
  }

  /// Regression of the /dev/zero fix (af7aca3): only regular files are read now, so a script
  /// that arrives through a pipe under a path — `valley run <(generate)`, `valley run
  /// /dev/stdin` — is refused with "it is not a regular file". A pipe ends; devices such as
  /// /dev/zero are what must be refused.
  @Test func aScriptFromAPipeRuns() throws {
    let run = try ValleyProcess.run(
      ["run", "--empty", "/dev/stdin"], standardInputText: ":assert p(1).\n?- p(X).\n")
    #expect(run.status == 0, "\(run.summary)")
    #expect(run.stdout.hasSuffix("1 answer\n"), "\(run.summary)")
  }

  // MARK: Commands, arity and arithmetic

  @Test func unknownCommandsAreErrorsThatSuggestAndChangeNothing() throws {
    let session = try TemporaryFolder().session()
    session.succeed(":assert p(1).")
    let before = session.stateDump()
    #expect(session.errorCodes(":nosuch") == ["E501"])
    #expect(session.printed(":asert p(2).").contains("did you mean ':assert'?"))
    #expect(session.stateDump() == before)
  }

  @Test func wrongArityIsAnErrorThatNamesBothPlacesAndChangesNothing() throws {
    let scratch = try TemporaryFolder()
    try scratch.write("p.kb", "p(1, 2).\n")
    try scratch.write("mixed.kb", "q(1).\nq(1, 2).\n")
    let session = scratch.session()
    session.succeed(":load \"p.kb\"")
    let before = session.stateDump()
    #expect(session.errorCodes(":assert p(3).") == ["E201"])
    let rendered = session.printed("?- p(X).")
    #expect(rendered.contains("[E201]"))
    #expect(rendered.contains("p.kb:1:1"), "the other place is named: \(rendered)")
    #expect(session.errorCodes(":assert r(X) :- p(X).") == ["E201"])
    #expect(session.errorCodes(":load \"mixed.kb\"").contains("E201"))
    #expect(session.stateDump() == before)
  }

  @Test(arguments: [
    ("?- X = 9223372036854775808.", "E102"),
    ("?- X = 1e999.", "E102"),
    ("?- X = 9223372036854775807 + 1.", "E401"),
    ("?- X = -9223372036854775808 - 1.", "E401"),
    ("?- X = 4611686018427387904 * 2.", "E401"),
    ("?- X = -9223372036854775808 / -1.", "E401"),
    ("?- Y = -9223372036854775808, X = -Y.", "E401"),
    ("?- X = 1e308 * 10.", "E401"),
    ("?- S = sum { N : big(N) }.", "E401"),
    ("?- X = 1 / 0.", "E401"),
    ("?- X = 1 mod 0.", "E401"),
    ("?- X = 1.0 / 0.", "E401"),
    ("?- X = 0.0 / 0.0.", "E401"),
    ("?- X = a + 1.", "E401"),
  ])
  func arithmeticErrorsAreReportedNeverATrap(query: String, code: String) throws {
    let session = try TemporaryFolder().session()
    session.succeed(":assert big(9223372036854775807).")
    session.succeed(":assert big(1).")
    let before = session.stateDump()
    #expect(session.errorCodes(query) == [code])
    #expect(session.stateDump() == before)
  }

  @Test func theEdgesOfTheIntegerRangeStillCompute() throws {
    let session = try TemporaryFolder().session()
    #expect(try session.answers("?- X = -9223372036854775808 mod -1.") == ["0"])
    #expect(try session.answers("?- X = -9223372036854775807 - 1.") == ["-9223372036854775808"])
    #expect(try session.answers("?- X = -7 mod 3.") == ["-1"])
  }

  @Test func anArithmeticErrorWhileUpdatingTheModelNamesTheRuleAndChangesNothing() throws {
    let scratch = try TemporaryFolder()
    try scratch.write("div.kb", "d(0).\nd(2).\nr(X) :- d(D), X = 10 / D.\n")
    let session = scratch.session()
    session.succeed(":assert d(5).")
    let before = session.stateDump()
    let loading = session.printed(":load \"div.kb\"")
    #expect(loading.contains("division by zero in a rule for 'r'"), "\(loading)")
    #expect(session.stateDump() == before)
    let asserting = session.printed(":assert s(X) :- d(D), X = 9223372036854775807 * D.")
    #expect(asserting.contains("integer overflow") && asserting.contains("'s'"), "\(asserting)")
    #expect(session.stateDump() == before)
    #expect(try session.answers("?- d(X).") == ["5"])
  }

  // MARK: Limits

  @Test func aRunawayRuleStopsAtTheFactCapNamingThePredicate() throws {
    let session = try TemporaryFolder().session()
    session.succeed(":assert n(0).")
    session.succeed(":set max_facts 5000")
    let before = session.stateDump()
    let rendered = session.printed(":assert n(Y) :- n(X), Y = X + 1.")
    #expect(rendered.contains("[E403]"), "\(rendered)")
    #expect(rendered.contains("'n' kept growing"), "\(rendered)")
    #expect(session.stateDump() == before)
    #expect(try session.answers("?- n(X).") == ["0"])  // still usable, still unchanged
  }

  @Test func aSlowStatementStopsAtTheTimeLimitAndChangesNothing() throws {
    let session = try TemporaryFolder().session()
    for i in 0..<300 { session.succeed(":assert v(\(i)).") }
    session.succeed(":set timeout 0.2")
    let before = session.stateDump()
    let started = ContinuousClock.now
    // 300^4 = 8.1e9 combinations: far more than 0.2 s of work.
    let query = session.printed("?- v(A), v(B), v(C), v(D), A + B + C + D < 0.")
    #expect(query.contains("[E404]"), "\(query)")
    let rule = session.printed(":assert w(A) :- v(A), v(B), v(C), v(D), A + B + C + D < 0.")
    #expect(rule.contains("[E404]") && rule.contains("'w'"), "\(rule)")
    #expect(ContinuousClock.now - started < .seconds(20))
    #expect(session.stateDump() == before)
  }

  @Test func theLimitsCanBeSetOnTheCommandLine() throws {
    let scratch = try TemporaryFolder()
    try scratch.write("runaway.q", ":assert n(0).\n:assert n(Y) :- n(X), Y = X + 1.\n?- n(X).\n")
    let capped = try ValleyProcess.run(["run", "--empty", "--max-facts", "5000", scratch.path("runaway.q")])
    #expect(capped.status == 1, "\(capped.summary)")
    #expect(capped.stderr.contains("after 5000 derived facts: 'n' kept growing [E403]"), "\(capped.summary)")
    #expect(capped.stdout.hasSuffix("0\n1 answer\n"), "unchanged and usable: \(capped.summary)")
    let timed = try ValleyProcess.run(
      ["run", "--empty", "--max-facts", "1000000000", "--timeout", "1", scratch.path("runaway.q")])
    #expect(timed.status == 1, "\(timed.summary)")
    #expect(timed.stderr.contains("while deriving 'n' [E404]"), "\(timed.summary)")
    #expect(timed.stdout.hasSuffix("0\n1 answer\n"), "unchanged and usable: \(timed.summary)")
  }

  /// Engine bug: when a limit stops a query (not a rule), the error has no location, so the
  /// message does not say which statement of a script it was (the contract wants
  /// `file:line:col` in every error, JSON included).
  @Test func aQueryStoppedByALimitSaysWhichStatement() throws {
    let session = try TemporaryFolder().session()
    for i in 0..<300 { session.succeed(":assert v(\(i)).") }
    session.succeed(":set max_facts 1000")
    let cap = session.printed("?- v(A), v(B).")
    #expect(cap.contains("[E403]"), "\(cap)")
    #expect(cap.hasPrefix("<input:"), "no location: \(cap)")
    session.succeed(":set max_facts 20000000")
    session.succeed(":set timeout 0.2")
    let time = session.printed("?- v(A), v(B), v(C), v(D), A + B + C + D < 0.")
    #expect(time.contains("[E404]"), "\(time)")
    #expect(time.hasPrefix("<input:"), "no location: \(time)")
  }

  /// Engine bug: the E404 message truncates the limit to whole seconds: after
  /// `:set timeout 0.2` it says "the time limit of 0 s".
  @Test func aFractionalTimeLimitIsReportedAsSet() throws {
    let session = try TemporaryFolder().session()
    session.succeed(":assert n(0).")
    session.succeed(":set timeout 0.2")
    session.succeed(":set max_facts 1000000000")
    let rendered = session.printed(":assert n(Y) :- n(X), Y = X + 1.")
    #expect(rendered.contains("[E404]"), "\(rendered)")
    #expect(rendered.contains("time limit of 0.2 s"), "\(rendered)")
  }

  @Test func theDefaultLimitsAreShownBySet() throws {
    let session = try TemporaryFolder().session()
    let text = session.texts(":set")
    #expect(text.contains("max_facts 20000000"), "\(text)")
    #expect(text.contains("timeout 300"), "\(text)")
    #expect(session.errorCodes(":set max_facts 0") == ["E513"])
    #expect(session.errorCodes(":set timeout -1") == ["E513"])
  }
}
