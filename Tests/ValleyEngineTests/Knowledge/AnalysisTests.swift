import Testing
import ValleyEngine
import ValleyTestSupport

/// The engine's entry points for editors: what a load finds (``KnowledgeAnalysis``) and what
/// the checks find in a script without running it (``ScriptAnalysis``).
@Suite struct AnalysisTests {
  @Test func syntaxErrorsDoNotStopTheChecksAndTheTreesAreKept() {
    let files = MemoryFiles([
      "k/a.kb": "@pred edge(from, to) \"An edge.\"\nedge(1, 2).\nbroken(.\n",
      "k/b.kb": "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\nodd(X) :- nothing(X).\n",
    ])
    let analysis = KnowledgeAnalysis(paths: ["k/a.kb", "k/b.kb"], loader: MemoryLoader(files: files))
    #expect(analysis.files.map(\.path) == ["k/a.kb", "k/b.kb"])
    #expect(analysis.diagnostics.map(\.code) == ["E110", "E202"])
    #expect(analysis.files[1].syntax.clauses.count == 3)
    let declaration = analysis.files[0].syntax.declarations[0]
    #expect(analysis.files[0].source.text(of: declaration.nameSpan) == "edge")
    // The catalog and the counts come from the syntax when the checks fail.
    #expect(analysis.catalog.number(of: "edge").map { analysis.catalog[$0].doc } == "An edge.")
    #expect(analysis.definitions["path"] == .init(facts: 0, rules: 2))
  }

  @Test func aCleanLoadCountsStoredFactsAndRules() {
    let files = MemoryFiles(["a.kb": "e(1, 2).\ne(1, 2).\ne(2, 3).\np(X) :- e(X, _).\n"])
    let analysis = KnowledgeAnalysis(paths: ["a.kb"], loader: MemoryLoader(files: files))
    #expect(analysis.diagnostics.isEmpty)
    #expect(analysis.definitions["e"] == .init(facts: 2, rules: 0))  // a fact stated twice is stored once
    #expect(analysis.definitions["p"] == .init(facts: 0, rules: 1))
  }

  @Test func aContextLendsPredicatesButNotItsDeclarations() {
    let files = MemoryFiles([
      "x/one.kb": "@pred e(a, b) \"edges of x\".\nshared(1).\n",
      "y/two.kb": "@pred e(a, b) \"edges of y\".\nuses(X) :- shared(X), e(X, _).\n",
    ])
    let loader = MemoryLoader(files: files)
    let context = KnowledgeAnalysis.catalog(of: ["x/one.kb", "y/two.kb"], loader: loader)
    #expect(context.number(of: "shared") != nil && context.number(of: "uses") != nil)
    let alone = KnowledgeAnalysis(paths: ["y/two.kb"], loader: loader)
    #expect(alone.diagnostics.map(\.code) == ["E202"])
    let first = KnowledgeAnalysis(paths: ["x/one.kb"], loader: loader)
    let withContext = KnowledgeAnalysis(paths: ["y/two.kb"], loader: loader, sources: first.sources, context: context)
    #expect(withContext.diagnostics.isEmpty)
    #expect(withContext.catalog.number(of: "e").map { withContext.catalog[$0].doc } == "edges of y")
    // Source ids continue the registry they were given.
    #expect(withContext.files[0].source.id != first.files[0].source.id)
  }

  @Test func scriptsAreCheckedWithoutRunning() throws {
    let knowledge = KnowledgeAnalysis(
      paths: ["a.kb"], loader: MemoryLoader(files: MemoryFiles(["a.kb": "e(1, 2).\n"])))
    var sources = knowledge.sources
    let script = sources.add(
      name: "s.q",
      text: """
        :assert new(3).
        ?- new(X), e(X, Y).
        ?- missing(X).
        :why e(1, Z).
        :load "gone.kb"
        :retract e(1, 2).
        ?- e(X, Y), W > 1.

        """)
    var asked: [String] = []
    let analysis = ScriptAnalysis(script, catalog: knowledge.catalog) { load in
      asked.append(load.path)
      return load.path == "gone.kb" ? .error(.E505, "cannot read 'gone.kb'", at: load.span) : nil
    }
    #expect(asked == ["gone.kb"])
    #expect(analysis.statements.count == 7)
    #expect(analysis.queries.count == 4)
    #expect(analysis.clauses.map(\.head.name) == ["new", "e"])
    #expect(analysis.diagnostics.map(\.code) == ["E202", "E505", "E203"])
    #expect(ScriptAnalysis.loads(in: script).map(\.path) == ["gone.kb"])
  }
}
