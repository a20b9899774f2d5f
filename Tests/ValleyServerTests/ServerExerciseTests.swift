import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ValleyEngine
import ValleyExercises
import ValleyTestSupport

@testable import ValleyServer

/// Exercises through the server: checking, progress, the teacher's view, durable state.
@Suite(.serialized) struct ServerExerciseTests {
  static let knowledge = TestPackage.root + "/Knowledge"
  static let beginner = TestPackage.root + "/Queries/exercises/beginner.q"
  static let snapshot: KnowledgeSnapshot = {
    let session = Session()
    _ = session.loadKnowledgeDirectory(knowledge, displayName: "Knowledge")
    return session.snapshot()
  }()

  static func server(state: String) throws -> ClassroomServer {
    var configuration = ServerConfiguration()
    configuration.exerciseFiles = [beginner]
    configuration.stateFolder = state
    configuration.teacherToken = "teacher-secret"
    return try ClassroomServer(
      configuration: configuration, snapshot: snapshot,
      exerciseBase: .folder(path: knowledge, displayName: "Knowledge"))
  }

  static func check(_ client: some TestClientProtocol, _ token: String, _ exercise: String, _ answer: String)
    async throws -> (status: HTTPResponse.Status, body: String, correct: Bool?)
  {
    var headers = ServerAPITests.json
    headers[.authorization] = "Bearer \(token)"
    let body = try JSONSerialization.data(withJSONObject: ["answer": answer])
    let response = try await client.execute(
      uri: "/api/exercises/beginner/\(exercise)/check", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    let text = String(buffer: response.body)
    let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    return (response.status, text, object?["correct"] as? Bool)
  }

  @Test func studentsCheckAnswersAndTheTeacherSeesEveryAttempt() async throws {
    let state = try TemporaryFolder()
    defer { state.remove() }
    let seen = try await Self.server(state: state.path).application().test(.router) { client -> String in
      var seen = ""
      let catalogue = try await client.execute(uri: "/api/exercises", method: .get)
      seen += String(buffer: catalogue.body)
      #expect(seen.contains(#""id": "b2""#) && seen.contains("Limiting factors"))
      let ada = try await ServerAPITests.newSession(client, name: "Ada")
      let bob = try await ServerAPITests.newSession(client, name: "=Bob, the 1st")
      let wrong = try await Self.check(client, ada, "b2", "factor(F, success).")
      #expect(wrong.correct == false)
      #expect(wrong.body.contains("Not yet"))
      let right = try await Self.check(client, ada, "b2", ":assert mine(x).\nfactor(F, limiting).")
      #expect(right.correct == true, "\(right.body)")
      let broken = try await Self.check(client, bob, "b1", "factor(F, success")
      #expect(broken.correct == false)
      #expect(broken.body.contains("does not run"))
      let unknown = try await Self.check(client, bob, "nope", "x.")
      #expect(unknown.status == .notFound)
      seen += wrong.body + right.body + broken.body

      var headers = ServerAPITests.json
      headers[.authorization] = "Bearer \(ada)"
      let progress = String(buffer: try await client.execute(uri: "/api/progress", method: .get, headers: headers).body)
      #expect(progress.contains(#""set": "beginner", "id": "b2", "attempts": 2, "solved": true"#), "\(progress)")
      #expect(!progress.contains("b1"))

      let refused = try await client.execute(uri: "/api/teacher/progress", method: .get, headers: headers)
      #expect(refused.status == .unauthorized)
      let teacher: HTTPFields = [.authorization: "Bearer teacher-secret"]
      let table = String(
        buffer: try await client.execute(uri: "/api/teacher/progress", method: .get, headers: teacher).body)
      #expect(table.contains(#""name": "Ada""#) && table.contains(#""name": "=Bob, the 1st""#))
      let csv = String(
        buffer: try await client.execute(uri: "/api/teacher/progress.csv", method: .get, headers: teacher).body)
      // A name a spreadsheet would read as a formula is defused, and commas are quoted.
      #expect(csv.contains("\r\n\"'=Bob, the 1st\",beginner,b1,1,false,20"), "\(csv)")
      #expect(csv.hasPrefix("name,set,id,attempts,solved,when\r\n") && csv.contains("\r\nAda,beginner,b2,2,true,20"))
      return seen
    }
    // Nothing a student received holds a solution that the prompts and hints do not show.
    for solution in ["factor(F, limiting)", "located_in(X, ansan)", "hinders(F, city_growth)"] {
      #expect(!seen.contains(solution), "\(solution) leaked")
    }
  }

  @Test func theStateFolderIsOneServersAndSurvivesARestart() async throws {
    let state = try TemporaryFolder()
    defer { state.remove() }
    do {
      let first = try Self.server(state: state.path)
      #expect(throws: StartFailure.self) { _ = try Self.server(state: state.path) }
      try await first.application().test(.router) { client in
        let token = try await ServerAPITests.newSession(client, name: "Cy")
        #expect(try await Self.check(client, token, "b1", "factor(F, success).").correct == true)
      }
      first.releaseState()
    }
    // The first server is gone: a new one opens the folder and still has the attempt.
    try await Self.server(state: state.path).application().test(.router) { client in
      let teacher: HTTPFields = [.authorization: "Bearer teacher-secret"]
      let csv = String(
        buffer: try await client.execute(uri: "/api/teacher/progress.csv", method: .get, headers: teacher).body)
      #expect(csv.contains("Cy,beginner,b1,1,true,"), "\(csv)")
    }
  }

  @Test func partialCreditAndWhyNotHintsReachTheStudentAndTheTeacher() async throws {
    let state = try TemporaryFolder()
    defer { state.remove() }
    let file = state.path + "/partly.q"
    try """
    @exercise s1 "Limits, partly"
    @prompt "List the limiting factors."
    @hint "Use factor/2."
    @credit partial
    @reveal whynot
    @solution
    factor(F, limiting).
    """.write(toFile: file, atomically: true, encoding: .utf8)
    var configuration = ServerConfiguration()
    configuration.exerciseFiles = [file]
    configuration.stateFolder = state.path + "/state"
    configuration.teacherToken = "teacher-secret"
    let server = try ClassroomServer(
      configuration: configuration, snapshot: Self.snapshot,
      exerciseBase: .folder(path: Self.knowledge, displayName: "Knowledge"))
    try await server.application().test(.router) { client in
      let catalogue = String(buffer: try await client.execute(uri: "/api/exercises", method: .get).body)
      #expect(catalogue.contains(#""partial_credit": true"#))
      let token = try await ServerAPITests.newSession(client, name: "Dee")
      var headers = ServerAPITests.json
      headers[.authorization] = "Bearer \(token)"
      let body = try JSONSerialization.data(withJSONObject: ["answer": "factor(F, limiting), F != crime_image."])
      let response = try await client.execute(
        uri: "/api/exercises/partly/s1/check", method: .post, headers: headers, body: ByteBuffer(bytes: body))
      let verdict = try #require(
        try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
      #expect(verdict["correct"] as? Bool == false)
      let score = try #require(verdict["score"] as? Double)
      #expect(score > 0.5 && score < 1)
      let feedback = try #require(verdict["feedback"] as? String)
      #expect(feedback.hasPrefix("Not yet: 1 missing, 0 extra (score "), "\(feedback)")
      #expect(
        feedback.contains("your query does not give F = crime_image: it fails at crime_image != crime_image"),
        "\(feedback)")

      let progress = String(buffer: try await client.execute(uri: "/api/progress", method: .get, headers: headers).body)
      #expect(progress.contains(#""score": "#), "\(progress)")
      let teacher: HTTPFields = [.authorization: "Bearer teacher-secret"]
      let table = String(
        buffer: try await client.execute(uri: "/api/teacher/progress", method: .get, headers: teacher).body)
      #expect(table.contains(#""partial_credit": true"#) && table.contains(#""score": "#))
      let plain = String(
        buffer: try await client.execute(uri: "/api/teacher/progress.csv", method: .get, headers: teacher).body)
      #expect(plain.hasPrefix("name,set,id,attempts,solved,when\r\nDee,partly,s1,1,false,"), "\(plain)")
      let scored = String(
        buffer: try await client.execute(
          uri: "/api/teacher/progress.csv?with=score", method: .get, headers: teacher
        ).body)
      #expect(scored.hasPrefix("name,set,id,attempts,solved,when,score\r\nDee,partly,s1,1,false,"), "\(scored)")
      #expect(scored.hasSuffix(",\(CheckResult.decimal(hundredths: CheckResult.hundredths(score)))\r\n"), "\(scored)")
    }
    server.releaseState()
  }
}
