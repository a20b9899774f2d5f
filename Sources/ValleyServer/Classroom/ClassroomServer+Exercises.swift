import Foundation
import Hummingbird
import ValleyEngine
import ValleyExercises

/// Why a server cannot start (a state folder in use, an exercise file with errors).
public struct StartFailure: Error, CustomStringConvertible {
  /// What is wrong, for the teacher.
  public var description: String
}

/// What each exercise's session starts with before the exercise's own `@knowledge`.
public enum ExerciseBase: Sendable {
  /// Nothing.
  case nothing
  /// A folder of `.kb` files, shown under `displayName`.
  case folder(path: String, displayName: String)

  var base: BaseKnowledge {
    switch self {
    case .nothing: .nothing
    case .folder(let path, let displayName): .folder(path: path, displayName: displayName)
    }
  }
}

extension ClassroomServer {
  func exerciseRoutes(on router: Router<BasicRequestContext>) {
    router.get("/api/exercises") { _, _ in
      Self.json(.ok, exercises?.catalogueJSON() ?? #"{"sets": []}"#)
    }
    router.post("/api/exercises/:set/:id/check") { request, context in
      await check(request, set: context.parameters.get("set") ?? "", id: context.parameters.get("id") ?? "")
    }
    router.get("/api/progress") { request, _ in
      guard let live = await session(of: request) else { return Self.unauthorized() }
      guard let exercises else { return Self.json(.ok, #"{"progress": []}"#) }
      do throws(ProgressDatabase.Failure) {
        let rows = try exercises.database.progress(of: live.name).map(\.row)
        return Self.json(.ok, JSON.object([("progress", Self.progressJSON(rows))]))
      } catch {
        return Self.error(.serviceUnavailable, "progress cannot be read just now", retryAfter: 5)
      }
    }
    router.get("/api/teacher/progress") { request, _ in await teacherProgress(request, csv: false) }
    router.get("/api/teacher/progress.csv") { request, _ in await teacherProgress(request, csv: true) }
  }

  struct CheckRequest: Decodable { var answer: String }

  func check(_ request: Request, set: String, id: String) async -> Response {
    guard let live = await session(of: request) else { return Self.unauthorized() }
    guard let exercises, exercises.exists(set: set, exercise: id) else {
      return Self.error(.notFound, "there is no exercise '\(id)' in '\(set)'")
    }
    let answer: String
    switch await decoded(CheckRequest.self, from: request, example: #"{"answer": "factor(F, limiting)."}"#) {
    case .failure(let refusal): return refusal.response
    case .success(let body): answer = body.answer
    }
    guard live.tryBegin() else {
      return Self.error(.tooManyRequests, "this session is still running a statement", retryAfter: 1)
    }
    defer { live.end() }
    let student = live.name
    do throws(EvaluationPool.Busy) {
      let verdict = try await pool.run { () -> Result<ExerciseRoom.Verdict, ProgressDatabase.Failure> in
        do throws(ProgressDatabase.Failure) {
          return .success(try exercises.check(student: student, set: set, exercise: id, answer: answer))
        } catch {
          return .failure(error)
        }
      }
      switch verdict {
      case .success(let verdict):
        var fields = [("correct", verdict.correct ? "true" : "false"), ("feedback", JSON.string(verdict.feedback))]
        if let score = verdict.score { fields.append(("score", CheckResult.decimal(hundredths: score))) }
        return Self.json(.ok, JSON.object(fields))
      case .failure:
        return Self.error(.serviceUnavailable, "the attempt could not be recorded; try again", retryAfter: 5)
      }
    } catch {
      return Self.error(.tooManyRequests, "the server is busy; try again in a moment", retryAfter: 1)
    }
  }

  func teacherProgress(_ request: Request, csv: Bool) async -> Response {
    guard let token = Self.token(of: request), Self.same(token, configuration.teacherToken),
      !configuration.teacherToken.isEmpty
    else {
      return Self.error(.unauthorized, "the teacher's token is missing or wrong")
    }
    let rows: [(student: String, row: ProgressDatabase.Row)]
    do throws(ProgressDatabase.Failure) {
      rows = try exercises?.database.progress() ?? []
    } catch {
      return Self.error(.serviceUnavailable, "progress cannot be read just now", retryAfter: 5)
    }
    if csv {
      // `?with=score` adds each row's best score (all or nothing where there is no partial credit).
      let withScore = request.uri.queryParameters.get("with") == "score"
      var text = "name,set,id,attempts,solved,when" + (withScore ? ",score" : "") + "\r\n"
      for (student, row) in rows {
        var fields = [student, row.set, row.id, String(row.attempts), row.solved ? "true" : "false", row.when]
        if withScore { fields.append(CheckResult.decimal(hundredths: row.bestScore ?? (row.solved ? 100 : 0))) }
        text += fields.map(Self.csvField).joined(separator: ",") + "\r\n"
      }
      var headers = HTTPFields()
      headers[.contentType] = "text/csv; charset=utf-8"
      headers[.cacheControl] = "no-store"
      headers[.contentDisposition] = "attachment; filename=\"progress.csv\""
      return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
    var students: [(String, [ProgressDatabase.Row])] = []
    for (student, row) in rows {
      if students.last?.0 == student {
        students[students.count - 1].1.append(row)
      } else {
        students.append((student, [row]))
      }
    }
    let list = students.map { JSON.object([("name", JSON.string($0.0)), ("progress", Self.progressJSON($0.1))]) }
    return Self.json(
      .ok,
      JSON.object([
        ("students", "[" + list.joined(separator: ", ") + "]"),
        ("partial_credit", exercises?.givesPartialCredit == true ? "true" : "false"),
      ]))
  }

  static func progressJSON(_ rows: [ProgressDatabase.Row]) -> String {
    "["
      + rows.map {
        JSON.object(
          [
            ("set", JSON.string($0.set)), ("id", JSON.string($0.id)), ("attempts", String($0.attempts)),
            ("solved", $0.solved ? "true" : "false"), ("when", JSON.string($0.when)),
          ] + ($0.bestScore.map { [("score", CheckResult.decimal(hundredths: $0))] } ?? []))
      }.joined(separator: ", ") + "]"
  }

  /// RFC 4180: quote fields with a comma, a quote or a line break; a field that a spreadsheet
  /// would read as a formula gets a leading apostrophe.
  static func csvField(_ text: String) -> String {
    var field = text
    if let first = field.first, "=+-@".contains(first) { field = "'" + field }
    return CSVStyle.field(field)
  }

  /// Compares tokens in time that does not depend on where they differ.
  static func same(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for (p, q) in zip(x, y) { difference |= p ^ q }
    return difference == 0
  }
}
