import ValleyEngine

/// Where each predicate name and each variable is written, in a set of analysed files.
struct SymbolIndex: Sendable {
  /// What a predicate-name occurrence is.
  enum Role: Sendable, Hashable {
    /// The name in `@pred name(...)`.
    case declaration
    /// The head of a clause, or the predicate of an `@import`.
    case definition
    /// An atom in a body, a query or a goal.
    case use
  }

  /// One predicate name in the text.
  struct Occurrence: Sendable, Hashable {
    var name: String
    var span: SourceSpan
    var role: Role
  }

  /// A clause or query: its extent, its variables and, for clauses, its annotations.
  struct Unit: Sendable {
    var span: SourceSpan
    var head: Syntax.Atom?
    var variables: [(name: String, span: SourceSpan)]
    var source: String?
    var note: String?
  }

  /// Predicate names, in file and text order.
  private(set) var occurrences: [Occurrence] = []
  /// Clauses and queries, in file and text order.
  private(set) var units: [Unit] = []

  /// Indexes knowledge files and scripts.
  init(knowledge: [(file: SourceFile, syntax: Syntax.KnowledgeFile)], scripts: [(SourceFile, ScriptAnalysis)]) {
    for (_, syntax) in knowledge {
      for declaration in syntax.declarations {
        occurrences.append(Occurrence(name: declaration.name, span: declaration.nameSpan, role: .declaration))
      }
      for request in syntax.imports {
        occurrences.append(Occurrence(name: request.predicate, span: request.predicateSpan, role: .definition))
      }
      for clause in syntax.clauses { add(clause) }
    }
    for (_, script) in scripts {
      for clause in script.clauses { add(clause) }
      for query in script.queries {
        for atom in SyntaxWalk.atoms(in: query.body) {
          occurrences.append(Occurrence(name: atom.name, span: atom.nameSpan, role: .use))
        }
        units.append(
          Unit(
            span: query.span, head: nil, variables: SyntaxWalk.variables(head: nil, body: query.body), source: nil,
            note: nil))
      }
    }
    occurrences.sort { ($0.span.file, $0.span.start) < ($1.span.file, $1.span.start) }
    units.sort { ($0.span.file, $0.span.start) < ($1.span.file, $1.span.start) }
  }

  private mutating func add(_ clause: Syntax.Clause) {
    occurrences.append(Occurrence(name: clause.head.name, span: clause.head.nameSpan, role: .definition))
    for atom in SyntaxWalk.atoms(in: clause.body) {
      occurrences.append(Occurrence(name: atom.name, span: atom.nameSpan, role: .use))
    }
    units.append(
      Unit(
        span: clause.span, head: clause.head, variables: SyntaxWalk.variables(head: clause.head, body: clause.body),
        source: clause.source, note: clause.note))
  }

  /// The predicate name at a byte offset of a file (the offset may be just after the name).
  func occurrence(file: Int, offset: Int) -> Occurrence? {
    occurrences.first { $0.span.file == file && $0.span.start <= offset && offset <= $0.span.end }
  }

  /// Every occurrence of a predicate.
  func occurrences(of name: String) -> [Occurrence] {
    occurrences.filter { $0.name == name }
  }

  /// The clause or query that holds a byte offset of a file.
  func unit(file: Int, offset: Int) -> Unit? {
    units.first { $0.span.file == file && $0.span.start <= offset && offset <= $0.span.end }
  }

  /// The variable at a byte offset, with every occurrence of it in its clause.
  func variable(file: Int, offset: Int) -> (name: String, spans: [SourceSpan])? {
    guard let unit = unit(file: file, offset: offset),
      let hit = unit.variables.first(where: { $0.span.start <= offset && offset <= $0.span.end })
    else { return nil }
    return (hit.name, unit.variables.filter { $0.name == hit.name }.map(\.span))
  }
}
