import Foundation
import Testing
import ValleyTestSupport

/// `valley fmt` as users run it: folders, --check, standard input, errors and exit statuses.
@Suite struct FormatCommandTests {
  static let messy = "p( a ).\nq(X):-p(X).\n"
  static let tidy = "p(a).\nq(X) :- p(X).\n"

  private func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

  @Test func formatsFilesInFoldersAndLeavesOtherFilesAlone() throws {
    let folder = try TemporaryFolder(["a.kb": Self.messy, "notes.txt": Self.messy, "done.kb": Self.tidy])
    for name in ["sub", ".hidden"] {
      try FileManager.default.createDirectory(atPath: folder.path(name), withIntermediateDirectories: true)
    }
    try folder.write("sub/b.q", "?-p(X) ,q( X).\n:list  p\n")
    try folder.write(".hidden/c.kb", Self.messy)
    let result = try ValleyProcess.run(["fmt", folder.path])
    #expect(result.status == 0, "\(result.summary)")
    #expect(result.stdout.isEmpty && result.stderr.isEmpty)
    #expect(try read(folder.path("a.kb")) == Self.tidy)
    #expect(try read(folder.path("sub/b.q")) == "?- p(X), q(X).\n:list p\n")
    #expect(try read(folder.path("notes.txt")) == Self.messy)
    #expect(try read(folder.path(".hidden/c.kb")) == Self.messy)
  }

  @Test func checkListsWhatWouldChangeAndWritesNothing() throws {
    let folder = try TemporaryFolder(["a.kb": Self.messy, "b.kb": Self.tidy, "c.q": "p(X).\n"])
    let result = try ValleyProcess.run(["fmt", "--check", folder.path])
    #expect(result.status == 1)
    #expect(result.stdout == folder.path("a.kb") + "\n")
    #expect(result.stderr.isEmpty)
    #expect(try read(folder.path("a.kb")) == Self.messy)
    _ = try ValleyProcess.run(["fmt", folder.path("a.kb")])
    let again = try ValleyProcess.run(["fmt", "--check", folder.path])
    #expect(again.status == 0 && again.stdout.isEmpty, "\(again.summary)")
  }

  @Test func aSyntaxErrorIsReportedAndItsFileLeftAsItWas() throws {
    let broken = "p(a).\nq(X :- p(X).\n"
    let folder = try TemporaryFolder(["bad.kb": broken, "good.kb": Self.messy])
    let result = try ValleyProcess.run(["fmt", folder.path("bad.kb"), folder.path("good.kb")])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(folder.path("bad.kb")):2:5: error: expected"), "\(result.summary)")
    #expect(result.stderr.contains("^"))
    #expect(try read(folder.path("bad.kb")) == broken)
    #expect(try read(folder.path("good.kb")) == Self.tidy)
  }

  @Test func standardInputGoesToStandardOutput() throws {
    let result = try ValleyProcess.run(["fmt", "--kind", "q"], standardInputText: ":why  p( 1 ).\n")
    #expect(result.status == 0, "\(result.summary)")
    #expect(result.stdout == ":why p(1).\n")
    let knowledge = try ValleyProcess.run(["fmt", "-"], standardInputText: Self.messy)
    #expect(knowledge.stdout == Self.tidy)
    let check = try ValleyProcess.run(["fmt", "--check"], standardInputText: Self.messy)
    #expect(check.status == 1 && check.stdout == "<stdin>\n")
  }

  @Test func aMissingFileIsAnInputError() throws {
    let folder = try TemporaryFolder()
    for name in ["none.kb", "no-such-folder"] {
      let result = try ValleyProcess.run(["fmt", folder.path(name)])
      #expect(result.status == 1, "\(result.summary)")
      #expect(result.stderr.contains("cannot read '\(folder.path(name))': no such file"))
    }
  }

  @Test func aFileOfAnotherKindIsAUsageError() throws {
    let folder = try TemporaryFolder(["notes.txt": "p(1).\n"])
    let result = try ValleyProcess.run(["fmt", folder.path("notes.txt")])
    #expect(result.status == 2, "\(result.summary)")
    #expect(result.stderr.contains("--kind"))
    let told = try ValleyProcess.run(["fmt", "--kind", "kb", "--check", folder.path("notes.txt")])
    #expect(told.status == 0, "\(told.summary)")
  }

  @Test(arguments: [["fmt", "-", "a.kb"], ["fmt", "--kind", "csv", "a.kb"], ["fmt", "--nope"]])
  func usageErrorsExitTwo(arguments: [String]) throws {
    let result = try ValleyProcess.run(arguments)
    #expect(result.status == 2, "\(result.summary)")
    #expect(result.stdout.isEmpty)
  }

  @Test func anExecutableScriptStaysExecutable() throws {
    let folder = try TemporaryFolder(["run.q": "#!/usr/bin/env -S valley run\np( X).\n"])
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path("run.q"))
    let result = try ValleyProcess.run(["fmt", folder.path("run.q")])
    #expect(result.status == 0, "\(result.summary)")
    #expect(try read(folder.path("run.q")) == "#!/usr/bin/env -S valley run\np(X).\n")
    let mode = try FileManager.default.attributesOfItem(atPath: folder.path("run.q"))[.posixPermissions] as? Int
    #expect(mode == 0o755)
  }
}
