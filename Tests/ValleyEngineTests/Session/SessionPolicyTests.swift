import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// What a server's sessions may not do, and the per-statement API it uses.
@Suite struct SessionPolicyTests {
  static func serverSession() -> Session {
    let session = Session.loaded("edge(1, 2). edge(2, 3).\npath(X, Y) :- edge(X, Y).")
    session.budget = EvaluationBudget(maximumDerivedFacts: 1000, timeLimit: 5)
    session.policy = .server(capping: session.budget)
    return session
  }

  @Test func fileCommandsAreRefusedAndChangeNothing() {
    let session = Self.serverSession()
    for statement in [":load \"x.kb\"", ":import p \"t.csv\"", ":reload", ":save \"out.kb\""] {
      #expect(session.errors(statement).map(\.code) == ["E529"], "\(statement)")
    }
    #expect(session.stateDump().hasPrefix("2 2 1 2"))
  }

  @Test func setMayLowerTheLimitsButNotRaiseThem() {
    let session = Self.serverSession()
    #expect(session.errors(":set max_facts 5000").map(\.code) == ["E513"])
    #expect(session.errors(":set timeout 0").map(\.code) == ["E513"])
    #expect(session.errors(":set timeout 60").map(\.code) == ["E513"])
    session.succeed(":set max_facts 10")
    session.succeed(":set timeout 1.5")
    #expect(session.budget.maximumDerivedFacts == 10)
    #expect(session.budget.timeLimit == 1.5)
  }

  @Test func graphAnswersWithThePictureInsteadOfWritingAFile() throws {
    let session = Self.serverSession()
    for statement in [":graph deps \"deps.dot\"", ":graph deps"] {
      let outputs = session.execute(input: statement)
      guard case .picture(let picture)? = outputs.first else {
        Issue.record("\(statement): \(outputs)")
        continue
      }
      #expect(picture.format == .dot)
      #expect(picture.text.contains("digraph"))
    }
    session.drawSVG = { dot in "<svg>\(dot.count)</svg>" }
    let outputs = session.execute(input: ":graph why path(1, X).")
    guard case .picture(let picture)? = outputs.first else {
      Issue.record("why: \(outputs)")
      return
    }
    #expect(picture.format == .svg)
  }

  @Test func statementsComeBackOneResultEach() {
    let session = Self.serverSession()
    let results = session.run(statements: "edge(1, X).\n:assert edge(3, 4).\n\nnope(X).", name: "input")
    #expect(results.map(\.line) == [1, 2, 4])
    #expect(results.map(\.text) == ["edge(1, X).", ":assert edge(3, 4).", "nope(X)."])
    #expect(results[2].outputs.first?.isError == true)
    let rendered = OutputRenderer(format: .json, sources: session.sources).render(results[2].outputs[0]).stdout
    #expect(rendered.hasPrefix("{\"error\": \"input:4:1: error: unknown predicate 'nope/1'"))
  }
}
