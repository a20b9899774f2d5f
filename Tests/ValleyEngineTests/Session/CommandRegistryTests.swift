import Foundation
import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// The list of commands is the one source of `:help`, completion, the statement splitter and
/// the command table of docs/language.md.
@Suite struct CommandRegistryTests {
  static let languageDoc = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs/language.md")

  @Test func theLanguageReferenceListsEveryCommandAsTheRegistryDoes() throws {
    var text = try String(contentsOf: Self.languageDoc, encoding: .utf8)
    let table = Commands.markdownTable()
    let sentence = Commands.extentSentence()
    if ProcessInfo.processInfo.environment["VALLEY_RECORD_DOCS"] != nil {
      // Rewrites the section between "## 5. Commands" and the next heading.
      let start = try #require(text.range(of: "## 5. Commands\n"))
      let end = try #require(text.range(of: "\n###", range: start.upperBound..<text.endIndex))
      text.replaceSubrange(start.upperBound..<end.lowerBound, with: "\n" + sentence + "\n\n" + table + "\n")
      try text.write(to: Self.languageDoc, atomically: true, encoding: .utf8)
    }
    #expect(text.contains(table), "docs/language.md §5: run with VALLEY_RECORD_DOCS=1 to rewrite the table")
    #expect(text.contains(sentence), "docs/language.md §5: the commands that run to '.' differ")
  }

  @Test func everyCommandHasOneNameAndAWorkingExample() {
    let names = Commands.specs.flatMap { [$0.name] + $0.aliases }
    #expect(Set(names).count == names.count, "a name or alias is used twice")
    for spec in Commands.specs {
      #expect(spec.example.hasPrefix(":" + spec.name), "the example of :\(spec.name) runs another command")
      #expect(spec.usage.hasPrefix(":" + spec.name))
    }
  }

  @Test func helpAndCompletionOfferEveryCommand() {
    let (session, _) = Session.inMemory()
    let help = session.execute(input: ":help").compactMap { output -> String? in
      if case .text(let text) = output { return text }
      return nil
    }.joined()
    for spec in Commands.specs {
      #expect(help.contains(spec.usage), ":help does not list :\(spec.name)")
      #expect(session.completionWords.contains(":" + spec.name))
      #expect(session.helpTopics.contains(spec.name))
    }
  }

  @Test func clauseCommandsRunToTheirPeriodAcrossLines() {
    for spec in Commands.specs where spec.extent == .clause {
      let (session, _) = Session.inMemory()
      #expect(session.isIncomplete(":\(spec.name) p(X) :-"), ":\(spec.name) should read on to its '.'")
    }
    for spec in Commands.specs where spec.extent == .line {
      let (session, _) = Session.inMemory()
      #expect(!session.isIncomplete(":\(spec.name)"), ":\(spec.name) should end at its line's end")
    }
  }
}
