import Testing
import ValleyTestSupport

@testable import ValleyEngine

@Suite struct SessionTests {
  static let links = """
    link(a, b). link(b, c).
    reachable(X, Y) :- link(X, Y).
    reachable(X, Y) :- reachable(X, Z), link(Z, Y).
    """

  // MARK: :assert and :retract

  @Test func assertThenRetractRestoresTheAnswers() throws {
    let session = Session.loaded(Self.links)
    let before = try session.answers("?- reachable(a, Y).")
    #expect(before == ["b", "c"])
    session.succeed(":assert link(c, d).")
    #expect(try session.answers("?- reachable(a, Y).") == ["b", "c", "d"])
    session.succeed(":retract link(c, d).")
    #expect(try session.answers("?- reachable(a, Y).") == before)
  }

  @Test func assertedRuleTakesPartInLaterQueries() throws {
    let session = Session.loaded(Self.links)
    session.succeed(":assert linked(X) :- link(X, _).")
    #expect(try session.answers("?- linked(X).") == ["a", "b"])
  }

  @Test func assertReportsWhatChanged() throws {
    let session = Session.loaded(Self.links)
    #expect(texts(session.execute(input: ":assert link(c, d).")) == ["asserted 1 fact"])
    #expect(
      texts(session.execute(input: ":assert link(c, d).")) == ["already known: nothing changed"])
    #expect(texts(session.execute(input: ":assert p(X) :- link(X, X).")) == ["asserted 1 rule"])
  }

  @Test func retractingAFactThatIsNotStoredIsAnError() throws {
    let session = Session.loaded(Self.links)
    let error = try #require(session.errors(":retract link(c, a).").first)
    #expect(error.code == "E510")
    #expect(error.message == "link(c, a) is not a stored fact")
    #expect(try session.answers("?- link(X, Y).") == ["a, b", "b, c"])
  }

  @Test func retractingAFactWithAnUnseenValueIsAnError() throws {
    let session = Session.loaded(Self.links)
    #expect(session.errors(":retract link(never_seen, a).").map(\.code) == ["E510"])
  }

  @Test func retractingADerivedFactIsAnError() throws {
    let session = Session.loaded(Self.links)
    #expect(session.errors(":retract reachable(a, c).").map(\.code) == ["E509"])
  }

  @Test func retractingARuleIsAnError() throws {
    let session = Session.loaded(Self.links)
    #expect(session.errors(":retract reachable(X, Y) :- link(X, Y).").map(\.code) == ["E508"])
  }

  @Test func retractingAnUnknownPredicateIsAnError() throws {
    let session = Session.loaded(Self.links)
    let error = try #require(session.errors(":retract lnk(a, b).").first)
    #expect(error.code == "E202")
    #expect(error.help == "did you mean 'link'?")
  }

  @Test func retractingALoadedFactWorks() throws {
    let session = Session.loaded(Self.links)
    session.succeed(":retract link(b, c).")
    #expect(try session.answers("?- reachable(X, Y).") == ["a, b"])
  }

  @Test func failedAssertChangesNothing() throws {
    let session = Session.loaded(Self.links)
    #expect(session.errors(":assert link(a, b, c).").map(\.code) == ["E201"])
    #expect(session.errors(":assert bad(X) :- link(X, Y), not gone(Y).").map(\.code) == ["E202"])
    #expect(session.errors(":assert bad(X) :- link(Y, Z).").map(\.code) == ["E203"])
    #expect(session.errors("?- bad(X).").map(\.code) == ["E202"])
    #expect(try session.answers("?- reachable(a, Y).") == ["b", "c"])
  }

  // MARK: Loading

  @Test func loadingIsAllOrNothingAcrossFiles() throws {
    let (session, _) = Session.inMemory([
      "good.kb": "city(ansan). city(seoul).",
      "bad.kb": "park(X) :- city(X), not lacks(X, park).",
    ])
    let errors = session.errors(in: session.loadKnowledgeFiles(["good.kb", "bad.kb"]))
    #expect(errors.map(\.code) == ["E202"])
    #expect(session.errors("?- city(X).").map(\.code) == ["E202"])
  }

  @Test func loadingWithASyntaxErrorLoadsNothing() throws {
    let (session, _) = Session.inMemory(["broken.kb": "city(ansan).\ncity(seoul\nriver(han)."])
    let errors = session.errors(in: session.loadKnowledgeFiles(["broken.kb"]))
    #expect(!errors.isEmpty)
    #expect(errors.allSatisfy { $0.code.hasPrefix("E1") })
    #expect(session.errors("?- city(X).").map(\.code) == ["E202"])
  }

  @Test func failedLoadKeepsEarlierKnowledge() throws {
    let (session, _) = Session.inMemory(["a.kb": "city(ansan).", "b.kb": "city(seoul, extra)."])
    #expect(session.errors(in: session.loadKnowledgeFiles(["a.kb"])).isEmpty)
    #expect(session.errors(":load \"b.kb\"").map(\.code) == ["E201"])
    #expect(try session.answers("?- city(X).") == ["ansan"])
  }

  @Test func missingFileIsAnError() throws {
    let (session, _) = Session.inMemory()
    #expect(session.errors(in: session.loadKnowledgeFiles(["nowhere.kb"])).map(\.code) == ["E505"])
  }

  @Test func reloadingAFileReplacesItsClauses() throws {
    let (session, files) = Session.inMemory(["city.kb": "city(ansan).\nbig(X) :- city(X)."])
    #expect(session.errors(in: session.loadKnowledgeFiles(["city.kb"])).isEmpty)
    files.contents["city.kb"] = "city(seoul)."
    #expect(session.errors(in: session.loadKnowledgeFiles(["city.kb"])).isEmpty)
    #expect(try session.answers("?- city(X).") == ["seoul"])
    let table = try session.table("?- big(X).")
    #expect(table.rows.isEmpty)
  }

  @Test func failedReloadKeepsTheOldClauses() throws {
    let (session, files) = Session.inMemory(["city.kb": "city(ansan)."])
    #expect(session.errors(in: session.loadKnowledgeFiles(["city.kb"])).isEmpty)
    files.contents["city.kb"] = "city(seoul).\ncity(busan"
    #expect(!session.errors(in: session.loadKnowledgeFiles(["city.kb"])).isEmpty)
    #expect(try session.answers("?- city(X).") == ["ansan"])
  }

  @Test func loadingAFolderLoadsItsKnowledgeFiles() throws {
    let (session, _) = Session.inMemory([
      "kb/a.kb": "city(ansan).", "kb/b.kb": "city(seoul).", "kb/notes.txt": "not valley",
    ])
    let outputs = session.loadKnowledgeDirectory("kb", displayName: "kb")
    #expect(session.errors(in: outputs).isEmpty)
    #expect(texts(outputs) == ["loaded kb (2 files): 2 facts, 0 rules"])
    #expect(try session.answers("?- city(X).") == ["ansan", "seoul"])
  }

  @Test func loadReportsCounts() throws {
    let (session, _) = Session.inMemory(["t.kb": Self.links])
    #expect(texts(session.loadKnowledgeFiles(["t.kb"])) == ["loaded t.kb: 2 facts, 2 rules"])
  }

  // MARK: Statements

  @Test func oneInputMayHoldSeveralStatements() throws {
    let session = Session()
    let outputs = session.execute(input: ":assert p(1).\n:assert p(2).\n?- p(X).\np(3).")
    #expect(outputs.count == 4)
    guard case .answers(let first) = outputs[2], case .answers(let second) = outputs[3] else {
      Issue.record("unexpected outputs \(outputs)")
      return
    }
    #expect(first.rows.count == 2)
    #expect(!second.holds)
  }

  @Test func queryMarkIsOptional() throws {
    let session = Session.loaded(Self.links)
    #expect(try session.answers("link(a, Y).") == ["b"])
  }

  @Test func failingStatementDoesNotStopTheOthers() throws {
    let session = Session()
    let outputs = session.execute(input: ":assert p(1).\n?- q(X).\n?- p(X).")
    #expect(outputs.count == 3)
    #expect(outputs[1].isError)
    guard case .answers(let table) = outputs[2] else {
      Issue.record("no answers: \(outputs)")
      return
    }
    #expect(table.rows.count == 1)
  }

  @Test func assertMaySpanLines() throws {
    let session = Session.loaded(Self.links)
    session.succeed(":assert twice(X, Z) :-\n  link(X, Y),\n  link(Y, Z).")
    #expect(try session.answers("?- twice(X, Z).") == ["a, c"])
  }

  static let incomplete: [(input: String, isIncomplete: Bool)] = [
    ("p(X) :-", true),
    ("?- link(X,", true),
    ("/* still open", true),
    (":assert p(1)", true),
    ("p(X).", false),
    (":preds", false),
    (":assert p(1).", false),
  ]

  @Test(arguments: incomplete)
  func promptKnowsWhenAStatementIsUnfinished(input: String, isIncomplete: Bool) {
    #expect(Session().isIncomplete(input) == isIncomplete)
  }

  @Test func unknownCommandSuggestsTheClosest() throws {
    let error = try #require(Session().errors(":retrat p(1).").first)
    #expect(error.code == "E501")
    #expect(error.help?.hasPrefix("did you mean ':retract'?") == true)
  }

  @Test func queryTableRecordsTheQueryText() throws {
    let session = Session.loaded(Self.links)
    let table = try session.table("?- link(a, Y).")
    #expect(table.query == "link(a, Y).")
    #expect(table.variables == ["Y"])
  }

  private func texts(_ outputs: [Output]) -> [String] {
    outputs.compactMap {
      if case .text(let text) = $0 { return text }
      return nil
    }
  }
}

@Suite struct TimingTests {
  @Test func timingLinesShowMillisecondsOfWallTime() {
    #expect(Session.timingLine(.milliseconds(75)) == "% 0.075 s")
    #expect(Session.timingLine(.seconds(12) + .milliseconds(5)) == "% 12.005 s")
    #expect(Session.timingLine(.zero) == "% 0.000 s")
  }

  @Test func timingOnFollowsEachStatementWithItsTime() {
    let session = Session.loaded("p(1). p(2).")
    session.succeed(":set timing on")
    let texts = session.execute(input: "p(X). :assert p(3).").compactMap { output -> String? in
      if case .text(let text) = output { return text }
      return nil
    }
    let times = texts.filter { $0.hasPrefix("% ") && $0.hasSuffix(" s") }
    #expect(times.count == 2, "\(texts)")
    session.succeed(":set timing off")
    let after = session.execute(input: "p(X).").contains {
      if case .text(let text) = $0 { return text.hasPrefix("% ") }
      return false
    }
    #expect(!after)
  }
}

@Suite struct OriginTableTests {
  @Test func originsComeBackAsTheyWereStored() {
    var table = OriginTable()
    let origins = (0..<1_000).map { i in
      FactOrigin(
        unit: i % 3, span: SourceSpan(file: i % 5, start: i * 10, end: i * 10 + i % 7),
        source: i % 4 == 0 ? nil : "S\(i % 4)", note: i % 10 == 0 ? "note \(i % 20)" : nil)
    }
    for origin in origins { table.append(origin) }
    #expect(table.count == origins.count)
    for (stored, original) in zip(table, origins) {
      #expect(stored.unit == original.unit)
      #expect(stored.span == original.span)
      #expect(stored.source == original.source)
      #expect(stored.note == original.note)
    }
  }

  @Test func runsAndSingleRowsMixWithTheirOwnAnnotations() {
    typealias Annotation = Syntax.Annotation
    let a = Annotation(source: "A", note: nil)
    let b = Annotation(source: "B", note: "n")
    let c = Annotation(source: nil, note: "C")
    // A run that shares a longer list of annotations (with a repeat) than its rows use.
    var table = OriginTable(
      unit: 1, file: 2, starts: [0, 10, 20, 30], lengths: [5, 5, 5, 5], annotationNumbers: [2, 0, 2, 1],
      annotations: [a, b, a, c], skipping: [1])
    // A second run: its annotations are added as they are first used.
    for (k, annotation) in [c, a, c].enumerated() {
      let number = table.add(annotation: annotation)
      table.append(unit: 3, file: 4, start: 100 + k, length: 1, annotation: number)
    }
    // Single rows look their annotation up, old or new.
    table.append(FactOrigin(unit: 5, span: SourceSpan(file: 6, start: 200, end: 201), source: "A", note: nil))
    table.append(FactOrigin(unit: 5, span: SourceSpan(file: 6, start: 300, end: 302), source: "D", note: nil))
    table.append(FactOrigin(unit: 5, span: SourceSpan(file: 6, start: 400, end: 403), source: "D", note: nil))
    let expected: [(Int, Int, Annotation)] = [
      (1, 0, a), (1, 20, a), (1, 30, b), (3, 100, c), (3, 101, a), (3, 102, c), (5, 200, a),
      (5, 300, Annotation(source: "D", note: nil)), (5, 400, Annotation(source: "D", note: nil)),
    ]
    #expect(table.count == expected.count)
    for (origin, (unit, start, annotation)) in zip(table, expected) {
      #expect(origin.unit == unit && origin.span.start == start)
      #expect(origin.source == annotation.source && origin.note == annotation.note)
    }
  }
}
