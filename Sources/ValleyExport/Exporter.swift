import ValleyEngine

/// Why a knowledge base could not be exported: diagnostics that name each clause or fact the
/// target cannot express (E801) or each value it cannot hold (E802).
public struct ExportFailure: Error, Sendable {
  /// The problems, in the order of the program.
  public var diagnostics: [Diagnostic]
}

/// Translates a loaded knowledge base into SQL or Soufflé (`valley export`), from the engine's
/// analysed program: its predicate catalogue, its lowered rules and their strata, its stored
/// facts. docs/export.md describes the translation.
public enum Exporter {
  /// The program of `snapshot` for `target`. `header` lines open the text as comments (what
  /// was exported, how to run it).
  public static func export(_ snapshot: KnowledgeSnapshot, to target: ExportTarget, header: [String])
    -> Result<String, ExportFailure>
  {
    let program = snapshot.program
    let inference = KindInference(program: program, storedFacts: snapshot.storedFacts(of:))
    switch target {
    case .sqlite, .postgresql, .duckdb:
      let problems = unstorableSymbols(snapshot, target: "SQL text")
      if !problems.isEmpty { return .failure(ExportFailure(diagnostics: problems)) }
      let dialect: SQLDialect = target == .sqlite ? .sqlite : (target == .postgresql ? .postgresql : .duckdb)
      var writer = SQLScriptWriter(snapshot: snapshot, dialect: dialect, kinds: inference.columns)
      return .success(writer.write(header: header))
    case .souffle:
      var writer = SouffleWriter(snapshot: snapshot, kinds: inference.columns)
      return writer.write(header: header)
    }
  }

  /// E802 for each stored fact and rule with a symbol that holds U+0000, which neither SQL
  /// text nor Soufflé's symbols can hold (PostgreSQL refuses it; the others end text there).
  /// `target` names what cannot hold it.
  static func unstorableSymbols(_ snapshot: KnowledgeSnapshot, target: String) -> [Diagnostic] {
    func bad(_ value: Value) -> Bool {
      if case .symbol(let s) = value { return s.unicodeScalars.contains("\u{0}") }
      return false
    }
    var problems: [Diagnostic] = []
    let program = snapshot.program
    for p in 0..<program.catalog.count {
      let origins = snapshot.storedOrigins(of: p)
      for (n, row) in snapshot.storedFacts(of: p).enumerated() where row.contains(where: bad) {
        problems.append(
          .error(
            .E802, "a symbol with the character U+0000 cannot be stored in \(target)",
            at: n < origins.count ? origins[n].span : nil,
            help: "remove the character from the symbol"))
      }
    }
    for rule in program.rules where rule.constants.contains(where: bad) {
      problems.append(
        .error(
          .E802, "a symbol with the character U+0000 cannot be written in \(target)", at: rule.span,
          help: "remove the character from the symbol"))
    }
    return problems
  }
}

extension Rule {
  /// Every constant of the rule, in its head and body (aggregates included).
  var constants: [Value] {
    func term(_ t: Term) -> [Value] {
      switch t {
      case .constant(let v, _): return [v]
      case .variable: return []
      case .binary(_, let l, let r, _): return term(l) + term(r)
      case .negate(let inner, _): return term(inner)
      }
    }
    func literal(_ l: Literal) -> [Value] {
      switch l {
      case .positive(let a), .negative(let a): return a.arguments.flatMap(term)
      case .comparison(_, let x, let y, _): return term(x) + term(y)
      case .aggregate(let agg): return agg.terms.flatMap(term) + agg.body.flatMap(literal)
      }
    }
    return head.arguments.flatMap(term) + body.flatMap(literal)
  }
}
