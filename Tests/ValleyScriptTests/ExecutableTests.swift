import Foundation
import Testing
import ValleyEngine
import ValleyTestSupport

/// End-to-end runs of the built `valley` binary.
///
/// They cover argv, exit statuses, standard input that is not a terminal, and the JSON Lines
/// format. Everything else is tested in-process.
@Suite struct ExecutableTests {
  @Test func versionPrintsTheVersion() throws {
    let result = try ValleyProcess.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == ValleyVersion.string + "\n")
  }

  @Test func helpExitsZeroAndNamesTheRunSubcommand() throws {
    let result = try ValleyProcess.run(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("run"))
  }

  @Test(arguments: [
    ["--no-such-option"],
    ["run"],
    ["run", "--format", "xml", "script.q"],
    ["--empty", "extra.kb"],
    ["run", "--max-facts", "0", "script.q"],
    ["run", "--timeout", "-1", "script.q"],
  ])
  func usageErrorsExitTwo(arguments: [String]) throws {
    let result = try ValleyProcess.run(arguments)
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("Usage"))
  }

  @Test func validScriptExitsZero() throws {
    let folder = try TemporaryFolder(["script.q": ":assert p(1).\np(X).\n"])
    let script = folder.path("script.q")
    let result = try ValleyProcess.run(["run", "--empty", script])
    #expect(result.status == 0)
    #expect(result.stdout.contains("1 answer"))
    #expect(result.stderr.isEmpty)
  }

  @Test func failingStatementExitsOneAndTheOthersStillRun() throws {
    let folder = try TemporaryFolder(["script.q": ":assert p(1).\nq(X).\np(X).\n"])
    let script = folder.path("script.q")
    let result = try ValleyProcess.run(["run", "--empty", script])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(script):2:1"))
    #expect(result.stdout.contains("1 answer"))
  }

  @Test func maxFactsFlagCapsEvaluation() throws {
    let folder = try TemporaryFolder(["script.q": ":assert n(0).\n:assert n(Y) :- n(X), Y = X + 1.\nn(0).\n"])
    let script = folder.path("script.q")
    let result = try ValleyProcess.run(["run", "--empty", "--max-facts", "500", script])
    #expect(result.status == 1)
    #expect(result.stderr.contains("after 500 derived facts: 'n' kept growing"))
    #expect(result.stdout.contains("true."))
  }

  @Test func missingScriptIsReportedAndExitsOne() throws {
    let folder = try TemporaryFolder()
    let missing = folder.path("missing.q")
    let result = try ValleyProcess.run(["run", "--empty", missing])
    #expect(result.status == 1)
    #expect(result.stderr.contains(missing))
  }

  @Test func quitEndsTheScript() throws {
    let folder = try TemporaryFolder(["script.q": ":assert p(1).\n:quit\nno_such_predicate(X).\n"])
    let script = folder.path("script.q")
    let result = try ValleyProcess.run(["run", "--empty", script])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
  }

  @Test func pipedScriptRunsAsValleyRun() throws {
    let folder = try TemporaryFolder(["script.q": ":assert p(2).\n:assert p(1).\np(X).\np(3).\n"])
    let script = folder.path("script.q")
    let piped = try ValleyProcess.run(["--empty"], standardInput: script)
    let run = try ValleyProcess.run(["run", "--empty", script])
    #expect(piped.status == 0)
    #expect(piped.stdout == run.stdout)
    #expect(piped.stdout.contains("2 answers"))
    #expect(!piped.stdout.contains("?-"))  // no prompt and no echo
  }

  @Test func runDashReadsStandardInput() throws {
    let folder = try TemporaryFolder(["script.q": ":assert p(1).\nq(X).\n"])
    let script = folder.path("script.q")
    let result = try ValleyProcess.run(["run", "--empty", "-"], standardInput: script)
    #expect(result.status == 1)
    #expect(result.stderr.contains("<stdin>:2:1"))
  }

  @Test func jsonFormatPrintsOneObjectPerLine() throws {
    let folder = try TemporaryFolder(["script.q": ":assert p(1).\n:assert p(x).\np(X).\np(1).\nq(X).\n"])
    let script = folder.path("script.q")
    let result = try ValleyProcess.run(["run", "--empty", "--format", "json", script])
    #expect(result.status == 1)
    let objects = try result.stdout.split(separator: "\n").map { line in
      try #require(
        JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
    }
    let answers = objects.filter { $0["rows"] != nil }
    #expect(answers.count == 2)
    let open = try #require(answers.first)
    #expect(open["vars"] as? [String] == ["X"])
    let rows = try #require(open["rows"] as? [[Any]])
    #expect(rows.count == 2)
    #expect(rows.first?.first as? Int == 1)
    #expect(rows.last?.first as? String == "x")
    let ground = try #require(answers.last)
    #expect(ground["vars"] as? [String] == [])
    #expect((ground["rows"] as? [[Any]])?.count == 1)
    let error = try #require(objects.first { $0["error"] != nil })
    #expect(error["line"] as? Int == 5)
    #expect((error["error"] as? String)?.contains("\(script):5:1") == true)
  }

  @Test func bundledKnowledgeBaseLoads() throws {
    let folder = try TemporaryFolder(["script.q": ":assert p(1).\np(X).\n"])
    let script = folder.path("script.q")
    let result = try ValleyProcess.run(["run", script])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
  }
}
