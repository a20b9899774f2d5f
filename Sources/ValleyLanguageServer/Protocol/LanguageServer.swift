import ValleyEngine

/// The language server: reads protocol messages and answers them, over the engine's checks.
///
/// It does no input or output of its own: ``handle(_:)`` takes one message body and returns
/// what to send back, so that it runs the same over standard input and output
/// (``StandardIOServer``) or in a test. Diagnostics are published by
/// ``publishDiagnostics()``, which the transport calls when no more input is waiting, so that
/// a burst of edits is checked once.
public final class LanguageServer {
  /// Whether `initialize` was answered.
  private(set) var initialized = false
  /// Whether `shutdown` was answered.
  private(set) var shutDown = false
  /// The exit status once `exit` arrived: 0 after `shutdown`, 1 without.
  public private(set) var exitStatus: Int32?
  /// The folder and the open documents.
  var workspace = Workspace(root: nil)
  /// Whether documents changed since the last analysis.
  private var stale = true
  private var mainAnalysis: Analysis?
  /// Scripts that `:load` files outside the workspace get an analysis of their own.
  private var scriptAnalyses: [String: Analysis] = [:]
  /// What was last published, by URI.
  private var published: [String: JSONValue] = [:]
  /// Where log lines go (standard error, in the real server).
  let log: (String) -> Void

  /// Creates a server that writes log lines through `log`.
  public init(log: @escaping (String) -> Void = { _ in }) {
    self.log = log
  }

  /// Handles one message body and returns the messages to send, in order.
  public func handle(_ body: [UInt8]) -> [JSONValue] {
    guard let read = IncomingMessage.read(body) else { return [] }
    switch read {
    case .failure(let failure):
      log("valley lsp: \(failure.error.message)")
      return [OutgoingMessage.error(id: failure.id, failure.error)]
    case .success(let message):
      guard let id = message.id else {
        notify(message.method, message.params)
        return []
      }
      do throws(ResponseError) {
        return [OutgoingMessage.response(id: id, result: try request(message.method, message.params))]
      } catch {
        return [OutgoingMessage.error(id: id, error)]
      }
    }
  }

  private func request(_ method: String, _ params: JSONValue) throws(ResponseError) -> JSONValue {
    if method == "initialize" { return initialize(params) }
    guard initialized else { throw .notInitialized }
    guard !shutDown else { throw .invalidRequest("the server is shutting down") }
    switch method {
    case "shutdown":
      shutDown = true
      return .null
    case "textDocument/hover": return try hover(params)
    case "textDocument/definition": return try definition(params)
    case "textDocument/references": return try references(params)
    case "textDocument/prepareRename": return try prepareRename(params)
    case "textDocument/rename": return try rename(params)
    case "textDocument/completion": return try completion(params)
    case "textDocument/documentSymbol": return try documentSymbols(params)
    case "textDocument/semanticTokens/full": return try semanticTokens(params)
    case "textDocument/codeAction": return try codeActions(params)
    case "textDocument/formatting": return try formatting(params)
    default: throw .methodNotFound(method)
    }
  }

  private func notify(_ method: String, _ params: JSONValue) {
    switch method {
    case "exit":
      exitStatus = shutDown ? 0 : 1
    case "textDocument/didOpen":
      guard let document = params["textDocument"], let uri = document["uri"]?.stringValue,
        let text = document["text"]?.stringValue
      else { return log("valley lsp: didOpen without a uri and text") }
      workspace.open(uri: uri, text: text, version: document["version"]?.intValue ?? 0)
      changed(rescan: true)
    case "textDocument/didChange":
      guard let uri = params["textDocument"]?["uri"]?.stringValue, let open = workspace.documents[uri],
        let changes = params["contentChanges"]?.arrayValue
      else { return log("valley lsp: didChange for a document that is not open") }
      // The server asks for whole texts (sync kind 1), but applies ranged changes too.
      let text = TextChanges.apply(changes, to: open.text)
      workspace.open(uri: uri, text: text, version: params["textDocument"]?["version"]?.intValue ?? open.version)
      changed(rescan: false)
    case "textDocument/didClose":
      guard let uri = params["textDocument"]?["uri"]?.stringValue else { return }
      workspace.close(uri: uri)
      changed(rescan: true)
    case "textDocument/didSave", "workspace/didChangeWatchedFiles":
      changed(rescan: true)
    default:
      break  // initialized, $/cancelRequest, $/setTrace and unknown notifications need nothing
    }
  }

  private func changed(rescan: Bool) {
    if rescan { workspace.rescan() }
    stale = true
  }

  private func initialize(_ params: JSONValue) -> JSONValue {
    initialized = true
    var root: String?
    if let folder = params["workspaceFolders"]?.arrayValue?.first?["uri"]?.stringValue {
      root = DocumentURI.path(of: folder)
    } else if let uri = params["rootUri"]?.stringValue {
      root = DocumentURI.path(of: uri)
    } else if let path = params["rootPath"]?.stringValue {
      root = path
    }
    workspace.root = root
    changed(rescan: true)
    log("valley lsp: workspace \(root ?? "(none)"), \(workspace.knowledgeFiles.count) knowledge files")
    return [
      "capabilities": [
        "textDocumentSync": ["openClose": true, "change": 1, "save": ["includeText": false]],
        "hoverProvider": true,
        "definitionProvider": true,
        "referencesProvider": true,
        "renameProvider": ["prepareProvider": true],
        "completionProvider": ["triggerCharacters": [":", "@", "(", ","], "resolveProvider": false],
        "documentSymbolProvider": true,
        "semanticTokensProvider": [
          "legend": [
            "tokenTypes": .array(SemanticTokenKind.allCases.map { .string($0.rawValue) }),
            "tokenModifiers": .array(SemanticTokenKind.modifiers.map { .string($0) }),
          ],
          "full": true,
        ],
        "codeActionProvider": ["codeActionKinds": ["quickfix"]],
        "documentFormattingProvider": true,
      ],
      "serverInfo": ["name": "valley", "version": .string(ValleyVersion.string)],
    ]
  }

  // MARK: Analysis

  /// Runs the checks again if documents changed since the last run.
  func analyse() {
    guard stale else { return }
    stale = false
    let paths = workspace.knowledgePaths
    let known = Set(paths)
    var shared: [Workspace.Document] = []
    var own: [(Workspace.Document, [String])] = []
    for document in workspace.documents.values.sorted(by: { $0.uri < $1.uri }) where document.path.hasSuffix(".q") {
      let folder = PathJoin.directory(of: document.path)
      let probe = SourceFile(id: 0, name: document.path, text: document.text)
      // Files it cannot read are reported at their `:load` by the script's own check.
      let loader = workspace.loader
      let extra = ScriptAnalysis.loads(in: probe).map { PathJoin.resolve($0.path, against: folder) }
        .filter { !known.contains($0) && (try? loader.read($0).get()) != nil }
      if extra.isEmpty { shared.append(document) } else { own.append((document, extra)) }
    }
    mainAnalysis = Analysis(paths: paths, scripts: shared, workspace: workspace)
    scriptAnalyses = [:]
    for (document, extra) in own {
      var seen = known
      let added = extra.filter { seen.insert($0).inserted }
      scriptAnalyses[document.uri] = Analysis(paths: paths + added, scripts: [document], workspace: workspace)
    }
  }

  /// The analysis that answers for a document.
  func analysis(for uri: String) -> Analysis? {
    analyse()
    return scriptAnalyses[uri] ?? mainAnalysis
  }

  /// The `textDocument/publishDiagnostics` notifications for every file whose diagnostics
  /// changed since they were last published (files are checked first if documents changed).
  public func publishDiagnostics() -> [JSONValue] {
    guard initialized, !shutDown else { return [] }
    analyse()
    guard let main = mainAnalysis else { return [] }
    let openKnowledge = workspace.documents.values.filter { $0.path.hasSuffix(".kb") }.map(\.uri).sorted()
    var lists: [String: (Analysis, [Diagnostic])] = [:]
    for (uri, list) in main.diagnosticsByURI(unplaced: openKnowledge) where scriptAnalyses[uri] == nil {
      lists[uri] = (main, list)
    }
    for (uri, analysis) in scriptAnalyses {
      lists[uri] = (analysis, analysis.diagnosticsByURI(unplaced: [uri])[uri] ?? [])
    }
    var messages: [JSONValue] = []
    for uri in Set(lists.keys).union(published.keys).sorted() {
      let json: JSONValue
      if let (analysis, list) = lists[uri] {
        json = .array(list.map { DiagnosticConversion.json($0, in: analysis) })
      } else {
        json = []
      }
      var params: [(String, JSONValue)] = [("uri", .string(uri)), ("diagnostics", json)]
      if let version = workspace.documents[uri]?.version { params.insert(("version", .int(version)), at: 1) }
      // Published again when the list or the document's version changed.
      if published[uri] == .object(params) { continue }
      published[uri] = .object(params)
      messages.append(OutgoingMessage.notification("textDocument/publishDiagnostics", .object(params)))
    }
    return messages
  }
}
