import Foundation
import Testing
import ValleyEngine
import ValleyExport
import ValleyTestSupport

/// A knowledge base loaded as `valley export` loads it, with the model Valley computed.
struct ExportCase {
  /// A name for failure messages.
  var name: String
  /// The session it was loaded into (for rendering diagnostics).
  var session: Session
  /// The loaded knowledge.
  var snapshot: KnowledgeSnapshot

  /// Knowledge files held in memory (`name` → text), loaded together.
  static func memory(_ name: String, _ files: [String: String]) throws -> ExportCase {
    let (session, _) = Session.inMemory(files)
    return try loaded(name, session, session.loadKnowledgeFiles(files.keys.sorted()))
  }

  /// Knowledge files on disk, loaded together.
  static func files(_ name: String, _ paths: [String]) throws -> ExportCase {
    let session = Session()
    return try loaded(name, session, session.loadKnowledgeFiles(paths))
  }

  /// The bundled knowledge base.
  static func bundled() throws -> ExportCase {
    let session = Session()
    return try loaded(
      "Knowledge", session, session.loadKnowledgeDirectory(TestPackage.root + "/Knowledge", displayName: "Knowledge"))
  }

  private static func loaded(_ name: String, _ session: Session, _ outputs: [Output]) throws -> ExportCase {
    let errors = session.errors(in: outputs)
    try #require(errors.isEmpty, "\(name) does not load:\n\(session.rendered(errors))")
    return ExportCase(name: name, session: session, snapshot: session.snapshot())
  }

  /// The exported text for `target`, or the diagnostics that refuse it.
  func exportResult(to target: ExportTarget) -> Result<String, ExportFailure> {
    Exporter.export(snapshot, to: target, header: ["test export of \(name)"])
  }

  /// The exported text for `target`; records the diagnostics and fails when it is refused.
  func export(to target: ExportTarget) throws -> String {
    switch exportResult(to: target) {
    case .success(let text): return text
    case .failure(let failure):
      try #require(Bool(false), "\(name) cannot be exported to \(target):\n\(session.rendered(failure.diagnostics))")
      return ""
    }
  }
}

/// The engines the exported programs run on, through `scripts/export_run.py`.
enum ExportEngine: String, CaseIterable, Sendable {
  case sqlite, duckdb, postgresql, souffle

  var target: ExportTarget {
    switch self {
    case .sqlite: .sqlite
    case .duckdb: .duckdb
    case .postgresql: .postgresql
    case .souffle: .souffle
    }
  }

  /// What the engine needs that this machine lacks (looked for once).
  var missing: [String] {
    switch self {
    case .sqlite: Self.sqliteMissing
    case .duckdb: Self.duckdbMissing
    case .postgresql: Self.postgresMissing
    case .souffle: Self.souffleProgram == nil ? ["SOUFFLE, the path of a Soufflé built with 64-bit values"] : []
    }
  }

  /// Soufflé's program, from `SOUFFLE` (its tests run only when it is set, CI or not).
  static let souffleProgram: String? = ProcessInfo.processInfo.environment["SOUFFLE"].flatMap { $0.isEmpty ? nil : $0 }

  private static let sqliteMissing = Tools.pythonHas("sqlite3") ? [] : ["python3 with its sqlite3 module"]
  private static let duckdbMissing =
    Tools.pythonHas("duckdb") ? [] : ["the duckdb module for python3 (python3 -m pip install duckdb)"]
  private static let postgresMissing: [String] = {
    let found =
      (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql"))?.contains {
        FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb")
      } ?? false
    return found || Tools.executable(named: "pg_config") != nil
      ? [] : ["PostgreSQL's server programs (apt-get install postgresql)"]
  }()

  /// Runs when the engine is there, and always under CI (where a missing SQL engine fails).
  var runs: Bool { missing.isEmpty || (Tools.underCI && self != .souffle) }

  /// The extension of its programs.
  var fileExtension: String { self == .souffle ? "dl" : "sql" }
}

/// How a script fared: the engine's error, or the predicates whose rows differ from Valley's.
struct EngineResult {
  var error: String?
  var differences: [String] = []
  var seconds = 0.0
}

enum EngineRun {
  /// Runs each script on `engine` in a fresh database and compares what it stored with
  /// `models` (Valley's model for each script; see ``ExportCase/modelJSON``); one result
  /// per script, in order.
  static func run(_ scripts: [String], models: [String], on engine: ExportEngine) throws -> [EngineResult] {
    try #require(
      engine.missing.isEmpty, "CI is set, and the \(engine) tests lack: \(engine.missing.joined(separator: ", "))")
    let folder = try TemporaryFolder()
    // VALLEY_EXPORT_KEEP=FOLDER keeps a copy of every script there, to run it by hand.
    let keep = ProcessInfo.processInfo.environment["VALLEY_EXPORT_KEEP"]
    var paths: [String] = []
    for (n, (script, model)) in zip(scripts, models).enumerated() {
      let name = "script\(n).\(engine.rawValue)"
      let file = "\(name).\(engine.fileExtension)"
      try folder.write(file, script)
      try folder.write(name + ".expected.json", model)
      if let keep {
        try Data(script.utf8).write(to: URL(fileURLWithPath: "\(keep)/\(file)"))
        try Data(model.utf8).write(to: URL(fileURLWithPath: "\(keep)/\(name).expected.json"))
      }
      paths.append(folder.path(file))
    }
    let helper = TestPackage.root + "/scripts/export_run.py"
    let souffle = engine == .souffle ? ["--souffle", ExportEngine.souffleProgram ?? "souffle"] : []
    let run = try ChildRun(
      executable: "/usr/bin/env",
      arguments: ["python3", helper, "--compare", "--engine", engine.rawValue] + souffle + paths, seconds: 900)
    try #require(run.status == 0 && !run.timedOut, "export_run.py on \(engine):\n\(run.output.suffix(3000))")
    var results: [EngineResult] = []
    for line in run.output.split(separator: "\n") where line.hasPrefix("{") {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
      results.append(
        EngineResult(
          error: object["error"] as? String, differences: object["differences"] as? [String] ?? [],
          seconds: object["seconds"] as? Double ?? 0))
    }
    try #require(
      results.count == scripts.count, "export_run.py gave \(results.count) results:\n\(run.output.suffix(3000))")
    return results
  }
}

extension ExportCase {
  /// Valley's model as export_run.py reads it: {"pred": [[["i", "12"], ["d", "0.5"], ["s", "x"]], ...]}.
  var modelJSON: String {
    let catalog = snapshot.program.catalog
    var text = "{"
    for p in 0..<catalog.count {
      if p > 0 { text += ",\n" }
      text += JSON.string(catalog[p].name) + ": ["
      for (n, row) in snapshot.facts(of: p).enumerated() {
        if n > 0 { text += ", " }
        text += "[" + row.map(Self.tagged).joined(separator: ", ") + "]"
      }
      text += "]"
    }
    return text + "}\n"
  }

  private static func tagged(_ value: Value) -> String {
    switch value {
    case .integer(let i): return "[\"i\", \"\(i)\"]"
    case .decimal(let d): return "[\"d\", \"\(d)\"]"
    case .symbol(let s): return "[\"s\", \(JSON.string(s))]"
    }
  }
}

/// Exports `cases` to `engine`, runs every script in one batch, and records every predicate
/// whose rows differ from Valley's model.
/// `failed` hears the name of each case that does not agree.
func expectAgreement(
  _ cases: [ExportCase], on engine: ExportEngine, sourceLocation: Testing.SourceLocation = #_sourceLocation,
  failed: (String) -> Void = { _ in }
) throws {
  let scripts = try cases.map { try $0.export(to: engine.target) }
  let results = try EngineRun.run(scripts, models: cases.map(\.modelJSON), on: engine)
  for (exportCase, result) in zip(cases, results) {
    if let error = result.error {
      failed(exportCase.name)
      Issue.record("\(exportCase.name) on \(engine): \(error)", sourceLocation: sourceLocation)
    } else if !result.differences.isEmpty {
      failed(exportCase.name)
      Issue.record(
        "\(exportCase.name) on \(engine) differs from Valley:\n\(result.differences.joined(separator: "\n"))",
        sourceLocation: sourceLocation)
    }
  }
}
