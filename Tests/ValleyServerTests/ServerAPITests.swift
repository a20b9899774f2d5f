import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ValleyEngine
import ValleyTestSupport

@testable import ValleyServer

/// The HTTP contract of ../shared/SERVE.md, through Hummingbird's in-process client.
@Suite struct ServerAPITests {
  static let knowledge = """
    edge(1, 2). edge(2, 3).
    path(X, Y) :- edge(X, Y).
    path(X, Z) :- path(X, Y), edge(Y, Z).
    """

  static func server(timeLimit: Double = 5, maximumSessions: Int = 10, body: Int = 64 * 1024) throws -> ClassroomServer
  {
    var configuration = ServerConfiguration()
    configuration.timeLimit = timeLimit
    configuration.maximumDerivedFacts = 10_000_000
    configuration.maximumSessions = maximumSessions
    configuration.maximumBodySize = body
    return try ClassroomServer(configuration: configuration, snapshot: Session.loaded(knowledge).snapshot())
  }

  static let json: HTTPFields = [.contentType: "application/json"]

  static func newSession(_ client: some TestClientProtocol, name: String = "Ada") async throws -> String {
    let response = try await client.execute(
      uri: "/api/sessions", method: .post, headers: json, body: ByteBuffer(string: #"{"name": "\#(name)"}"#))
    #expect(response.status == .created)
    let cookie = try #require(response.headers[.setCookie])
    #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
    let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: String]
    return try #require(object?["session"])
  }

  /// The result objects of running `input` in the session of `token`.
  static func run(_ client: some TestClientProtocol, _ token: String, _ input: String) async throws -> [[String: Any]] {
    var headers = json
    headers[.authorization] = "Bearer \(token)"
    let body = try JSONSerialization.data(withJSONObject: ["input": input])
    let response = try await client.execute(
      uri: "/api/run", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    #expect(response.status == .ok, "\(input): \(String(buffer: response.body))")
    let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
    return try #require(object?["results"] as? [[String: Any]])
  }

  static func rows(_ result: [String: Any]) -> [String] {
    ((result["rows"] as? [[Any]]) ?? []).map { $0.map { "\($0)" }.joined(separator: ",") }
  }

  @Test func healthAndThePage() async throws {
    try await Self.server().application().test(.router) { client in
      let health = try await client.execute(uri: "/healthz", method: .get)
      #expect(health.status == .ok)
      #expect(String(buffer: health.body).contains(#""status": "ok""#))
      let page = try await client.execute(uri: "/", method: .get)
      #expect(page.status == .ok)
      #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
      #expect(page.headers[.init("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
    }
  }

  @Test func statementsAnswerOneObjectEachAsValleyRunPrintsThem() async throws {
    try await Self.server().application().test(.router) { client in
      let token = try await Self.newSession(client)
      let results = try await Self.run(client, token, "path(1, X).\n?- nope(X).\n:assert edge(3, 4).\npath(1, 4).")
      #expect(results.count == 4)
      #expect(Self.rows(results[0]) == ["2", "3"])
      #expect(results[0]["vars"] as? [String] == ["X"])
      #expect((results[1]["error"] as? String)?.hasPrefix("input:2:4: error: unknown predicate 'nope/1'") == true)
      #expect(results[1]["line"] as? Int == 2)
      #expect(results[2]["message"] as? String == "asserted 1 fact")
      #expect(Self.rows(results[3]) == [""])
    }
  }

  @Test func sessionsDoNotSeeEachOthersChanges() async throws {
    try await Self.server().application().test(.router) { client in
      let ada = try await Self.newSession(client, name: "Ada")
      let bob = try await Self.newSession(client, name: "Bob")
      _ = try await Self.run(client, ada, ":assert edge(3, 9).\n:assume not edge(1, 2).")
      #expect(Self.rows(try await Self.run(client, ada, "path(2, X).")[0]) == ["3", "9"])
      #expect(Self.rows(try await Self.run(client, bob, "path(X, Y).")[0]) == ["1,2", "1,3", "2,3"])
      let fresh = try await Self.newSession(client, name: "Cy")
      #expect(Self.rows(try await Self.run(client, fresh, "edge(X, Y).")[0]) == ["1,2", "2,3"])
    }
  }

  @Test func fileStatementsAreRefusedAndGraphsComeInline() async throws {
    try await Self.server().application().test(.router) { client in
      let token = try await Self.newSession(client)
      let results = try await Self.run(
        client, token,
        ":load \"/etc/passwd\"\n:import p \"/etc/hosts\"\n:save \"/tmp/x.kb\"\n:reload\n:graph deps \"/tmp/deps.dot\"")
      for result in results.prefix(4) {
        #expect((result["error"] as? String)?.contains("[E529]") == true, "\(result)")
      }
      #expect((results[4]["graph"] as? String)?.contains("digraph") == true)
      #expect(!FileManager.default.fileExists(atPath: "/tmp/deps.dot"))
      let format = try await Self.run(client, token, ":format csv\npath(1, X).")
      #expect((format[0]["message"] as? String)?.contains("always JSON") == true)
      #expect(Self.rows(format[1]) == ["2", "3"])
    }
  }

  @Test func aRunawayRuleStopsAtTheTimeLimitAndTheSessionStaysUsable() async throws {
    try await Self.server(timeLimit: 0.5).application().test(.router) { client in
      let token = try await Self.newSession(client)
      let started = ContinuousClock.now
      let results = try await Self.run(client, token, ":assert grow(0).\n:assert grow(N) :- grow(M), N = M + 1.")
      #expect(ContinuousClock.now - started < .seconds(10))
      #expect((results.last?["error"] as? String)?.contains("[E404]") == true, "\(results)")
      #expect(Self.rows(try await Self.run(client, token, "path(1, X).")[0]) == ["2", "3"])
      #expect(Self.rows(try await Self.run(client, token, "grow(X).")[0]) == ["0"])
      #expect(try await Self.run(client, token, ":set timeout 60")[0]["error"] != nil)
    }
  }

  @Test func badRequestsGetClearRefusalsNeverA500() async throws {
    try await Self.server(maximumSessions: 3, body: 1024).application().test(.router) { client in
      let token = try await Self.newSession(client)
      var headers = Self.json
      headers[.authorization] = "Bearer \(token)"
      let cases: [(String, HTTPFields, String, HTTPResponse.Status)] = [
        ("/api/run", Self.json, #"{"input": "edge(X, Y)."}"#, .unauthorized),
        ("/api/run", [.authorization: "Bearer \(token)"], #"{"input": "x."}"#, .unsupportedMediaType),
        ("/api/run", headers, "not json", .badRequest),
        ("/api/run", headers, #"{"inpt": 1}"#, .badRequest),
        ("/api/run", headers, #"{"input": 5}"#, .badRequest),
        ("/api/run", headers, "[]", .badRequest),
        ("/api/run", headers, #"{"input": ""#, .badRequest),
        ("/api/run", headers, #"{"input": "\#(String(repeating: "a", count: 2000))"}"#, .contentTooLarge),
        ("/api/sessions", Self.json, "{", .badRequest),
      ]
      for (uri, headers, body, status) in cases {
        let response = try await client.execute(
          uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        #expect(response.status == status, "\(uri) \(body.prefix(40)): \(String(buffer: response.body))")
        #expect(String(buffer: response.body).contains("\"error\""))
      }
      let unknown = try await client.execute(
        uri: "/api/complete?prefix=pa", method: .get, headers: [.authorization: "Bearer nope"])
      #expect(unknown.status == .unauthorized)
      let words = try await client.execute(uri: "/api/complete?prefix=pa", method: .get, headers: headers)
      #expect(String(buffer: words.body).contains("\"path\""))
      // Sessions are capped.
      _ = try await Self.newSession(client)
      _ = try await Self.newSession(client)
      let refused = try await client.execute(uri: "/api/sessions", method: .post)
      #expect(refused.status == .tooManyRequests)
      #expect(refused.headers[.retryAfter] != nil)
    }
  }

  @Test func malformedTextNeverBreaksTheSession() async throws {
    try await Self.server().application().test(.router) { client in
      let token = try await Self.newSession(client)
      var generator = SystemRandomNumberGenerator()
      let alphabet = Array("()[]{}.,:;?-+*/=<>!\\\"'%_ aZ09안\n\t@")
      for _ in 0..<40 {
        let text = String(
          (0..<Int.random(in: 1...60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        _ = try await Self.run(client, token, text)
      }
      #expect(Self.rows(try await Self.run(client, token, "edge(1, X).")[0]) == ["2"])
    }
  }
}

/// Idle sessions go: their tokens get 401 afterwards.
@Suite struct IdleSessionTests {
  @Test func anIdleSessionIsDropped() async throws {
    var configuration = ServerConfiguration()
    configuration.idleTimeout = 600
    let server = try ClassroomServer(configuration: configuration, snapshot: Session.loaded("p(1).").snapshot())
    try await server.application().test(.router) { client in
      let token = try await ServerAPITests.newSession(client)
      #expect(ServerAPITests.rows(try await ServerAPITests.run(client, token, "p(X).")[0]) == ["1"])
      // Ten hours later, as the sweep sees it (the timeout is far from what a slow machine takes).
      await server.registry.dropIdle(now: .now + .seconds(36_000))
      var headers = ServerAPITests.json
      headers[.authorization] = "Bearer \(token)"
      let response = try await client.execute(
        uri: "/api/run", method: .post, headers: headers, body: ByteBuffer(string: #"{"input": "p(X)."}"#))
      #expect(response.status == .unauthorized)
    }
  }
}
