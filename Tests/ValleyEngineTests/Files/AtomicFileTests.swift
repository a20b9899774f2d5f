import Foundation
import Testing
import ValleyEngine
import ValleyTestSupport

/// Replacing files all at once: the new contents or the old, and never a temporary file left.
@Suite struct AtomicFileTests {
  @Test func writeCreatesThenReplacesAndLeavesNoTemporaryFile() throws {
    let folder = try TemporaryFolder()
    let file = AtomicFile(folder.path("a.kb"))
    #expect(file.temporaryPath.hasPrefix(folder.path + "/.valley-tmp-"))
    #expect(throws: Never.self) { try file.write("p(1).\n").get() }
    #expect(throws: Never.self) { try file.write("p(2).\n").get() }
    #expect(try String(contentsOfFile: folder.path("a.kb"), encoding: .utf8) == "p(2).\n")
    #expect(try folder.entries() == ["a.kb"])
  }

  @Test func aFolderAsTheTargetIsRefusedBeforeAnythingIsWritten() throws {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(atPath: folder.path("d"), withIntermediateDirectories: false)
    let failure = try #require(problem(in: AtomicFile(folder.path("d")).write("x")))
    #expect(failure.step == .target)
    #expect(LoadFailure(failure) == .isDirectory)
    #expect(try folder.entries() == ["d"])
  }

  @Test func aMissingFolderIsReported() throws {
    let folder = try TemporaryFolder()
    let failure = try #require(problem(in: AtomicFile(folder.path("none/a.kb")).write("x")))
    #expect(failure.step == .folder)
    #expect(LoadFailure(failure) == .notFound)
  }

  @Test func aFailedCreateKeepsTheOldFileAndWhatWasInTheWay() throws {
    let folder = try TemporaryFolder(["a.kb": "old\n"])
    // A folder where the temporary file should go: creating it fails, even for root.
    try FileManager.default.createDirectory(atPath: folder.path("a.kb.tmp"), withIntermediateDirectories: false)
    let file = AtomicFile(folder.path("a.kb"), temporaryPath: folder.path("a.kb.tmp"))
    let failure = try #require(problem(in: file.write("new\n")))
    #expect(failure.step == .create)
    #expect(failure.reason == String(cString: strerror(EISDIR)))
    #expect(try String(contentsOfFile: folder.path("a.kb"), encoding: .utf8) == "old\n")
    #expect(try folder.entries() == ["a.kb", "a.kb.tmp"])
  }

  @Test func commitMovesAnotherProgramsFileIntoPlace() throws {
    let folder = try TemporaryFolder(["a.svg": "old"])
    let file = AtomicFile(folder.path("a.svg"))
    try "new".write(toFile: file.temporaryPath, atomically: false, encoding: .utf8)
    #expect(throws: Never.self) { try file.commit().get() }
    #expect(try String(contentsOfFile: folder.path("a.svg"), encoding: .utf8) == "new")
    #expect(try folder.entries() == ["a.svg"])
  }

  @Test func discardAndAFailedCommitLeaveTheTargetAlone() throws {
    let folder = try TemporaryFolder(["a.svg": "old"])
    let discarded = AtomicFile(folder.path("a.svg"))
    try "half".write(toFile: discarded.temporaryPath, atomically: false, encoding: .utf8)
    discarded.discard()
    #expect(try folder.entries() == ["a.svg"])
    // Nothing was produced at the temporary path: there is nothing to move.
    let failure = try #require(problem(in: AtomicFile(folder.path("a.svg")).commit()))
    #expect(failure.step == .flush)
    #expect(try String(contentsOfFile: folder.path("a.svg"), encoding: .utf8) == "old")
  }

  private func problem(in result: Result<Void, AtomicFile.Failure>) -> AtomicFile.Failure? {
    if case .failure(let failure) = result { return failure }
    return nil
  }
}
