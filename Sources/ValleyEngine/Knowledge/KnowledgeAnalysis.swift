/// What the load pipeline finds in a set of knowledge files, for tools that show it (an
/// editor's language server) rather than keep it.
///
/// It reads, parses, checks and evaluates the files exactly as a load does
/// (``KnowledgeLoader``), with two differences: syntax errors do not stop the checks (the
/// clauses that did parse are still checked, so one pass reports as much as it can), and the
/// syntax trees are kept. Nothing is kept from the model but the number of facts and rules per
/// predicate.
public struct KnowledgeAnalysis: Sendable {
  /// One knowledge file that was read.
  public struct File: Sendable {
    /// The path it was read from, as given.
    public var path: String
    /// Its text; spans in ``syntax`` and in diagnostics refer to `source.id`.
    public var source: SourceFile
    /// What the parser made of it (the clauses that parsed, when it has errors).
    public var syntax: Syntax.KnowledgeFile
  }

  /// How many stored facts and rules define a predicate.
  public struct Definitions: Sendable, Hashable {
    /// Stored facts, the rows of imported tables included.
    public var facts: Int
    /// Rules.
    public var rules: Int

    /// Creates counts.
    public init(facts: Int, rules: Int) {
      self.facts = facts
      self.rules = rules
    }
  }

  /// The files that could be read, in the order given.
  public private(set) var files: [File] = []
  /// Every error and warning, ordered by file and position. A file that cannot be read gives
  /// a diagnostic without a span.
  public private(set) var diagnostics: [Diagnostic] = []
  /// The predicates the files declare or define (also when they have errors), with their
  /// arity, columns and documentation.
  public private(set) var catalog = PredicateCatalog()
  /// Facts and rules per predicate name.
  public private(set) var definitions: [String: Definitions] = [:]
  /// Every text read, knowledge files and imported tables; a caller that makes more source
  /// files (a script that refers to these predicates) adds them here so that ids stay unique.
  public var sources: SourceRegistry

  /// Analyses the knowledge files at `paths` (read through `loader`, relative paths against
  /// `workingDirectory`) as one load, under `budget`.
  ///
  /// - Parameters:
  ///   - sources: the registry to add the texts to, so that ids stay unique across analyses.
  ///   - context: predicates defined elsewhere (other folders of a workspace) that these
  ///     files may use without defining them; a predicate the files declare or define
  ///     themselves is theirs, whatever the context says.
  public init(
    paths: [String], loader: SourceLoader, workingDirectory: String? = nil,
    budget: EvaluationBudget = EvaluationBudget(maximumDerivedFacts: 1_000_000, timeLimit: 2),
    sources: SourceRegistry = SourceRegistry(), context: PredicateCatalog? = nil
  ) {
    var knowledgeLoader = KnowledgeLoader(
      loader: loader, workingDirectory: workingDirectory, pool: ValuePool(), budget: budget, sources: sources)
    var kb = KnowledgeBase()
    let parsed = knowledgeLoader.parse(
      paths.map { KnowledgeLoader.File(path: $0, displayName: $0) }, into: &kb)
    if let context {
      var own = Set<String>()
      for entry in parsed.files {
        own.formUnion(entry.syntax.declarations.map(\.name))
        own.formUnion(entry.syntax.imports.map(\.predicate))
        own.formUnion(entry.syntax.clauses.map(\.head.name))
      }
      for info in context.predicates where !own.contains(info.name) && kb.catalog.number(of: info.name) == nil {
        // Known here by name, arity and doc only: its clauses are checked with its own files.
        let number = kb.catalog.add(name: info.name, arity: info.arity, at: SourceSpan(file: -1, start: 0, end: 0))
        kb.catalog[number].columns = info.columns
        kb.catalog[number].doc = info.doc
      }
      kb.growTables()
    }
    let seeded = kb.catalog
    let (_, diagnostics) = knowledgeLoader.check(parsed, into: &kb)
    self.sources = knowledgeLoader.sources
    self.diagnostics = DiagnosticLog.ordered(diagnostics)
    files = parsed.files.map { File(path: $0.file.name, source: $0.file, syntax: $0.syntax) }
    if !diagnostics.contains(where: { $0.severity == .error }) {
      catalog = kb.catalog
      for number in 0..<catalog.count where number < kb.base.relations.count {
        let rules = kb.rules.filter { $0.head.predicate == number }.count
        definitions[catalog[number].name] = Definitions(facts: kb.base.relations[number].count, rules: rules)
      }
    } else {
      catalog = Self.readCatalog(files, startingWith: seeded)
      for file in files {
        for clause in file.syntax.clauses {
          var counts = definitions[clause.head.name] ?? Definitions(facts: 0, rules: 0)
          if clause.body.isEmpty { counts.facts += 1 } else { counts.rules += 1 }
          definitions[clause.head.name] = counts
        }
      }
    }
  }

  /// The predicates that knowledge files declare, import or define, read from their syntax
  /// only (nothing is checked): for the ``init(paths:loader:workingDirectory:budget:sources:context:)``
  /// of other files. The first arity seen wins.
  public static func catalog(of paths: [String], loader: SourceLoader) -> PredicateCatalog {
    var knowledgeLoader = KnowledgeLoader(
      loader: loader, workingDirectory: nil, pool: ValuePool(), budget: EvaluationBudget(), sources: SourceRegistry())
    var kb = KnowledgeBase()
    let parsed = knowledgeLoader.parse(paths.map { KnowledgeLoader.File(path: $0, displayName: $0) }, into: &kb)
    var lowering = Lowering(catalog: PredicateCatalog())
    for entry in parsed.files {
      for table in parsed.importsByUnit[entry.unit] ?? [] {
        _ = lowering.registerImport(table.predicate, columns: table.table.columns, at: table.span)
      }
    }
    let files = parsed.files.map { File(path: $0.file.name, source: $0.file, syntax: $0.syntax) }
    return readCatalog(files, startingWith: lowering.catalog)
  }

  /// The checks failed or were not run, so no knowledge base kept a catalog: read the
  /// predicates from the syntax as the checks do.
  private static func readCatalog(_ files: [File], startingWith catalog: PredicateCatalog) -> PredicateCatalog {
    var lowering = Lowering(catalog: catalog)
    for file in files {
      for declaration in file.syntax.declarations { lowering.declare(declaration, unit: 0) }
    }
    for file in files {
      for clause in file.syntax.clauses { lowering.registerHead(clause.head) }
    }
    return lowering.catalog
  }
}
