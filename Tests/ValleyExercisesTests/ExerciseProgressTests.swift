import Foundation
import Testing
import ValleyEngine
import ValleyTestSupport

@testable import ValleyExercises

/// Progress text and its atomic file.
@Suite struct ExerciseProgressTests {
  @Test func textRoundTrips() throws {
    var progress = ExerciseProgress()
    progress.current = "e2"
    progress.statuses["e1"] = .solved
    progress.statuses["e3"] = .skipped
    progress.hintsShown["e2"] = 2
    let text = progress.text(order: ["e1", "e2", "e3"])
    #expect(text == "valley-progress 1\ncurrent e2\ne1 solved 0\ne2 open 2\ne3 skipped 0\n")
    #expect(ExerciseProgress.parse(text) == progress)
    #expect(ExerciseProgress.parse("something else\n") == nil)
    #expect(ExerciseProgress.parse("valley-progress 1\ne1 solved many\n") == nil)
  }

  @Test func storeSavesAtomicallyAndLoads() throws {
    let scratch = try TemporaryFolder()
    defer { scratch.remove() }
    let folder = scratch.path
    let store = ProgressStore(folder: folder + "/valley/progress", exerciseFile: "/course/beginner.q")
    #expect(store.fileName.hasPrefix("beginner-"))
    #expect(store.fileName.hasSuffix(".progress"))
    guard case .none = store.load() else {
      Issue.record("expected no progress yet")
      return
    }
    var progress = ExerciseProgress()
    progress.current = "b2"
    #expect(store.save(progress.text(order: ["b1", "b2"])) == nil)
    guard case .progress(let loaded) = store.load() else {
      Issue.record("expected saved progress")
      return
    }
    #expect(loaded == progress)
    #expect(!FileManager.default.fileExists(atPath: store.path + ".tmp"))
  }

  @Test func failedSaveKeepsTheOldFile() throws {
    let scratch = try TemporaryFolder()
    defer { scratch.remove() }
    let folder = scratch.path
    let store = ProgressStore(folder: folder, exerciseFile: "/course/beginner.q")
    #expect(store.save("valley-progress 1\ncurrent b1\n") == nil)
    // A folder where the temporary file should go makes the write fail (even for root).
    try FileManager.default.createDirectory(atPath: store.path + ".tmp", withIntermediateDirectories: false)
    let problem = try #require(store.save("valley-progress 1\ncurrent b2\n"))
    #expect(problem.contains(".tmp"))
    let kept = try String(contentsOfFile: store.path, encoding: .utf8)
    #expect(kept == "valley-progress 1\ncurrent b1\n")
  }

  @Test func unreadableProgressIsReported() throws {
    let scratch = try TemporaryFolder()
    defer { scratch.remove() }
    let folder = scratch.path
    let store = ProgressStore(folder: folder, exerciseFile: "x.q")
    try "garbage".write(toFile: store.path, atomically: false, encoding: .utf8)
    guard case .unreadable = store.load() else {
      Issue.record("expected an unreadable progress file")
      return
    }
  }

  @Test func sameNameInTwoFoldersKeepsSeparateFiles() {
    let a = ProgressStore(folder: "/s", exerciseFile: "/one/beginner.q")
    let b = ProgressStore(folder: "/s", exerciseFile: "/two/beginner.q")
    #expect(a.fileName != b.fileName)
    #expect(ProgressStore(folder: "/s", exerciseFile: "/one/beginner.q").fileName == a.fileName)
  }

  @Test func defaultFolderFollowsXDG() {
    #expect(
      ProgressStore.defaultFolder(environment: ["XDG_STATE_HOME": "/state", "HOME": "/home/u"])
        == "/state/valley/progress")
    #expect(
      ProgressStore.defaultFolder(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/u"])
        == "/home/u/.local/state/valley/progress")
    #expect(ProgressStore.defaultFolder(environment: [:]) == nil)
  }
}
