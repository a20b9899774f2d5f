// Shared support for Valley's libFuzzer targets.
//
// This file is not part of the Swift package: fuzz/build.sh compiles it together with every
// file of Sources/ValleyEngine and one target file into a single module named ValleyEngine,
// so the targets may use the engine's internal API. See fuzz/README.md.

/// Files held in memory: the fuzz targets never touch the disk.
final class FuzzFiles: @unchecked Sendable {
  var contents: [String: [UInt8]] = [:]
  /// Paths that are folders.
  var folders: Set<String> = ["dir", "dir/"]
  /// Paths that exist but cannot be read.
  var locked: Set<String> = ["locked.kb"]
}

/// A ``SourceLoader`` over ``FuzzFiles``; it also accepts writes, so `:save` and `:graph`
/// run their whole path.
struct FuzzLoader: SourceLoader {
  let files: FuzzFiles

  static func normal(_ path: String) -> String {
    var p = Substring(path)
    while p.hasPrefix("./") { p = p.dropFirst(2) }
    return String(p)
  }

  func read(_ path: String) -> Result<[UInt8], LoadFailure> {
    let p = Self.normal(path)
    if files.folders.contains(p) { return .failure(.isDirectory) }
    if files.locked.contains(p) { return .failure(.notReadable("Permission denied")) }
    guard let bytes = files.contents[p] else { return .failure(.notFound) }
    return .success(bytes)
  }

  func list(_ path: String) -> [String]? {
    let p = Self.normal(path)
    guard files.folders.contains(p) else { return nil }
    let prefix = p.hasSuffix("/") ? p : p + "/"
    return files.contents.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
      .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  func canonical(_ path: String) -> String { Self.normal(path) }

  func write(_ path: String, contents: String) -> Result<Void, LoadFailure> {
    let p = Self.normal(path)
    if files.folders.contains(p) { return .failure(.isDirectory) }
    if p.hasPrefix("nodir/") { return .failure(.notFound) }
    if files.locked.contains(p) { return .failure(.notReadable("Permission denied")) }
    files.contents[p] = Array(contents.utf8)
    return .success(())
  }
}

enum Fuzz {
  /// The small knowledge base every script session starts with: recursion, negation,
  /// aggregates, numbers at the edges of their range, quoted and Hangul symbols.
  static let base = """
    @source "fuzz base"
    @pred edge(from, to) "An edge."
    edge(a, b). edge(b, c). edge(c, a). edge(c, d). edge("안산", 'Ansan City').
    node(N) :- edge(N, _).
    node(N) :- edge(_, N).
    reach(X, Y) :- edge(X, Y).
    reach(X, Y) :- reach(X, Z), edge(Z, Y).
    num(1). num(2). num(-3). num(2.5). num(1e3).
    num(9223372036854775807). num(-9223372036854775808).
    @note "a note"
    total(S) :- S = sum { N : num(N), N < 10, N > -10 }.
    cnt(N) :- N = count { X : node(X) }.
    lonely(X) :- node(X), not reach(X, X).
    big(M) :- M = max { N : num(N) }.
    raining.
    """

  static let other = """
    @pred color(thing, color)
    color(sky, blue). color(grass, green). color("a b", "c\\td").
    bright(X) :- color(X, blue).
    """

  /// Every file a script may name.
  static func files(script: [UInt8]) -> FuzzFiles {
    let files = FuzzFiles()
    files.contents["base.kb"] = Array(base.utf8)
    files.contents["other.kb"] = Array(other.utf8)
    files.contents["dir/inner.kb"] = Array("inner(1).\n".utf8)
    files.contents["bad.kb"] = Array("p(1 :- .\n".utf8)
    files.contents["latin1.kb"] = [0x70, 0x28, 0xE9, 0x29, 0x2E, 0x0A]
    files.contents["self.q"] = Array(":load \"self.q\"\n".utf8)
    files.contents["t.csv"] = Array("a,b\n1,x\n2,\"y z\"\n".utf8)
    files.contents["t.tsv"] = Array("a\tb\n1\tx\n".utf8)
    files.contents["fuzz.q"] = script
    files.contents["fuzz.kb"] = script
    return files
  }

  /// A session over `files` with a small budget, so runaway programs stop fast.
  static func session(_ files: FuzzFiles) -> Session {
    let session = Session(loader: FuzzLoader(files: files))
    session.budget.maximumDerivedFacts = 10_000
    session.budget.timeLimit = 1
    return session
  }

  /// Renders `output` in every format and layout, as the front ends do.
  static func render(_ output: Output, _ session: Session) {
    for format in OutputFormat.allCases {
      let plain = OutputRenderer(format: format, sources: session.sources)
      let rendered = plain.render(output)
      check(rendered.stdout.isEmpty || rendered.stdout.utf8.last == 10, "\(format) stdout without a final newline: \(rendered.stdout.debugDescription)")
      check(rendered.stderr.isEmpty || rendered.stderr.utf8.last == 10, "\(format) stderr without a final newline: \(rendered.stderr.debugDescription)")
      if format == .json {
        for line in rendered.stdout.split(separator: "\n") {
          check(line.hasPrefix("{") && line.hasSuffix("}"), "a JSON line that is not an object: \(line)")
        }
      }
    }
    let prompt = OutputRenderer(
      format: .table, sources: session.sources, color: true, maxRows: 2, maxCellWidth: 5)
    _ = prompt.render(output)
  }

  /// A broken invariant: stop so that libFuzzer keeps the input.
  static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("INVARIANT BROKEN: \(message())") }
  }

  /// The UTF-8 decoder agrees with the standard library's validation.
  static func checkDecoder(_ bytes: [UInt8]) {
    let ours = SourceDecoder.decode(bytes)
    let standard = String(validating: bytes, as: UTF8.self)
    switch ours {
    case .success(let text):
      check(standard != nil, "SourceDecoder accepted bytes the standard library rejects")
      check(Array(text.utf8) == bytes, "SourceDecoder changed the bytes")
    case .failure(let bad):
      check(standard == nil, "SourceDecoder rejected valid UTF-8 at offset \(bad.offset)")
      check(bad.offset >= 0 && bad.offset < bytes.count, "bad offset \(bad.offset)")
      // Everything before the offset is valid.
      check(String(validating: bytes[..<bad.offset], as: UTF8.self) != nil,
            "the bytes before offset \(bad.offset) are not valid")
    }
  }

  /// Counts that change whenever the knowledge changes.
  static func fingerprint(_ session: Session) -> [Int] {
    let s = session.statistics
    return [s.facts, s.derived, s.rules, s.predicates]
  }

  /// The saved clauses must read back without a syntax error.
  static func checkSaved(_ session: Session, _ files: FuzzFiles) {
    files.contents["saved.kb"] = nil
    let outputs = session.execute(input: ":save \"saved.kb\"")
    for output in outputs { render(output, session) }
    guard !outputs.contains(where: \.isError), let bytes = files.contents["saved.kb"] else { return }
    guard case .success(let text) = SourceDecoder.decode(bytes) else {
      check(false, ":save wrote invalid UTF-8")
      return
    }
    var registry = SourceRegistry()
    let file = registry.add(name: "saved.kb", text: text)
    let (_, diagnostics) = Parser.parseKnowledge(Lexer.tokenize(file))
    let errors = diagnostics.filter { $0.severity == .error }
    check(errors.isEmpty, ":save wrote text that does not parse:\n\(text)\n\(DiagnosticRenderer(sources: registry).render(errors))")
  }
}
