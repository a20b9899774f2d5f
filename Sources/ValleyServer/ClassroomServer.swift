import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import ValleyEngine

/// `valley serve`: the shared knowledge base, each student's session, the HTTP API of
/// ../shared/SERVE.md and the playground page.
public struct ClassroomServer: Sendable {
  let configuration: ServerConfiguration
  let registry: SessionRegistry
  let pool: EvaluationPool
  let stopping: StopFlag
  let shutdownTrigger = ShutdownTrigger()
  /// The exercise sets and the progress database (nil without `--exercises`).
  let exercises: ExerciseRoom?

  /// A server over `snapshot`; `drawSVG` turns DOT into SVG for `:graph` (nil: DOT only).
  /// With exercise files, it opens the state folder (one server at a time) and checks that
  /// every solution runs; a failure is the reason the server cannot start.
  public init(
    configuration: ServerConfiguration, snapshot: KnowledgeSnapshot,
    drawSVG: (@Sendable (String) -> String?)? = nil, exerciseBase: ExerciseBase = .nothing
  ) throws(StartFailure) {
    let exerciseFiles = configuration.exerciseFiles
    if exerciseFiles.isEmpty {
      exercises = nil
    } else {
      do {
        let database = try ProgressDatabase(folder: configuration.stateFolder)
        exercises = try ExerciseRoom(files: exerciseFiles, base: exerciseBase.base, database: database)
      } catch let failure as ProgressDatabase.Failure {
        throw StartFailure(description: failure.description)
      } catch let failure as ExerciseRoom.Failure {
        throw StartFailure(description: failure.description)
      } catch {
        throw StartFailure(description: "\(error)")
      }
    }
    self.configuration = configuration
    registry = SessionRegistry(snapshot: snapshot, configuration: configuration, drawSVG: drawSVG)
    pool = EvaluationPool(slots: configuration.concurrentEvaluations, maximumQueued: configuration.maximumQueued)
    stopping = StopFlag()
  }

  /// Draws pictures with Graphviz when it is installed (nil otherwise).
  public static var graphviz: (@Sendable (String) -> String?)? {
    GraphvizSVG.program == nil ? nil : { @Sendable (dot: String) -> String? in GraphvizSVG.draw(dot) }
  }

  /// The HTTP application; `onRunning` receives the port it listens on.
  public func application(
    onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) -> some ApplicationProtocol {
    let router = Router()
    routes(on: router)
    return Application(
      router: router,
      configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "valley"),
      onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
      logger: {
        var logger = Logger(label: "valley.serve")
        logger.logLevel = .warning
        return logger
      }()
    )
  }

  /// Serves until ``shutdown()``; then stops accepting, stops running evaluations (they end
  /// as interrupted) and returns. `onRunning` receives the port.
  public func run(onRunning: @escaping @Sendable (Int) async -> Void) async throws {
    var logger = Logger(label: "valley.serve")
    logger.logLevel = .warning
    let group = ServiceGroup(
      configuration: .init(
        services: [
          .init(service: application(onRunning: onRunning)),
          .init(service: StopOnShutdown(flag: stopping)),
          .init(service: IdleSweeper(registry: registry, interval: min(60, configuration.idleTimeout))),
        ],
        gracefulShutdownSignals: [], logger: logger))
    await shutdownTrigger.attach(group)
    defer { releaseState() }
    try await group.run()
  }

  /// Closes the progress database and gives up the state folder, so that another server may
  /// open it (the server does this when it stops).
  public func releaseState() {
    exercises?.database.close()
  }

  /// Starts a graceful shutdown (the front end calls it on SIGTERM or SIGINT).
  public func shutdown() async {
    await shutdownTrigger.fire()
  }

  func routes(on router: Router<BasicRequestContext>) {
    router.get("/healthz") { _, _ in Self.json(.ok, #"{"status": "ok"}"#) }
    router.get("/") { _, _ in Self.asset(PageAssets.html, type: "text/html; charset=utf-8") }
    router.get("/app.js") { _, _ in Self.asset(PageAssets.script, type: "text/javascript; charset=utf-8") }
    router.get("/app.css") { _, _ in Self.asset(PageAssets.style, type: "text/css; charset=utf-8") }
    router.get("/teacher") { _, _ in Self.asset(PageAssets.teacherHTML, type: "text/html; charset=utf-8") }
    router.get("/teacher.js") { _, _ in
      Self.asset(PageAssets.teacherScript, type: "text/javascript; charset=utf-8")
    }
    router.post("/api/sessions") { request, context in await createSession(request, context) }
    router.post("/api/run") { request, context in await run(request, context) }
    router.get("/api/complete") { request, _ in await complete(request) }
    exerciseRoutes(on: router)
  }

  // MARK: Sessions

  struct NewSession: Decodable { var name: String? }

  func createSession(_ request: Request, _ context: BasicRequestContext) async -> Response {
    var name = "anonymous"
    switch await Self.body(request, limit: configuration.maximumBodySize, allowEmpty: true) {
    case .failure(let refusal): return refusal.response
    case .success(let data):
      if let data {
        guard let decoded = try? JSONDecoder().decode(NewSession.self, from: data) else {
          return Self.error(.badRequest, "the body must be a JSON object such as {\"name\": \"Ada\"}")
        }
        if let given = decoded.name?.trimmingCharacters(in: .whitespacesAndNewlines), !given.isEmpty {
          name = String(given.prefix(80))
        }
      }
    }
    let stopping = self.stopping
    guard let token = await registry.create(name: name, stop: { stopping.isSet }) else {
      return Self.error(
        .tooManyRequests, "the server holds as many sessions as it may; try again later", retryAfter: 30)
    }
    var response = Self.json(.created, JSON.object([("session", JSON.string(token))]))
    response.headers[.setCookie] = "valley_session=\(token); HttpOnly; SameSite=Strict; Path=/"
    return response
  }

  // MARK: Running statements

  struct RunRequest: Decodable { var input: String }

  func run(_ request: Request, _ context: BasicRequestContext) async -> Response {
    guard let live = await session(of: request) else { return Self.unauthorized() }
    let input: String
    switch await decoded(RunRequest.self, from: request, example: #"{"input": "factor(F, limiting)."}"#) {
    case .failure(let refusal): return refusal.response
    case .success(let body): input = body.input
    }
    guard live.tryBegin() else {
      return Self.error(.tooManyRequests, "this session is still running a statement", retryAfter: 1)
    }
    defer { live.end() }
    do throws(EvaluationPool.Busy) {
      let objects = try await pool.run { live.run(input) }
      return Self.json(.ok, "{\"results\": [" + objects.joined(separator: ", ") + "]}")
    } catch {
      return Self.error(.tooManyRequests, "the server is busy; try again in a moment", retryAfter: 1)
    }
  }

  func complete(_ request: Request) async -> Response {
    guard let live = await session(of: request) else { return Self.unauthorized() }
    let prefix = request.uri.queryParameters["prefix"].map(String.init) ?? ""
    let words = live.completions(of: prefix)
    return Self.json(.ok, JSON.object([("words", "[" + words.map(JSON.string).joined(separator: ", ") + "]")]))
  }

  /// The request's JSON body as `T`, or the refusal (413, 415, 400 with `example`).
  func decoded<T: Decodable>(_ type: T.Type, from request: Request, example: String) async -> Result<T, ResponseError> {
    switch await Self.body(request, limit: configuration.maximumBodySize, allowEmpty: false) {
    case .failure(let refusal): return .failure(refusal)
    case .success(let data):
      guard let data, let value = try? JSONDecoder().decode(T.self, from: data) else {
        return .failure(ResponseError(Self.error(.badRequest, "the body must be a JSON object such as \(example)")))
      }
      return .success(value)
    }
  }

  /// The session named by the request's cookie or `Authorization: Bearer` header.
  func session(of request: Request) async -> LiveSession? {
    guard let token = Self.token(of: request) else { return nil }
    return await registry.session(token)
  }

  static func token(of request: Request) -> String? {
    if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
      return String(authorization.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
    }
    for cookie in request.headers[values: .cookie].flatMap({ $0.split(separator: ";") }) {
      let parts = cookie.split(separator: "=", maxSplits: 1)
      if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "valley_session" {
        return String(parts[1])
      }
    }
    return nil
  }

  // MARK: Requests and responses

  /// The request body as data (nil when empty and `allowEmpty`), or the response that refuses it.
  static func body(_ request: Request, limit: Int, allowEmpty: Bool) async -> Result<Data?, ResponseError> {
    var request = request
    let buffer: ByteBuffer
    do {
      buffer = try await request.collectBody(upTo: limit)
    } catch {
      return .failure(ResponseError(Self.error(.contentTooLarge, "the request is larger than \(limit / 1024) KiB")))
    }
    if buffer.readableBytes == 0 && allowEmpty { return .success(nil) }
    let type = request.headers[.contentType]?.lowercased() ?? ""
    guard type.hasPrefix("application/json") else {
      return .failure(ResponseError(Self.error(.unsupportedMediaType, "send JSON with Content-Type: application/json")))
    }
    return .success(Data(buffer.readableBytesView))
  }

  static func json(_ status: HTTPResponse.Status, _ body: String) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    headers[.cacheControl] = "no-store"
    headers[.init("X-Content-Type-Options")!] = "nosniff"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body + "\n")))
  }

  static func error(_ status: HTTPResponse.Status, _ message: String, retryAfter: Int? = nil) -> Response {
    var response = json(status, JSON.object([("error", JSON.string(message))]))
    if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
    return response
  }

  static func unauthorized() -> Response {
    error(.unauthorized, "no session: start one with POST /api/sessions (it may have expired)")
  }

  static func asset(_ text: String, type: String) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = type
    headers[.cacheControl] = "no-cache"
    headers[.init("X-Content-Type-Options")!] = "nosniff"
    headers[.init("Content-Security-Policy")!] =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"
    headers[.init("Referrer-Policy")!] = "no-referrer"
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
  }
}

/// A refusal, as an error value that carries its response.
struct ResponseError: Error {
  var response: Response
  init(_ response: Response) { self.response = response }
}

/// Holds the running service group so that a signal can shut it down, even one that comes
/// before the group runs.
actor ShutdownTrigger {
  private var group: ServiceGroup?
  private var fired = false

  func attach(_ group: ServiceGroup) async {
    self.group = group
    if fired { await group.triggerGracefulShutdown() }
  }

  func fire() async {
    fired = true
    await group?.triggerGracefulShutdown()
  }
}

/// Drops idle sessions now and then, so their memory goes even when nobody starts a new one.
struct IdleSweeper: Service {
  let registry: SessionRegistry
  let interval: Double

  func run() async throws {
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
      let pause = Duration.milliseconds(Int64(interval * 1000))
      try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
      await registry.dropIdle()
    }
  }
}

/// Sets the stop flag when the service group shuts down.
struct StopOnShutdown: Service {
  let flag: StopFlag

  func run() async throws {
    try? await gracefulShutdown()
    flag.set()
  }
}

/// Set once when the server shuts down; running evaluations poll it and stop.
final class StopFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  var isSet: Bool {
    lock.lock()
    defer { lock.unlock() }
    return value
  }

  func set() {
    lock.lock()
    value = true
    lock.unlock()
  }
}
