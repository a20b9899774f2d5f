import Testing
import ValleyTestSupport

@testable import ValleyEngine

@Suite struct LoweringTests {
  // MARK: Arity

  @Test func arityMismatchBetweenFactsNamesBothPlaces() throws {
    let (session, diagnostics) = loadDiagnostics("f(a, b).\ng(1).\nf(a, b, c).")
    let error = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(error.code == "E201")
    #expect(error.message == "'f' is used with 3 arguments here, but with 2 elsewhere")
    #expect(session.text(of: error.span) == "f(a, b, c)")
    #expect(session.line(of: error.span) == 3)
    let note = try #require(error.notes.first)
    #expect(note.message == "'f/2' is first used here")
    #expect(session.text(of: note.span) == "f(a, b)")
    #expect(session.line(of: note.span) == 1)
  }

  @Test func arityMismatchInARuleBodyNamesBothPlaces() throws {
    let (session, diagnostics) = loadDiagnostics("f(a, b).\np(X) :- f(X).")
    let error = try #require(diagnostics.first)
    #expect(error.code == "E201")
    #expect(error.message == "'f' is used with 1 argument here, but with 2 elsewhere")
    #expect(session.text(of: error.span) == "f(X)")
    #expect(session.text(of: error.notes.first?.span) == "f(a, b)")
  }

  @Test func arityMismatchWithADeclarationPointsAtTheDeclaration() throws {
    let (session, diagnostics) = loadDiagnostics("@pred f(x, y) \"Two columns.\"\nf(a).")
    let error = try #require(diagnostics.first)
    #expect(error.code == "E201")
    #expect(session.text(of: error.notes.first?.span) == "@pred f(x, y) \"Two columns.\"")
  }

  @Test func arityMismatchInAQueryIsAnError() throws {
    let session = Session.loaded("f(a, b).")
    let error = try #require(session.errors("?- f(X).").first)
    #expect(error.code == "E201")
    #expect(error.notes.count == 1)
  }

  @Test func arityMismatchAcrossFilesNamesTheOtherFile() throws {
    let (session, _) = Session.inMemory(["one.kb": "f(a, b).", "two.kb": "f(a)."])
    let errors = session.errors(in: session.loadKnowledgeFiles(["one.kb", "two.kb"]))
    let error = try #require(errors.first)
    #expect(error.code == "E201")
    let note = try #require(error.notes.first?.span)
    #expect(session.sources.file(note.file)?.name == "one.kb")
  }

  @Test func zeroArityAndUnaryAreDifferentArities() throws {
    let (_, diagnostics) = loadDiagnostics("raining.\nraining(today).")
    #expect(diagnostics.map(\.code) == ["E201"])
  }

  // MARK: Unknown predicates

  @Test func unknownPredicateInABodySuggestsAKnownName() throws {
    let (session, diagnostics) = loadDiagnostics(
      "factor(networking, success).\nsuccess(F) :- factr(F, success).")
    let error = try #require(diagnostics.first)
    #expect(error.code == "E202")
    #expect(error.message == "unknown predicate 'factr/2'")
    #expect(error.help == "did you mean 'factor'?")
    #expect(session.text(of: error.span) == "factr")
  }

  @Test func unknownPredicateInAQuerySuggestsAKnownName() throws {
    let session = Session.loaded("factor(networking, success).")
    let error = try #require(session.errors("?- factors(F, K).").first)
    #expect(error.code == "E202")
    #expect(error.help == "did you mean 'factor'?")
  }

  @Test func unknownPredicateFarFromEveryNameGetsGeneralHelp() throws {
    let session = Session.loaded("factor(networking, success).")
    let error = try #require(session.errors("?- weather(W).").first)
    #expect(error.code == "E202")
    #expect(error.help?.contains(":preds") == true)
  }

  @Test func unknownPredicateInsideAnAggregateIsReported() throws {
    let (_, diagnostics) = loadDiagnostics("q(1).\np(N) :- N = count { X : qq(X) }.")
    #expect(diagnostics.map(\.code) == ["E202"])
  }

  @Test func everyUnknownPredicateIsReported() throws {
    let (_, diagnostics) = loadDiagnostics("q(1).\np(X) :- a(X), b(X).\nr(X) :- c(X).")
    #expect(diagnostics.map(\.code) == ["E202", "E202", "E202"])
  }

  // MARK: Declarations

  @Test func duplicateDeclarationIsAnError() throws {
    let (session, diagnostics) = loadDiagnostics(
      "@pred f(x) \"First.\"\nf(1).\n@pred f(x) \"Second.\"\n")
    let error = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(error.code == "E204")
    #expect(error.message == "predicate 'f' is declared twice")
    #expect(session.line(of: error.span) == 3)
    let note = try #require(error.notes.first)
    #expect(note.message == "first declared here")
    #expect(session.line(of: note.span) == 1)
  }

  @Test func declarationAcrossFilesIsADuplicate() throws {
    let (session, _) = Session.inMemory(["a.kb": "@pred f(x)\n", "b.kb": "@pred f(x)\n"])
    let errors = session.errors(in: session.loadKnowledgeFiles(["a.kb", "b.kb"]))
    #expect(errors.map(\.code) == ["E204"])
  }

  @Test func declaredPredicateIsKnownWithoutClauses() throws {
    let session = Session.loaded("@pred lacks(city, amenity) \"What a city lacks.\"\n")
    let table = try session.table("?- lacks(C, A).")
    #expect(table.variables == ["C", "A"])
    #expect(table.rows.isEmpty)
  }

  @Test func declaredColumnsNameTheColumns() throws {
    let session = Session.loaded(
      "@pred lacks(city, amenity) \"What a city lacks.\"\nlacks(ansan, parks).")
    let listing = session.execute(input: ":list lacks")
    guard case .text(let text)? = listing.first else {
      Issue.record("no listing: \(listing)")
      return
    }
    #expect(text.hasPrefix("@pred lacks(city, amenity) \"What a city lacks.\""))
  }
}
