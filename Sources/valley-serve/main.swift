import Dispatch
import Foundation
import Glibc
import ValleyEngine
import ValleyServer

// `valley-serve`: the classroom server. `valley serve` checks its options, finds the
// knowledge folder and hands over to this program, so that `valley` itself does not load
// the HTTP stack and Foundation (which would cost every `valley run` start-up time and
// memory).

func write(_ text: String, to descriptor: Int32) {
  var bytes = Array(text.utf8)[...]
  while !bytes.isEmpty {
    let n = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    if n <= 0 { return }
    bytes = bytes.dropFirst(n)
  }
}

// SIGTERM and SIGINT are blocked in every thread (threads made later inherit the mask) and
// taken by one thread with sigwait, which starts a graceful shutdown.
var stopSignals = sigset_t()
sigemptyset(&stopSignals)
sigaddset(&stopSignals, SIGTERM)
sigaddset(&stopSignals, SIGINT)
pthread_sigmask(SIG_BLOCK, &stopSignals, nil)

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
  write(ServeOptions.usage + "\n", to: 1)
  exit(0)
}
let configuration: ServerConfiguration
let folder: String
switch ServeOptions.parse(arguments) {
case .failure(let error):
  write("valley serve: \(error.message)\n", to: 2)
  exit(2)
case .success(let (parsed, knowledge)):
  guard let knowledge else {
    write("valley serve: --knowledge names the folder to serve (valley serve finds the bundled one)\n", to: 2)
    exit(2)
  }
  configuration = parsed
  folder = knowledge
}

// The shared knowledge base, loaded once.
let loader = Session()
let displayName = ProcessEnvironment.value("VALLEY_KNOWLEDGE_NAME") ?? folder
let outputs = loader.loadKnowledgeDirectory(folder, displayName: displayName)
if outputs.contains(where: \.isError) {
  let renderer = OutputRenderer(format: .table, sources: loader.sources)
  for output in outputs { write(renderer.render(output).stderr, to: 2) }
  exit(1)
}

var settings = configuration
// Twice the cores: a statement that runs to its time limit then takes a third of a core's
// time on a 2-core machine rather than half, and short queries keep moving past it.
settings.concurrentEvaluations = 2 * max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
if settings.teacherToken.isEmpty {
  settings.teacherToken = ProcessEnvironment.value("VALLEY_TEACHER_TOKEN") ?? ""
}
let generatedToken = settings.teacherToken.isEmpty
if generatedToken { settings.teacherToken = RandomToken.make() }
let server: ClassroomServer
do {
  server = try ClassroomServer(
    configuration: settings, snapshot: loader.snapshot(), drawSVG: ClassroomServer.graphviz,
    exerciseBase: .folder(path: folder, displayName: displayName))
} catch {
  write("valley serve: \(error.description)\n", to: 2)
  exit(1)
}
let host = settings.host
let teacherLine: String? =
  settings.exerciseFiles.isEmpty
  ? nil
  : " (sign in " + (generatedToken ? "with the token \(settings.teacherToken))" : "with VALLEY_TEACHER_TOKEN)")
let blocked = stopSignals
let signalWaiter = Thread {
  var signals = blocked
  var received: Int32 = 0
  sigwait(&signals, &received)
  Task.detached { await server.shutdown() }
}
signalWaiter.start()
let finished = DispatchSemaphore(value: 0)
nonisolated(unsafe) var status: Int32 = 0
Task.detached {
  do {
    try await server.run { port in
      write("Valley is serving http://\(host):\(port)/ (stop with Ctrl-C)\n", to: 1)
      if let teacherLine { write("The teacher's page: http://\(host):\(port)/teacher\(teacherLine)\n", to: 1) }
    }
  } catch {
    write("valley serve: \(error)\n", to: 2)
    status = 1
  }
  finished.signal()
}
finished.wait()
exit(status)

/// The environment, read through the C library.
enum ProcessEnvironment {
  static func value(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }
}
