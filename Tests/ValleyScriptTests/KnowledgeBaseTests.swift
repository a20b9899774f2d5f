import Foundation
import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// The bundled knowledge base: it loads cleanly, and every clause can be traced to a source.
@Suite struct KnowledgeBaseTests {
  /// A session with Knowledge/ loaded, and what loading printed.
  static func loaded() -> (Session, [Output]) {
    let session = Session()
    session.workingDirectory = TestPackage.root
    let outputs = session.loadKnowledgeDirectory("Knowledge", displayName: "Knowledge")
    return (session, outputs)
  }

  @Test func loadsWithNoErrorOrWarning() {
    let (_, outputs) = Self.loaded()
    for output in outputs {
      if case .diagnostics(let list, _) = output {
        Issue.record("loading Knowledge/ reported \(list.map { "\($0.code) \($0.message)" })")
      }
    }
    #expect(outputs.contains { if case .text(let t) = $0 { t.hasPrefix("loaded Knowledge") } else { false } })
  }

  @Test func everyClauseHasASourceWithAClaimId() throws {
    let (session, _) = Self.loaded()
    let knowledge = session.knowledge
    var missing: [String] = []
    for (p, origins) in knowledge.origins.enumerated() {
      for origin in origins where origin.source == nil || !(origin.source.map(Self.citesClaim) ?? false) {
        missing.append("a fact of \(knowledge.catalog[p].name) at \(Self.location(origin.span, session))")
      }
    }
    for rule in knowledge.rules where rule.source == nil || !(rule.source.map(Self.citesClaim) ?? false) {
      missing.append("the rule \(rule.text) at \(Self.location(rule.span, session))")
    }
    #expect(missing.isEmpty, "clauses without an @source naming a claim id (S.., E.., F.., I..): \(missing.prefix(10))")
  }

  @Test func everyPredicateIsDeclared() {
    let (session, _) = Self.loaded()
    let catalog = session.knowledge.catalog
    let undeclared = (0..<catalog.count).filter { catalog[$0].declaredAt == nil }.map { catalog[$0].name }
    #expect(undeclared.isEmpty, "predicates without @pred: \(undeclared)")
    let undocumented = (0..<catalog.count).filter { (catalog[$0].doc ?? "").isEmpty }.map { catalog[$0].name }
    #expect(undocumented.isEmpty, "predicates without a doc line: \(undocumented)")
  }

  @Test func theThreeKeyQuestionsAnswerWithOneQueryEach() throws {
    let (session, _) = Self.loaded()
    for query in ["unaddressed_limit(F).", "why_less_favoured(Reason, Claim).", "qualified_claim(S)."] {
      let outputs = session.execute(input: query)
      let table = try #require(outputs.compactMap { if case .answers(let t) = $0 { t } else { nil } }.first)
      #expect(!table.rows.isEmpty, "\(query) has no answers")
    }
  }

  /// Whether a source text names a claim id such as S27, E43, F5 or I5.
  static func citesClaim(_ source: String) -> Bool {
    let scalars = Array(source.unicodeScalars)
    for (i, c) in scalars.enumerated() where "SEFI".unicodeScalars.contains(c) {
      let before = i == 0 ? " " : scalars[i - 1]
      guard i + 1 < scalars.count, ("0"..."9").contains(scalars[i + 1]) else { continue }
      if !before.properties.isAlphabetic { return true }
    }
    return false
  }

  static func location(_ span: SourceSpan, _ session: Session) -> String {
    guard let file = session.sources.file(span.file) else { return "?" }
    return "\(file.name):\(file.location(of: span.start).line)"
  }
}
