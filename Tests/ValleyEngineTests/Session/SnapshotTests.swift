import Dispatch
import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// One loaded knowledge base backs many sessions at once; each session's changes are its own.
@Suite struct SnapshotTests {
  static let knowledge = """
    edge(1, 2). edge(2, 3). edge(3, 4). edge(4, 5).
    reach(X, Y) :- edge(X, Y).
    reach(X, Z) :- reach(X, Y), edge(Y, Z).
    unreached(X) :- edge(X, _), not reach(1, X).
    """

  static func rows(_ session: Session, _ query: String) -> [String] {
    switch session.outcome(query) {
    case .answers(let rows): rows
    case .errors(let codes): codes
    case .other: []
    }
  }

  @Test func sessionsStartingFromOneSnapshotDoNotSeeEachOthersChanges() throws {
    let snapshot = Session.loaded(Self.knowledge).snapshot()
    let workers = 16
    let results = Results(count: workers)
    DispatchQueue.concurrentPerform(iterations: workers) { k in
      let session = Session(from: snapshot)
      let own = 100 + k
      var seen: [String] = []
      seen += Self.rows(session, ":assert edge(5, \(own)).")
      seen += Self.rows(session, "reach(1, X), X > 5.")
      if k % 2 == 0 {
        seen += Self.rows(session, ":retract edge(2, 3).")
        seen += Self.rows(session, "reach(1, X).")
      } else {
        seen += Self.rows(session, ":assume not edge(3, 4).")
        seen += Self.rows(session, "unreached(X).")
      }
      results.set(k, seen)
    }
    for k in 0..<workers {
      let own = 100 + k
      let expected = k % 2 == 0 ? ["\(own)", "2"] : ["\(own)", "1", "4", "5"]
      #expect(results.get(k) == expected, "session \(k)")
    }
    // The snapshot itself is untouched.
    let fresh = Session(from: snapshot)
    #expect(Self.rows(fresh, "reach(1, X).") == ["2", "3", "4", "5"])
    #expect(Self.rows(fresh, "unreached(X).") == ["1"])
  }

  @Test func aSnapshotLeavesOutAssumptionsAndKeepsItsOwnValues() {
    let session = Session.loaded(Self.knowledge)
    _ = session.execute(input: ":assume edge(5, 6).")
    let snapshot = session.snapshot()
    _ = session.execute(input: ":assert edge(6, seven).")
    let other = Session(from: snapshot)
    #expect(Self.rows(other, "reach(1, X), X > 5.") == [])
    #expect(Self.rows(other, "edge(X, seven).") == [])
    #expect(snapshot.statistics.facts == 4)
  }
}

/// Results written by concurrent workers, one slot each.
private final class Results: @unchecked Sendable {
  private var slots: [[String]]
  private let lock = DispatchSemaphore(value: 1)

  init(count: Int) { slots = Array(repeating: [], count: count) }

  func set(_ k: Int, _ value: [String]) {
    lock.wait()
    slots[k] = value
    lock.signal()
  }

  func get(_ k: Int) -> [String] {
    lock.wait()
    defer { lock.signal() }
    return slots[k]
  }
}
