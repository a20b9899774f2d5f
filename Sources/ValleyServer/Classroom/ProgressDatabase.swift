import CSQLite
import Foundation
import Glibc

/// Students' exercise attempts, in SQLite under the server's state folder.
///
/// Durable before it answers: the database is in WAL mode with `synchronous=FULL`, so an
/// attempt the server acknowledged survives `kill -9` and a power cut. One server owns a
/// state folder at a time: it holds an exclusive `flock` on `DIR/lock` for as long as it runs.
final class ProgressDatabase: @unchecked Sendable {
  /// Why the state folder cannot be used.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// One student's record on one exercise.
  struct Row: Sendable, Equatable {
    var set: String
    var id: String
    var attempts: Int
    var solved: Bool
    /// ISO 8601, UTC, of the last attempt.
    var when: String
    /// The best score, in hundredths, for an exercise that gives partial credit.
    var bestScore: Int? = nil
  }

  private let database: OpaquePointer
  private let lockDescriptor: Int32
  private let lock = NSLock()

  /// Opens (or creates) the database in `folder`, creating the folder when needed.
  init(folder: String) throws(Failure) {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw Failure(description: "cannot create the state folder '\(folder)': \(error.localizedDescription)")
    }
    let descriptor = open(folder + "/lock", O_RDWR | O_CREAT, 0o600)
    guard descriptor >= 0 else { throw Failure(description: "cannot open '\(folder)/lock'") }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      Glibc.close(descriptor)
      throw Failure(description: "another valley serve is using the state folder '\(folder)'")
    }
    var handle: OpaquePointer?
    let path = folder + "/classroom.sqlite"
    guard
      sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nil)
        == SQLITE_OK, let handle
    else {
      Glibc.close(descriptor)
      throw Failure(description: "cannot open '\(path)'")
    }
    database = handle
    lockDescriptor = descriptor
    let setup = """
      PRAGMA journal_mode=WAL;
      PRAGMA synchronous=FULL;
      PRAGMA busy_timeout=5000;
      CREATE TABLE IF NOT EXISTS attempts (
        number INTEGER PRIMARY KEY,
        student TEXT NOT NULL,
        exercise_set TEXT NOT NULL,
        exercise TEXT NOT NULL,
        correct INTEGER NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS attempts_by_student ON attempts (student, exercise_set, exercise);
      """
    // Version 1 adds each attempt's score (hundredths; NULL without partial credit).
    let upgrade = """
      BEGIN IMMEDIATE;
      ALTER TABLE attempts ADD COLUMN score INTEGER;
      PRAGMA user_version = 1;
      COMMIT;
      """
    guard sqlite3_exec(database, setup, nil, nil, nil) == SQLITE_OK,
      Self.userVersion(database) >= 1 || sqlite3_exec(database, upgrade, nil, nil, nil) == SQLITE_OK
    else {
      let message = String(cString: sqlite3_errmsg(database))
      sqlite3_close(database)
      Glibc.close(descriptor)
      throw Failure(description: "cannot prepare '\(path)': \(message)")
    }
  }

  private var closed = false

  /// The schema's version (`PRAGMA user_version`), 0 for a database of the first release.
  private static func userVersion(_ database: OpaquePointer) -> Int {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(database, "PRAGMA user_version", -1, &statement, nil) == SQLITE_OK else { return 0 }
    defer { sqlite3_finalize(statement) }
    return sqlite3_step(statement) == SQLITE_ROW ? Int(sqlite3_column_int64(statement, 0)) : 0
  }

  deinit { close() }

  /// Closes the database and gives up the state folder (also when the server stops).
  func close() {
    lock.lock()
    defer { lock.unlock() }
    guard !closed else { return }
    closed = true
    sqlite3_close(database)
    flock(lockDescriptor, LOCK_UN)
    Glibc.close(lockDescriptor)
  }

  /// Records one attempt; returns only once it is on disk.
  func record(
    student: String, set: String, exercise: String, correct: Bool, score: Int? = nil, at time: Date
  ) throws(Failure) {
    lock.lock()
    defer { lock.unlock() }
    guard !closed else { throw Failure(description: "the server is stopping") }
    let sql = "INSERT INTO attempts (student, exercise_set, exercise, correct, at, score) VALUES (?, ?, ?, ?, ?, ?)"
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else { throw failure() }
    defer { sqlite3_finalize(statement) }
    valley_sqlite3_bind_text(statement, 1, student)
    valley_sqlite3_bind_text(statement, 2, set)
    valley_sqlite3_bind_text(statement, 3, exercise)
    sqlite3_bind_int(statement, 4, correct ? 1 : 0)
    valley_sqlite3_bind_text(statement, 5, Self.iso(time))
    if let score { sqlite3_bind_int64(statement, 6, Int64(score)) } else { sqlite3_bind_null(statement, 6) }
    guard sqlite3_step(statement) == SQLITE_DONE else { throw failure() }
  }

  /// Every student's rows (or one student's), by student, set and exercise.
  func progress(of student: String? = nil) throws(Failure) -> [(student: String, row: Row)] {
    lock.lock()
    defer { lock.unlock() }
    let sql = """
      SELECT student, exercise_set, exercise, COUNT(*), MAX(correct), MAX(at), MAX(score) FROM attempts
      \(student == nil ? "" : "WHERE student = ?")
      GROUP BY student, exercise_set, exercise ORDER BY student, exercise_set, exercise
      """
    guard !closed else { throw Failure(description: "the server is stopping") }
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else { throw failure() }
    defer { sqlite3_finalize(statement) }
    if let student { valley_sqlite3_bind_text(statement, 1, student) }
    var rows: [(String, Row)] = []
    while true {
      let step = sqlite3_step(statement)
      if step == SQLITE_DONE { break }
      guard step == SQLITE_ROW else { throw failure() }
      func text(_ column: Int32) -> String { String(cString: sqlite3_column_text(statement, column)) }
      rows.append(
        (
          text(0),
          Row(
            set: text(1), id: text(2), attempts: Int(sqlite3_column_int64(statement, 3)),
            solved: sqlite3_column_int(statement, 4) != 0, when: text(5),
            bestScore: sqlite3_column_type(statement, 6) == SQLITE_NULL
              ? nil : Int(sqlite3_column_int64(statement, 6)))
        ))
    }
    return rows
  }

  private func failure() -> Failure {
    Failure(description: "the progress database failed: " + String(cString: sqlite3_errmsg(database)))
  }

  /// `2026-12-06T05:00:00Z`.
  static func iso(_ time: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: time)
  }
}
