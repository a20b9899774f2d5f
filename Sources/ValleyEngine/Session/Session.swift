/// The version of Valley.
public enum ValleyVersion {
  /// The version string printed by `valley --version`.
  public static let string = "0.1.0"
}

/// A Valley session: the knowledge loaded so far and the commands that query and change it.
///
/// This is the only API the executable uses. Every statement goes through ``execute(input:)``
/// or ``runScript(text:name:directory:emit:)``; the session returns ``Output`` values and
/// never prints. A statement that fails leaves the knowledge exactly as it was.
public final class Session {
  /// How answers print.
  public var format: OutputFormat = .table
  /// Limits on evaluation, and the hook the front end uses to stop a running query.
  public var budget = EvaluationBudget()
  /// Turns DOT text into an SVG or PNG file (the front end runs Graphviz's `dot`); returns an
  /// error message, or nil on success. Without it, `:graph` writes DOT only.
  public var convertGraph: ((_ dot: String, _ path: String, _ format: String) -> String?)?
  /// Draws DOT text as an SVG document for `:graph` without a file (the front end runs
  /// Graphviz's `dot`); nil when it cannot. Without it, such pictures are DOT.
  public var drawSVG: ((_ dot: String) -> String?)?
  /// Options for explanations, set with `:set`.
  public var options = SessionOptions()
  /// What the session may do beyond its knowledge (files, the highest limits).
  public var policy = SessionPolicy()
  /// Every source file seen, for rendering diagnostics.
  public internal(set) var sources = SourceRegistry()

  var knowledge = KnowledgeBase()
  /// The knowledge without assumptions, while `:assume` is in effect (nil otherwise).
  var assumptionBase: KnowledgeBase?
  /// The assumptions in effect, in order.
  var assumptions: [Assumption] = []
  let pool: ValuePool
  let loader: SourceLoader
  private var inputCount = 0
  /// The folder relative `:load` paths resolve against while a script runs.
  var currentDirectory: String?
  /// The folder that relative paths are read from (nil: the process's current folder).
  /// Names shown to users stay relative, so output never depends on where Valley runs.
  public var workingDirectory: String?

  /// Creates an empty session that reads files through `loader`.
  public init(loader: SourceLoader = FileSystemLoader()) {
    self.loader = loader
    pool = ValuePool()
  }

  /// Creates a session that starts from a shared snapshot of a loaded knowledge base. The
  /// session's changes are its own: the snapshot and every other session never see them.
  /// Nothing is copied up front; the session's knowledge shares the snapshot's storage
  /// until it changes a relation (copy-on-write).
  public init(from snapshot: KnowledgeSnapshot, loader: SourceLoader = FileSystemLoader()) {
    self.loader = loader
    pool = snapshot.pool.copy()
    knowledge = snapshot.knowledge
    sources = snapshot.sources
  }

  // MARK: Running statements

  /// The explanation of the last `:why` (for `:graph why`).
  var lastExplanation: Explanation?

  /// The chunks typed at the prompt in this session, failed ones included (`:history`).
  public private(set) var history: [String] = []

  /// Runs one chunk typed at the prompt (it may hold several statements).
  public func execute(input: String) -> [Output] {
    inputCount += 1
    history.append(input)
    var outputs: [Output] = []
    run(text: input, name: "<input:\(inputCount)>") { outputs.append($0) }
    return outputs
  }

  /// Runs text holding one or more statements, as typed at a prompt, and returns what each
  /// produced (for front ends that answer per statement, such as the classroom server).
  /// Diagnostics name the text `name`. Stops after `:quit`.
  public func run(statements text: String, name: String) -> [StatementResult] {
    inputCount += 1
    history.append(text)
    var results: [StatementResult] = []
    run(
      text: text, name: name,
      begin: { results.append(StatementResult(text: $0, line: $1, outputs: [])) },
      emit: { results[results.count - 1].outputs.append($0) })
    return results
  }

  /// Runs a script file statement by statement, calling `emit` after each; stops at `:quit`.
  public func runScript(path: String, emit: (Output) -> Void) {
    switch readSource(path) {
    case .failure(let diagnostic):
      emit(.diagnostics([diagnostic], line: 0))
    case .success(let text):
      runScript(text: text, name: path, directory: PathJoin.directory(of: path), emit: emit)
    }
  }

  /// Runs script text named `name`; `:load` paths resolve against `directory`.
  /// `echo`, when given, receives each statement's text before its outputs (for transcripts).
  public func runScript(
    text: String, name: String, directory: String?, echo: ((String) -> Void)? = nil,
    emit: (Output) -> Void
  ) {
    let saved = currentDirectory
    currentDirectory = directory
    defer { currentDirectory = saved }
    run(text: text, name: name, begin: echo.map { echo in { text, _ in echo(text) } }, emit: emit)
  }

  /// Runs every statement of `text`; `begin` receives each statement's text and first line
  /// before its outputs go to `emit`.
  private func run(
    text: String, name: String, begin: ((String, Int) -> Void)? = nil, emit: (Output) -> Void
  ) {
    let file = sources.add(name: name, text: text)
    let tokens = Lexer.tokenize(file)
    let (statements, _) = StatementSplitter.split(tokens)
    for statement in statements {
      begin?(file.text(of: statement.span), statement.line)
      var stop = false
      let start = ContinuousClock.now
      var outputs = execute(statement, in: file)
      if options.timing { outputs.append(.text(Session.timingLine(ContinuousClock.now - start))) }
      for output in outputs {
        emit(output)
        if case .quit = output { stop = true }
      }
      if stop { return }
    }
  }

  /// `% 0.075 s`: a statement's wall time, in milliseconds' precision.
  static func timingLine(_ elapsed: Duration) -> String {
    let (seconds, attoseconds) = elapsed.components
    let millis = max(0, seconds) * 1_000 + max(0, attoseconds) / 1_000_000_000_000_000
    let fraction = String(millis % 1_000)
    return "% \(millis / 1_000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) s"
  }

  /// Whether `input` is an unfinished statement, so a prompt should read another line.
  public func isIncomplete(_ input: String) -> Bool {
    var scratch = SourceRegistry()
    let file = scratch.add(name: "<pending>", text: input)
    let tokens = Lexer.tokenize(file)
    if tokens.contains(where: {
      if case .invalid(let d) = $0.kind { return d.kind == .E104 }
      return false
    }) {
      return true
    }
    return StatementSplitter.split(tokens).unfinished
  }

  /// Command names (with `:`) and predicate names, for Tab completion.
  public var completionWords: [String] {
    Commands.specs.map { ":" + $0.name } + knowledge.catalog.names.sorted()
  }

  /// Help topics: command names, `language`, `commands` and predicate names.
  public var helpTopics: [String] {
    Commands.specs.map(\.name) + ["language", "commands"] + knowledge.catalog.names.sorted()
  }

  /// The symbols of the knowledge base that can be typed bare, sorted (for Tab completion).
  public var symbolWords: [String] {
    var words: [String] = []
    for id in 0..<pool.count {
      if case .symbol(let s) = pool[UInt32(id)], ValueFormatter.isBareName(s) { words.append(s) }
    }
    return words.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// The number of stored facts, derived facts, rules and predicates (for a banner).
  public var statistics: (facts: Int, derived: Int, rules: Int, predicates: Int) { knowledge.statistics }

  func execute(_ statement: Statement, in file: SourceFile) -> [Output] {
    let line = statement.line
    switch statement {
    case .query(let tokens):
      return query(tokens, in: file, line: line)
    case .command(let name, let nameSpan, let arguments, _, _):
      switch Commands.parse(name: name, nameSpan: nameSpan, arguments: arguments) {
      case .failure(let diagnostic):
        return [.diagnostics([diagnostic], line: line)]
      case .success(let command):
        return command.run(in: self, CommandContext(file: file, line: line, nameSpan: nameSpan))
      }
    }
  }

  // MARK: Queries

  private func query(_ tokens: [Token], in file: SourceFile, line: Int) -> [Output] {
    let (parsed, syntaxErrors) = Parser.parseQuery(tokens)
    guard let parsed, !syntaxErrors.contains(where: { $0.severity == .error }) else {
      return [.diagnostics(syntaxErrors, line: line)]
    }
    var lowering = Lowering(catalog: knowledge.catalog)
    guard let query = lowering.lower(parsed) else {
      return [.diagnostics(lowering.diagnostics, line: line)]
    }
    let unsafe = SafetyChecker.check(query)
    if !unsafe.isEmpty { return [.diagnostics(unsafe, line: line)] }
    let result: Relation
    do throws(EvaluationError) {
      // In place: the indexes a query builds stay for later queries, and the model is not
      // copied (a query changes no facts, so a failure leaves nothing to undo).
      result = try Evaluator.answers(query, store: &knowledge.model, pool: pool, budget: budget)
    } catch {
      let diagnostic = RuntimeDiagnostics.diagnostic(
        for: error, program: knowledge.program, pool: pool, budget: budget, statement: parsed.span)
      return [.diagnostics([diagnostic], line: line)]
    }
    var rows = result.rows.map { $0.map { pool[$0] } }
    rows.sort { a, b in
      for (x, y) in zip(a, b) where x != y { return Value.sortsBefore(x, y) }
      return false
    }
    let text = file.text(of: parsed.span)
    return [
      .answers(
        AnswerTable(
          query: text, variables: query.answerVariables.map { query.variableNames[$0] }, rows: rows))
    ]
  }

  // MARK: Files

  /// Where a path shown to users is on disk.
  func physical(_ path: String) -> String {
    PathJoin.resolve(path, against: workingDirectory)
  }

  func readSource(_ path: String, at span: SourceSpan? = nil) -> Result<String, Diagnostic> {
    loader.readText(physical(path), shownAs: path, at: span)
  }
}
