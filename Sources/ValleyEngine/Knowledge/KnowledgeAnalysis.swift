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
  public init(
    paths: [String], loader: SourceLoader, workingDirectory: String? = nil,
    budget: EvaluationBudget = EvaluationBudget(maximumDerivedFacts: 1_000_000, timeLimit: 2)
  ) {
    var knowledgeLoader = KnowledgeLoader(
      loader: loader, workingDirectory: workingDirectory, pool: ValuePool(), budget: budget,
      sources: SourceRegistry())
    var kb = KnowledgeBase()
    let parsed = knowledgeLoader.parse(
      paths.map { KnowledgeLoader.File(path: $0, displayName: $0) }, into: &kb)
    let (_, diagnostics) = knowledgeLoader.check(parsed, into: &kb)
    sources = knowledgeLoader.sources
    self.diagnostics = DiagnosticLog.ordered(diagnostics)
    files = parsed.files.map { File(path: $0.file.name, source: $0.file, syntax: $0.syntax) }
    if !diagnostics.contains(where: { $0.severity == .error }) {
      catalog = kb.catalog
      for number in 0..<catalog.count where number < kb.base.relations.count {
        let rules = kb.rules.filter { $0.head.predicate == number }.count
        definitions[catalog[number].name] = Definitions(facts: kb.base.relations[number].count, rules: rules)
      }
    } else {
      // The checks failed, so the knowledge base kept nothing: read the predicates from the
      // syntax as the checks do, and count clauses.
      var lowering = Lowering(catalog: PredicateCatalog())
      for file in files {
        for declaration in file.syntax.declarations { lowering.declare(declaration, unit: 0) }
      }
      for file in files {
        for clause in file.syntax.clauses {
          lowering.registerHead(clause.head)
          var counts = definitions[clause.head.name] ?? Definitions(facts: 0, rules: 0)
          if clause.body.isEmpty { counts.facts += 1 } else { counts.rules += 1 }
          definitions[clause.head.name] = counts
        }
      }
      catalog = lowering.catalog
    }
  }
}
