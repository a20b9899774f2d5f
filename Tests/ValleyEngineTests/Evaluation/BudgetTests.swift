import Testing
import ValleyTestSupport

@testable import ValleyEngine

@Suite struct BudgetTests {
  @Test func derivedFactCapStopsAGrowingPredicate() throws {
    let session = Session()
    session.succeed(":set max_facts 1000")
    session.succeed(":assert n(0).")
    let errors = session.errors(":assert n(Y) :- n(X), Y = X + 1.")
    let error = try #require(errors.first)
    #expect(error.code == "E403")
    #expect(error.message.contains("1000"))
    #expect(error.message.contains("'n'"))
    #expect(session.text(of: error.span) == "n(Y) :- n(X), Y = X + 1.")
    #expect(try session.answers("?- n(X).") == ["0"])
  }

  @Test func aQueryWithTooManyAnswersSaysSoAndPointsAtTheQuery() throws {
    let session = Session.loaded((0..<40).map { "n(\($0))." }.joined(separator: " "))
    session.succeed(":set max_facts 1000")
    let error = try #require(session.errors("?- n(X), n(Y).").first)
    #expect(error.code == "E403")
    #expect(error.message == "the query has more than 1000 answers")
    #expect(error.help?.contains("count { ... }") == true)
    #expect(session.text(of: error.span) == "n(X), n(Y).")
    #expect(try session.answers("?- N = count { X : n(X) }.") == ["40"])
  }

  /// An aggregate over a cross product stops at the cap instead of exhausting memory.
  @Test func anAggregateGatheringTooManyTuplesStopsAtTheCap() throws {
    let session = Session.loaded((0..<40).map { "n(\($0))." }.joined(separator: " "))
    session.succeed(":set max_facts 1000")
    let error = try #require(session.errors("?- N = count { X, Y : n(X), n(Y), X != Y }.").first)
    #expect(error.code == "E403")
    #expect(error.message == "an aggregate in the query gathered more than 1000 distinct tuples")
    #expect(session.text(of: error.span) == "count { X, Y : n(X), n(Y), X != Y }")
    let ruleError = try #require(session.errors(":assert pairs(N) :- N = sum { X, Y : n(X), n(Y) }.").first)
    #expect(ruleError.message == "an aggregate in a rule for 'pairs' gathered more than 1000 distinct tuples")
    #expect(session.errors("?- pairs(N).").map(\.code) == ["E202"], "the failed assert changed nothing")
    session.succeed(":set max_facts 2000")
    #expect(try session.answers("?- N = count { X, Y : n(X), n(Y), X != Y }.") == ["1560"])
  }

  @Test func derivedFactCapAllowsSmallModels() throws {
    let session = Session()
    session.succeed(":set max_facts 1000")
    session.succeed(":assert n(0).")
    session.succeed(":assert n(Y) :- n(X), X < 500, Y = X + 1.")
    #expect(try session.answers("?- N = count { X : n(X) }.") == ["501"])
  }

  @Test func derivedFactCapMakesLoadingFail() throws {
    let (session, _) = Session.inMemory(["grow.kb": "n(0).\nn(Y) :- n(X), Y = X + 1.\nm(1)."])
    session.succeed(":set max_facts 500")
    let errors = session.errors(in: session.loadKnowledgeFiles(["grow.kb"]))
    #expect(errors.map(\.code) == ["E403"])
    #expect(session.errors("?- m(X).").map(\.code) == ["E202"])
  }

  @Test func timeLimitStopsAGrowingPredicate() throws {
    let session = Session()
    session.succeed(":set timeout 0.2")
    session.succeed(":assert n(0).")
    let error = try #require(session.errors(":assert n(Y) :- n(X), Y = X + 1.").first)
    #expect(error.code == "E404")
    #expect(error.message.contains("'n'"))
    #expect(try session.answers("?- n(X).") == ["0"])
  }

  @Test func setShowsAndValidatesOptions() throws {
    let session = Session()
    let shown = session.execute(input: ":set")
    guard case .text(let text)? = shown.first else {
      Issue.record("no text: \(shown)")
      return
    }
    #expect(text.contains("max_facts 20000000"))
    #expect(session.errors(":set max_facts 0").map(\.code) == ["E513"])
    #expect(session.errors(":set timeout -1").map(\.code) != [])
    #expect(session.errors(":set max_fact 10").first?.help == "did you mean 'max_facts'?")
  }
}
