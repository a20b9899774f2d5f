/// Turns parsed clauses and queries into checked ``Rule``s and ``Query``s.
///
/// Lowering resolves predicate names against the catalog (arity mismatches and unknown names
/// are errors), numbers variables, and hoists aggregates out of terms into literals of their
/// own. Safety is checked afterwards by ``SafetyChecker``.
public struct Lowering {
  /// The catalog, extended with the predicates a file introduces.
  public var catalog: PredicateCatalog
  /// Problems found so far.
  public var diagnostics: [Diagnostic] = []

  /// Creates a lowering pass over a catalog.
  public init(catalog: PredicateCatalog) {
    self.catalog = catalog
  }

  /// What a clause became: a stored fact, or a rule to evaluate.
  public enum Lowered: Sendable {
    /// A fact with constant arguments.
    case fact(predicate: Int, values: [Value])
    /// A rule (or a bodiless clause whose arguments need computing).
    case rule(Rule)
  }

  // MARK: Predicates

  /// Registers a `@pred` declaration; `declared` maps names to earlier declaration places.
  public mutating func declare(_ d: Syntax.Declaration, unit: Int) {
    if let number = catalog.number(of: d.name) {
      let info = catalog[number]
      if let previous = info.declaredAt {
        diagnostics.append(
          .error(
            .E204, "predicate '\(d.name)' is declared twice", at: d.span,
            notes: [.init("first declared here", at: previous)],
            help: "keep one @pred line for '\(d.name)'"))
        return
      }
      if info.arity != d.columns.count {
        diagnostics.append(arityError(d.name, used: d.columns.count, at: d.span, info: info))
        return
      }
      catalog[number].columns = d.columns
      catalog[number].doc = d.doc
      catalog[number].declaredAt = d.span
      catalog[number].declarationUnit = unit
    } else {
      let number = catalog.add(name: d.name, arity: d.columns.count, at: d.span)
      catalog[number].columns = d.columns
      catalog[number].doc = d.doc
      catalog[number].declaredAt = d.span
      catalog[number].declarationUnit = unit
    }
  }

  /// Registers the predicate of an imported table; a new predicate takes the header's column
  /// names. Returns nil (after logging an arity error) when the table does not fit.
  public mutating func registerImport(_ name: String, columns: [String], at span: SourceSpan) -> Int? {
    if let number = catalog.number(of: name) {
      let info = catalog[number]
      guard info.arity == columns.count else {
        diagnostics.append(arityError(name, used: columns.count, at: span, info: info))
        return nil
      }
      return number
    }
    let number = catalog.add(name: name, arity: columns.count, at: span)
    catalog[number].columns = columns
    return number
  }

  /// Registers the predicate of a clause head, adding it when new.
  public mutating func registerHead(_ atom: Syntax.Atom) {
    if let number = catalog.number(of: atom.name) {
      let info = catalog[number]
      if info.arity != atom.arguments.count {
        diagnostics.append(arityError(atom.name, used: atom.arguments.count, at: atom.span, info: info))
      }
    } else {
      _ = catalog.add(name: atom.name, arity: atom.arguments.count, at: atom.span)
    }
  }

  /// Registers the predicate of a group of compact facts of file `file`, as
  /// ``registerHead(_:)`` would for each of them in turn: the first fact adds a new predicate;
  /// when the predicate has another arity, every fact of the group is an arity error. Returns
  /// the predicate's number when the facts fit.
  public mutating func registerFacts(_ group: Syntax.CompactFacts.Group, file: Int) -> Int? {
    guard group.count > 0 else { return nil }
    if let number = catalog.number(of: group.name) {
      let info = catalog[number]
      guard info.arity == group.arity else {
        for i in 0..<group.count {
          diagnostics.append(arityError(group.name, used: group.arity, at: group.atomSpan(i, file: file), info: info))
        }
        return nil
      }
      return number
    }
    return catalog.add(name: group.name, arity: group.arity, at: group.atomSpan(0, file: file))
  }

  private func arityError(_ name: String, used: Int, at span: SourceSpan, info: PredicateInfo)
    -> Diagnostic
  {
    .error(
      .E201,
      "'\(name)' is used with \(used) argument\(used == 1 ? "" : "s") here, "
        + "but with \(info.arity) elsewhere",
      at: span,
      notes: [.init("'\(name)/\(info.arity)' is first used here", at: info.declaredAt ?? info.firstSeen)],
      help: "each predicate has one arity; rename one of them or fix the arguments")
  }

  /// Resolves a body atom's predicate, logging unknown names and arity mismatches.
  mutating func resolve(_ atom: Syntax.Atom) -> Int? {
    guard let number = catalog.number(of: atom.name) else {
      let suggestion = Suggestions.closest(to: atom.name, among: catalog.names)
      diagnostics.append(
        .error(
          .E202, "unknown predicate '\(atom.name)/\(atom.arguments.count)'", at: atom.nameSpan,
          help: suggestion.map { "did you mean '\($0)'?" }
            ?? "no fact, rule or @pred declares '\(atom.name)'; type :preds to list the predicates"))
      return nil
    }
    let info = catalog[number]
    if info.arity != atom.arguments.count {
      diagnostics.append(arityError(atom.name, used: atom.arguments.count, at: atom.span, info: info))
      return nil
    }
    return number
  }

  // MARK: Clauses and queries

  /// Lowers a clause whose head was already registered.
  public mutating func lower(_ clause: Syntax.Clause, unit: Int, file: SourceFile) -> Lowered? {
    guard let predicate = catalog.number(of: clause.head.name),
      catalog[predicate].arity == clause.head.arguments.count
    else { return nil }
    if clause.body.isEmpty, let values = constants(clause.head.arguments) {
      return .fact(predicate: predicate, values: values)
    }
    var scope = VariableScope()
    var hoisted: [Literal] = []
    let before = diagnostics.count
    var head: [Term] = []
    for argument in clause.head.arguments {
      head.append(lowerTerm(argument, &scope, &hoisted, inHead: true))
    }
    let body = lowerBody(clause.body, &scope) + hoisted
    guard diagnostics.count == before else { return nil }
    return .rule(
      Rule(
        head: Atom(predicate: predicate, arguments: head, span: clause.head.span),
        body: body, variableNames: scope.names, span: clause.span, source: clause.source,
        note: clause.note, unit: unit, text: file.text(of: clause.span)))
  }

  /// Lowers a query.
  public mutating func lower(_ query: Syntax.Query) -> Query? {
    var scope = VariableScope()
    let before = diagnostics.count
    let body = Grouping.assign(lowerBody(query.body, &scope), outside: [])
    guard diagnostics.count == before else { return nil }
    // Variables used only inside aggregates are local to them, so they are not answers.
    let outer = Grouping.outerVariables(body)
    let answers = (0..<scope.names.count).filter {
      !scope.names[$0].hasPrefix("_") && outer.contains($0)
    }
    return Query(body: body, answerVariables: answers, variableNames: scope.names, span: query.span)
  }

  private func constants(_ terms: [Syntax.Term]) -> [Value]? {
    var values: [Value] = []
    for term in terms {
      switch term {
      case .symbol(let s, _): values.append(.symbol(s))
      case .integer(let i, _): values.append(.integer(i))
      case .decimal(let d, _): values.append(.decimal(d))
      default: return nil
      }
    }
    return values
  }

  mutating func lowerBody(_ literals: [Syntax.Literal], _ scope: inout VariableScope) -> [Literal] {
    var result: [Literal] = []
    for literal in literals {
      var hoisted: [Literal] = []
      switch literal {
      case .positive(let atom):
        if let lowered = lowerAtom(atom, &scope, &hoisted) { result.append(.positive(lowered)) }
      case .negative(let atom, let span):
        if let lowered = lowerAtom(atom, &scope, &hoisted) {
          var negated = lowered
          negated.span = span
          result.append(.negative(negated))
        }
      case .comparison(let op, let left, let right, let span):
        if op == .equal, case .variable(let name, let vspan) = left, case .aggregate(let agg) = right {
          let slot = scope.slot(name)
          _ = vspan
          if let lowered = lowerAggregate(agg, result: slot, &scope) {
            result.append(.aggregate(lowered))
          }
          continue
        }
        let l = lowerTerm(left, &scope, &hoisted, inHead: false)
        let r = lowerTerm(right, &scope, &hoisted, inHead: false)
        result.append(.comparison(op, l, r, span))
      }
      // Aggregates found inside terms run before the literal that uses their value.
      result.insert(contentsOf: hoisted, at: result.count - (result.isEmpty ? 0 : 1))
    }
    return result
  }

  private mutating func lowerAtom(
    _ atom: Syntax.Atom, _ scope: inout VariableScope, _ hoisted: inout [Literal]
  ) -> Atom? {
    let number = resolve(atom)
    let arguments = atom.arguments.map { lowerTerm($0, &scope, &hoisted, inHead: false) }
    guard let predicate = number else { return nil }
    return Atom(predicate: predicate, arguments: arguments, span: atom.span)
  }

  mutating func lowerTerm(
    _ term: Syntax.Term, _ scope: inout VariableScope, _ hoisted: inout [Literal], inHead: Bool
  ) -> Term {
    switch term {
    case .variable(let name, let span):
      if name == "_" && inHead {
        diagnostics.append(
          .error(
            .E205, "'_' cannot appear in a rule head", at: span,
            help: "a head argument needs a value; use a named variable bound by the body"))
      }
      return .variable(scope.slot(name), span)
    case .symbol(let s, let span): return .constant(.symbol(s), span)
    case .integer(let i, let span): return .constant(.integer(i), span)
    case .decimal(let d, let span): return .constant(.decimal(d), span)
    case .binary(let op, let l, let r, let span):
      return .binary(
        op, lowerTerm(l, &scope, &hoisted, inHead: inHead),
        lowerTerm(r, &scope, &hoisted, inHead: inHead), span)
    case .negate(let t, let span):
      return .negate(lowerTerm(t, &scope, &hoisted, inHead: inHead), span)
    case .aggregate(let agg):
      let slot = scope.fresh(for: agg.span)
      if let lowered = lowerAggregate(agg, result: slot, &scope) {
        hoisted.append(.aggregate(lowered))
      }
      return .variable(slot, agg.span)
    }
  }

  private mutating func lowerAggregate(
    _ agg: Syntax.Aggregate, result: Int, _ scope: inout VariableScope
  ) -> Aggregate? {
    var inner: [Literal] = []
    let terms = agg.terms.map { lowerTerm($0, &scope, &inner, inHead: false) }
    let body = lowerBody(agg.body, &scope) + inner
    return Aggregate(
      kind: agg.kind, result: result, terms: terms, body: body, grouping: [], span: agg.span)
  }
}

/// Numbers the variables of one clause or query; every `_` gets a slot of its own.
struct VariableScope {
  var names: [String] = []
  private var slots: [String: Int] = [:]

  mutating func slot(_ name: String) -> Int {
    if name != "_", let s = slots[name] { return s }
    names.append(name)
    if name != "_" { slots[name] = names.count - 1 }
    return names.count - 1
  }

  mutating func fresh(for span: SourceSpan) -> Int {
    names.append("_aggregate")
    return names.count - 1
  }
}
