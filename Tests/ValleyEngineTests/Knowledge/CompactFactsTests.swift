import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// A load that keeps constant facts compactly (``Syntax/CompactFacts``, what a session does)
/// must give exactly what a load over every clause's syntax gives: the same catalog, stored
/// rows in the same order with the same origins, the same model and the same diagnostics.
@Suite struct CompactFactsTests {
  /// What a load left, written out so that two loads (with different value pools) compare.
  struct Outcome: Equatable {
    var loaded: [String]
    var diagnostics: [Diagnostic]
    var catalog: [String]
    var stored: [String]
    var model: [String]
  }

  static func load(_ files: [String: String], compact: Bool) -> Outcome {
    let pool = ValuePool()
    var loader = KnowledgeLoader(
      loader: MemoryLoader(files: MemoryFiles(files)), workingDirectory: nil, pool: pool,
      budget: EvaluationBudget(maximumDerivedFacts: 100_000, timeLimit: 10), sources: SourceRegistry())
    loader.compactFacts = compact
    var kb = KnowledgeBase()
    let names = files.keys.filter { $0.hasSuffix(".kb") }.sorted()
    let (loaded, diagnostics) = loader.load(
      names.map { KnowledgeLoader.File(path: $0, displayName: $0) }, into: &kb)
    var outcome = Outcome(
      loaded: loaded.map { "\($0.name) \($0.facts) \($0.rules)" }, diagnostics: diagnostics, catalog: [],
      stored: [], model: [])
    guard !diagnostics.contains(where: { $0.severity == .error }) else { return outcome }
    func text(_ ids: [UInt32]) -> String { ids.map { "\(pool[$0])" }.joined(separator: ", ") }
    for p in 0..<kb.catalog.count {
      let info = kb.catalog[p]
      outcome.catalog.append("\(info.name)/\(info.arity) \(info.firstSeen)")
      let relation = kb.base.relations[p]
      for r in 0..<relation.count {
        let origin = kb.origins[p][r]
        outcome.stored.append(
          "\(info.name)(\(text(relation.row(r)))) \(origin.unit) \(origin.span) \(origin.source ?? "-") \(origin.note ?? "-")"
        )
      }
      outcome.model += kb.model.relations[p].rows.map { "\(info.name)(\(text($0)))" }.sorted()
    }
    return outcome
  }

  /// A small deterministic generator (the tests must not depend on a seed of the system's).
  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    mutating func pick(_ choices: [String]) -> String { choices[next(choices.count)] }
  }

  static func constant(_ g: inout Generator) -> String {
    switch g.next(9) {
    case 0: return "\(g.next(1000) - 500)"
    case 1: return "-\(g.next(100))"
    case 2: return "\(g.next(100)).\(g.next(100))"
    case 3: return "-\(g.next(10)).5"
    case 4: return g.pick(["\"서울\"", "\"a b\"", "\"Zed\"", "\"\"", "서울", "\"it\\\"s\""])
    case 5: return g.pick(["alice", "bob", "count", "mod", "not", "c_3"])
    case 6: return "(\(g.next(9)))"
    case 7:
      return g.pick([
        "- \(g.next(9))", "-9223372036854775808", "9223372036854775807", "1.5e3", "-2E-2", "- 0.0",
        // Either side of the largest integer a value pool holds in its identifier.
        "2147483646", "2147483647", "-2147483646", "4294967295", "0",
      ])
    default: return "\(g.next(20))"
    }
  }

  static func file(_ g: inout Generator, lines: Int, errorLine: Int?) -> String {
    let predicates = [("edge", 2), ("node", 1), ("flag", 0), ("w", 3), ("edge", 3), ("node", 2)]
    var text = ""
    for line in 0..<lines {
      if line == errorLine {
        text += g.pick([
          "edge(1, .\n", "node(X.\n", "? q.\n", "edge(99999999999999999999, 1).\n", "node(9223372036854775808).\n",
          "edge(f(1), 2).\n", "node(count).\nnode(--1).\n", "edge(1, 2)\n",
        ])
        continue
      }
      switch g.next(20) {
      case 0: text += "@source \"\(g.pick(["census", "서울 시청", "a"]))\"\n"
      case 1: text += "@note \"\(g.pick(["checked", "노트"]))\"\n"
      case 2: text += "reach(X, Y) :- edge(X, Y).\n"
      case 3: text += "big(X) :- node(X), X > 3.\n"
      case 4: text += "w(1, 2, -(3)).\n"
      case 5 where g.next(40) == 0: text += "node(X, Y) :- edge(X, Y).\n"
      default:
        // Mostly the first four predicates; now and then one used with another arity.
        let (name, arity) = predicates[g.next(g.next(150) == 0 ? 6 : 4)]
        let arguments = (0..<arity).map { _ in constant(&g) }
        text += arity == 0 ? "\(name).\n" : "\(name)(\(arguments.joined(separator: ", "))).\n"
        if g.next(10) == 0 { text += arity == 0 ? "\(name).\n" : "\(name)(\(arguments.joined(separator: ",")))  .\n" }
        // An atom not followed straight by its period (its span is kept apart).
        if g.next(25) == 0 {
          let rest = String(repeating: ", 1", count: max(arity - 1, 0))
          text += arity == 0 ? "\(name) /* c */ .\n" : "\(name)(\(arguments[0])\(rest)) % c\n.\n"
        }
      }
    }
    return text
  }

  @Test func generatedFilesLoadAlikeWithAndWithoutCompactFacts() {
    var g = Generator(state: 20)
    var failures = 0
    var clean = 0
    var arityErrors = 0
    for round in 0..<300 {
      var files: [String: String] = [:]
      let count = 1 + g.next(3)
      for k in 0..<count {
        let lines = 1 + g.next(60)
        files["f\(k).kb"] = Self.file(&g, lines: lines, errorLine: g.next(10) == 0 ? g.next(lines) : nil)
      }
      if g.next(5) == 0 { files["f0.kb", default: ""] += "@import table \"t.csv\"\n" }
      files["t.csv"] = "a,b\n1,x\n2,\"서울\"\n1,x\n"
      let full = Self.load(files, compact: false)
      let compact = Self.load(files, compact: true)
      if !full.stored.isEmpty { clean += 1 }
      if full.diagnostics.contains(where: { $0.code == "E201" }) { arityErrors += 1 }
      if full != compact {
        failures += 1
        if failures <= 3 { Issue.record("round \(round) differs:\n\(files)\n\(full)\n\(compact)") }
      }
    }
    #expect(failures == 0)
    // The generator makes both clean loads and arity errors.
    #expect(clean > 100 && arityErrors > 30, "\(clean) clean, \(arityErrors) with arity errors")
  }

  @Test func anArityErrorPointsAtTheFirstUseWhetherRuleOrFact() {
    let files = [
      "a.kb": "p(X) :- q(X).\nq(1).\np(1, 2).\np(3, 4).\nr(1).\nr(1, 2).\n",
      "b.kb": "s(1, 2).\ns(3).\ns(X) :- q(X).\n",
    ]
    let compact = Self.load(files, compact: true)
    #expect(compact == Self.load(files, compact: false))
    #expect(compact.diagnostics.filter { $0.code == "E201" }.count == 5)
  }
}
