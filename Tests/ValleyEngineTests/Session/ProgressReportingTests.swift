import Synchronization
import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// What a front end hears through ``EvaluationBudget/progress`` while a load reads a file or
/// rules are evaluated, and how ``EvaluationBudget/shouldStop`` stops a load while it reads.
@Suite struct ProgressReportingTests {
  /// `count` facts `edge(i, i + 1).`, one a line.
  static func facts(_ count: Int) -> String {
    (0..<count).map { "edge(\($0), \($0 + 1)).\n" }.joined()
  }

  /// A CSV table of `count` rows of two numbers.
  static func table(_ count: Int) -> String {
    "a,b\n" + (0..<count).map { "\($0),\($0 + 1)\n" }.joined()
  }

  /// The reports a session's work gave, and a switch that stops the work at the first one.
  final class Listener: Sendable {
    let reports = Mutex<[ProgressReport]>([])
    let stopAtFirstReport: Bool

    init(stopAtFirstReport: Bool = false) {
      self.stopAtFirstReport = stopAtFirstReport
    }

    var heard: [ProgressReport] { reports.withLock { $0 } }

    /// Makes `session` report here (and stop at the first report, if asked).
    func listen(to session: Session) {
      session.budget.progress = { report in self.reports.withLock { $0.append(report) } }
      session.budget.shouldStop = { self.stopAtFirstReport && !self.heard.isEmpty }
    }
  }

  @Test func readingAFileReportsHowFarItGot() throws {
    let text = Self.facts(20_000)
    let (session, _) = Session.inMemory(["data/big.kb": text])
    let listener = Listener()
    listener.listen(to: session)
    #expect(session.errors(in: session.loadKnowledgeFiles(["data/big.kb"])).isEmpty)
    let reports = listener.heard
    // The first report comes after the first few thousand clauses, whatever the time.
    let first = try #require(reports.first)
    #expect(first.activity == .reading(file: "data/big.kb"))
    #expect(first.facts == ProgressMeter.interval)
    #expect(first.byteCount == text.utf8.count)
    // The reader is at the start of the 4,096th line.
    #expect(first.bytesRead == Self.facts(ProgressMeter.interval - 1).utf8.count)
    #expect(first.bytesRead < text.utf8.count)
    // Later reports (if the reading took long enough for any) only go forward.
    for (a, b) in zip(reports, reports.dropFirst()) where a.activity == b.activity {
      #expect(a.bytesRead < b.bytesRead && a.facts < b.facts)
    }
  }

  @Test func stoppingWhileReadingLeavesTheKnowledgeBaseUnchanged() throws {
    let (session, files) = Session.inMemory(["small.kb": "edge(a, b).\nlinked(X) :- edge(X, _).\n"])
    #expect(session.errors(in: session.loadKnowledgeFiles(["small.kb"])).isEmpty)
    let before = session.stateDump()
    files.contents["big.kb"] = Self.facts(50_000)
    let listener = Listener(stopAtFirstReport: true)
    listener.listen(to: session)

    let outputs = session.execute(input: ":load \"big.kb\"")
    #expect(session.errors(in: outputs).map(\.code) == ["E405"])
    #expect(session.rendered(outputs).contains("error: interrupted; the knowledge base is unchanged [E405]"))
    // It stopped while reading: no evaluation began.
    #expect(listener.heard.allSatisfy { $0.activity == .reading(file: "big.kb") })
    #expect(session.stateDump() == before)
    #expect(try session.answers("N = count { X : linked(X) }.") == ["1"])

    // The session stays usable: without the request to stop, the same file loads.
    session.budget.shouldStop = { false }
    #expect(session.errors(":load \"big.kb\"").isEmpty)
    #expect(try session.answers("N = count { X, Y : edge(X, Y) }.") == ["50001"])
  }

  @Test func aStopAfterTheReadingsLastPollStillStopsTheLoad() throws {
    let (session, files) = Session.inMemory(["small.kb": "edge(a, b).\n"])
    #expect(session.errors(in: session.loadKnowledgeFiles(["small.kb"])).isEmpty)
    let before = session.stateDump()
    // 5,000 facts: the reader polls once (after 4,096 clauses) and is told to go on; Ctrl-C
    // comes while the rest is read and stored, and only the poll after storing sees it.
    files.contents["big.kb"] = Self.facts(5_000)
    let polls = Mutex(0)
    session.budget.shouldStop = {
      polls.withLock {
        $0 += 1
        return $0 > 1
      }
    }
    #expect(session.errorCodes(":load \"big.kb\"") == ["E405"])
    #expect(polls.withLock { $0 } == 2)
    #expect(session.stateDump() == before)
  }

  @Test func stoppingWhileReadingATableLeavesTheKnowledgeBaseUnchanged() throws {
    let (session, files) = Session.inMemory([
      "rows.csv": Self.table(30_000), "with-import.kb": "@import edge \"rows.csv\"\n",
    ])
    session.succeed(":assert edge(1, 2).")
    let before = session.stateDump()
    let listener = Listener(stopAtFirstReport: true)
    listener.listen(to: session)

    #expect(session.errorCodes(":import edge \"rows.csv\"") == ["E405"])
    #expect(session.stateDump() == before)
    #expect(session.errorCodes(":load \"with-import.kb\"") == ["E405"])
    #expect(session.stateDump() == before)
    #expect(listener.heard.first?.activity == .reading(file: "rows.csv"))
    _ = files
  }

  @Test func evaluationReportsThePredicateAndTheFactsDerived() throws {
    let (session, _) = Session.inMemory()
    let listener = Listener()
    listener.listen(to: session)
    session.succeed(":assert n(0).")
    session.succeed(":assert n(Y) :- n(X), Y = X + 1, Y < 20000.")
    let reports = listener.heard.filter { $0.activity == .evaluating(predicate: "n") }
    // The first check of the budget reports, whatever the time.
    #expect(!reports.isEmpty)
    #expect(reports.allSatisfy { $0.facts < 20_000 && $0.bytesRead == 0 && $0.fractionDone == nil })
    #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.facts <= $1.facts })
  }
}
