/// What the checks find in a query script without running it, for tools that show it (an
/// editor's language server).
///
/// The script is split into statements as a session splits it. Queries and the goals of
/// `:why` and `:whynot` are parsed, resolved against a catalog of predicates and checked for
/// safety; commands are read as a session reads them; the clauses of `:assert`, `:assume` and
/// `:retract` are parsed, and their heads are known to the statements after them. `:load`
/// names a file: it must be readable (its predicates are the caller's to add to the catalog,
/// see ``loads(in:)``). Nothing is evaluated.
public struct ScriptAnalysis: Sendable {
  /// A `:load` in a script.
  public struct Load: Sendable, Hashable {
    /// The path as written.
    public var path: String
    /// The quoted path.
    public var span: SourceSpan
  }

  /// The statements, in order.
  public private(set) var statements: [Statement] = []
  /// The queries and goals that parsed, in order.
  public private(set) var queries: [Syntax.Query] = []
  /// The clauses of `:assert`, `:assume` and `:retract` that parsed, in order.
  public private(set) var clauses: [Syntax.Clause] = []
  /// Every error and warning, ordered by position.
  public private(set) var diagnostics: [Diagnostic] = []

  /// The commands whose argument is a clause; the other clause commands take a goal.
  private static let clauseArguments: Set<String> = ["assert", "assume", "retract"]

  /// Checks `source` against `catalog`. `loadable` says whether a `:load` path (as written)
  /// can be read, or gives the diagnostic that says why not.
  public init(_ source: SourceFile, catalog: PredicateCatalog, loadable: (Load) -> Diagnostic? = { _ in nil }) {
    var known = Lowering(catalog: catalog)
    var found: [Diagnostic] = []
    statements = StatementSplitter.split(Lexer.tokenize(source)).statements
    for statement in statements {
      switch statement {
      case .query(let tokens):
        found += check(goal: tokens, in: source, catalog: known.catalog)
      case .command(let name, let nameSpan, let arguments, _, _):
        switch Commands.parse(name: name, nameSpan: nameSpan, arguments: arguments) {
        case .failure(let diagnostic):
          found.append(diagnostic)
        case .success(let command):
          if let load = command as? LoadCommand, let problem = loadable(Load(path: load.path, span: load.span)) {
            found.append(problem)
          }
          guard let spec = Commands.named(name)?.spec, spec.extent == .clause else { continue }
          if Self.clauseArguments.contains(spec.name) {
            let (clause, problems) = Parser.parseSingleClause(CommandContext.clauseTokens(arguments, in: source))
            found += problems
            if let clause {
              known.registerHead(clause.head)
              clauses.append(clause)
            }
          } else {
            found += check(goal: arguments, in: source, catalog: known.catalog)
          }
        }
      }
    }
    diagnostics = DiagnosticLog.ordered(found + known.diagnostics)
  }

  /// Parses, resolves and checks one query or goal.
  private mutating func check(goal tokens: [Token], in source: SourceFile, catalog: PredicateCatalog)
    -> [Diagnostic]
  {
    let (parsed, syntaxErrors) = Parser.parseQuery(CommandContext.clauseTokens(tokens, in: source))
    guard let parsed else { return syntaxErrors }
    queries.append(parsed)
    var lowering = Lowering(catalog: catalog)
    guard let query = lowering.lower(parsed) else { return syntaxErrors + lowering.diagnostics }
    return syntaxErrors + SafetyChecker.check(query)
  }

  /// The files a script `:load`s, in order, as written (without checking anything else).
  public static func loads(in source: SourceFile) -> [Load] {
    StatementSplitter.split(Lexer.tokenize(source)).statements.compactMap { statement in
      guard case .command(let name, let nameSpan, let arguments, _, _) = statement, name == LoadCommand.spec.name,
        case .success(let command) = Commands.parse(name: name, nameSpan: nameSpan, arguments: arguments),
        let load = command as? LoadCommand
      else { return nil }
      return Load(path: load.path, span: load.span)
    }
  }
}
