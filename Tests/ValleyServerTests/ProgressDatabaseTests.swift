import Foundation
import Testing
import ValleyTestSupport

@testable import ValleyServer

/// The progress database's schema: best scores, and a state folder from the first release
/// (attempts without scores) opened by this one.
@Suite struct ProgressDatabaseTests {
  @Test func bestScoreIsKeptPerExercise() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let database = try ProgressDatabase(folder: folder.path)
    defer { database.close() }
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    try database.record(student: "Ann", set: "s", exercise: "p", correct: false, score: 40, at: now)
    try database.record(student: "Ann", set: "s", exercise: "p", correct: false, score: 75, at: now)
    try database.record(student: "Ann", set: "s", exercise: "p", correct: false, score: 10, at: now)
    try database.record(student: "Ann", set: "s", exercise: "q", correct: true, at: now)
    let rows = try database.progress(of: "Ann").map(\.row)
    #expect(rows.map(\.bestScore) == [75, nil])
    #expect(rows.map(\.attempts) == [3, 1])
  }

  @Test func aFirstReleaseDatabaseIsUpgradedAndKeepsItsAttempts() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // The schema of the first release, made by Python's sqlite3 (no score column, version 0).
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = [
      "python3", "-c",
      """
      import sqlite3, sys
      db = sqlite3.connect(sys.argv[1])
      db.executescript('''
        CREATE TABLE attempts (number INTEGER PRIMARY KEY, student TEXT NOT NULL,
          exercise_set TEXT NOT NULL, exercise TEXT NOT NULL, correct INTEGER NOT NULL, at TEXT NOT NULL);
        INSERT INTO attempts (student, exercise_set, exercise, correct, at)
          VALUES ('Old', 'beginner', 'b1', 1, '2026-12-01T10:00:00Z');
      ''')
      db.commit()
      """,
      folder.path + "/classroom.sqlite",
    ]
    try python.run()
    python.waitUntilExit()
    #expect(python.terminationStatus == 0)
    for _ in 0..<2 {  // the second opening finds the upgraded schema
      let database = try ProgressDatabase(folder: folder.path)
      let old = try database.progress(of: "Old").map(\.row)
      #expect(old.first?.solved == true && old.first?.bestScore == nil && old.count == 1)
      try database.record(student: "New", set: "s", exercise: "p", correct: false, score: 50, at: Date())
      #expect(try database.progress(of: "New").first?.row.bestScore == 50)
      database.close()
    }
  }
}
