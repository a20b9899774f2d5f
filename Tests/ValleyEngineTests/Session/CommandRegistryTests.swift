import Foundation
import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// The list of commands is the one source of `:help`, completion, the statement splitter and
/// the command table of docs/language.md.
@Suite struct CommandRegistryTests {
  @Test func theLanguageReferenceListsEveryCommandAsTheRegistryDoes() throws {
    let section = "\n" + Commands.extentSentence() + "\n\n" + Commands.markdownTable() + "\n"
    #expect(
      try GeneratedSection.matches(section, in: "docs/language.md", after: "## 5. Commands\n", before: "\n###"),
      "docs/language.md §5: run with VALLEY_RECORD_DOCS=1 to rewrite the table")
  }

  /// A command type that is not in the list would be dead code that `:help` never shows.
  @Test func everyCommandTypeIsRegistered() throws {
    let folder = TestPackage.root + "/Sources/ValleyEngine/Session/Commands"
    var declared: [String] = []
    for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".swift") {
      let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
      for line in text.split(separator: "\n") where line.hasPrefix("struct ") && line.contains(": SessionCommand") {
        declared.append(String(line.dropFirst("struct ".count).prefix { $0 != ":" }))
      }
    }
    let registered = Commands.all.map { String(describing: $0) }
    #expect(declared.count > 20)
    #expect(Set(declared) == Set(registered), "register every command in Commands.all")
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
