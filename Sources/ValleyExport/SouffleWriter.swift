import ValleyEngine

/// Writes a knowledge base as a Soufflé program: a `.decl` and `.output` per predicate (each
/// column `number`, `float` or `symbol`), the stored facts, and the rules. Soufflé evaluates
/// recursion and stratification itself.
///
/// What Soufflé cannot say the same way is refused with E801, naming the clause: a column
/// that holds values of two kinds (Soufflé's columns have one type), `min`/`max` of symbols
/// (Soufflé's take numbers), arithmetic on a symbol, `mod` on decimals, a comparison or an
/// expression whose kind depends on the row.
/// Aggregates count distinct tuples through a relation of their own (Soufflé's count the
/// rows of the body), which must bind the aggregate's grouping variables by itself.
struct SouffleWriter {
  let snapshot: KnowledgeSnapshot
  let kinds: [[KindSet]]
  private let program: Program
  private var names: [String] = []
  private var lines: [String] = []
  private var problems: [Diagnostic] = []
  private var taken: Set<String> = []
  private var helperCount = 0

  init(snapshot: KnowledgeSnapshot, kinds: [[KindSet]]) {
    self.snapshot = snapshot
    self.kinds = kinds
    program = snapshot.program
  }

  mutating func write(header: [String]) -> Result<String, ExportFailure> {
    names = program.catalog.predicates.map { claim(Self.identifier($0.name)) }
    checkColumns()
    problems += Exporter.unstorableSymbols(snapshot, target: "a Soufflé symbol")
    guard problems.isEmpty else { return .failure(ExportFailure(diagnostics: problems)) }
    var out = header.map { "// " + $0 }
    out.append(
      "// Soufflé must be built with 64-bit values (cmake -DSOUFFLE_DOMAIN_64BIT=ON): Valley's integers are 64-bit, its decimals doubles."
    )
    for p in 0..<program.catalog.count { declare(p) }
    for p in 0..<program.catalog.count { facts(p) }
    lines.append("")
    for rule in program.rules { translate(rule) }
    guard problems.isEmpty else { return .failure(ExportFailure(diagnostics: problems)) }
    return .success((out + lines).joined(separator: "\n") + "\n")
  }

  // MARK: Declarations and facts

  private mutating func checkColumns() {
    for p in 0..<program.catalog.count {
      for (j, columnKinds) in kinds[p].enumerated() where columnKinds.kinds.count > 1 {
        let info = program.catalog[p]
        let described = columnKinds.kinds.map { $0.name + "s" }.joined(separator: " and ")
        problems.append(
          .error(
            .E801,
            "column \(j + 1) ('\(program.catalog.columnName(p, j))') of '\(info.name)' holds \(described); "
              + "a Soufflé column has one type",
            at: secondKindClause(p, j) ?? info.declaredAt ?? info.firstSeen,
            help: "keep one kind of value in the column, or export to SQL, which stores such columns"))
      }
    }
  }

  /// The first clause that puts a value of a second kind into column `j` of `p`.
  private func secondKindClause(_ p: Int, _ j: Int) -> SourceSpan? {
    var seen: KindSet = []
    let origins = snapshot.storedOrigins(of: p)
    for (n, row) in snapshot.storedFacts(of: p).enumerated() {
      seen.insert(KindSet(ValueKind(of: row[j])))
      if seen.kinds.count > 1 { return n < origins.count ? origins[n].span : nil }
    }
    let inference = KindInferenceView(kinds: kinds)
    for rule in program.rules where rule.head.predicate == p {
      seen.formUnion(inference.scope(rule).kinds(of: rule.head.arguments[j]))
      if seen.kinds.count > 1 { return rule.span }
    }
    return nil
  }

  private mutating func declare(_ p: Int) {
    let info = program.catalog[p]
    var attributes: [String] = []
    var used: Set<String> = []
    for j in 0..<info.arity {
      var name = Self.identifier(program.catalog.columnName(p, j))
      while !used.insert(name).inserted { name += "_" }
      attributes.append("\(name): \(Self.type(kinds[p][j]))")
    }
    lines.append("")
    if let doc = info.doc { lines.append("// \(SQLScriptWriter.oneLine(doc))") }
    // The predicate's Valley name, for tools that read the outputs back.
    lines.append("// predicate \(JSON.string(info.name))")
    lines.append(".decl \(names[p])(\(attributes.joined(separator: ", ")))")
    lines.append(".output \(names[p])")
  }

  private mutating func facts(_ p: Int) {
    let rows = snapshot.storedFacts(of: p)
    guard !rows.isEmpty else { return }
    lines.append("")
    let origins = snapshot.storedOrigins(of: p)
    var lastSource: String?
    for (n, row) in rows.enumerated() {
      if n < origins.count, let source = origins[n].source, source != lastSource {
        lines.append("// source: \(SQLScriptWriter.oneLine(source))")
        lastSource = source
      }
      let values = row.map { Self.literal(snapshot.canonical($0)) }
      lines.append("\(names[p])(\(values.joined(separator: ", "))).")
    }
  }

  // MARK: Rules

  private mutating func translate(_ rule: Rule) {
    let file = snapshot.sourceFiles.file(rule.span.file)
    let at = file.map { "\($0.name):\($0.location(of: rule.span.start).line)" } ?? "?"
    lines.append("// \(at): \(SQLScriptWriter.oneLine(rule.text))")
    if let source = rule.source { lines.append("//   source: \(SQLScriptWriter.oneLine(source))") }
    if let note = rule.note { lines.append("//   note: \(SQLScriptWriter.oneLine(note))") }
    let scope = KindInferenceView(kinds: kinds).scope(rule)
    var clause = ClauseText(writer: self, rule: rule, scope: scope)
    let body = clause.body(rule.body)
    let head = rule.head.arguments.map { clause.term($0) }
    problems += clause.problems
    lines += clause.helpers
    helperCount = clause.helperCount
    taken = clause.taken
    let headText = "\(names[rule.head.predicate])(\(head.joined(separator: ", ")))"
    switch body {
    case nil:
      lines.append("// (never holds: an atom of the body can match no row)")
    case let literals?:
      lines.append("\(headText) :- \(literals.isEmpty ? "true" : literals.joined(separator: ", ")).")
    }
  }

  /// A Soufflé identifier that no predicate, helper or keyword has taken.
  fileprivate mutating func claim(_ base: String) -> String {
    var name = base
    var n = 2
    while Self.keywords.contains(name) || !taken.insert(name).inserted {
      name = "\(base)_\(n)"
      n += 1
    }
    return name
  }

  fileprivate var predicateNames: [String] { names }
  fileprivate var nextHelper: Int { helperCount }
  fileprivate var takenNames: Set<String> { taken }

  // MARK: Text

  /// An identifier Soufflé reads (ASCII letters, digits, `_`, not starting with a digit):
  /// other characters become `_uXXXX`.
  static func identifier(_ name: String) -> String {
    var out = ""
    for scalar in name.unicodeScalars {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
        out.unicodeScalars.append(scalar)
      } else {
        out += "_u" + String(scalar.value, radix: 16, uppercase: true)
      }
    }
    if out.isEmpty || out.first!.isNumber { out = "v" + out }
    if out.count == 1 && out == "_" { out = "v_" }
    return out
  }

  static func type(_ kinds: KindSet) -> String {
    switch kinds.single ?? .integer {
    case .integer: "number"
    case .decimal: "float"
    case .symbol: "symbol"
    }
  }

  /// A constant as Soufflé reads it: decimals without an exponent (its scanner has none).
  static func literal(_ value: Value) -> String {
    switch value {
    case .integer(let i): return String(i)
    case .decimal(let d): return fixedPoint(d)
    case .symbol(let s): return ValueFormatter.escaped(s) { _ in nil }
    }
  }

  /// `d` in plain decimal notation with the digits of its shortest form (so it reads back
  /// as the same double): `1e-05` is `0.00001`, `1e+16` is `10000000000000000.0`.
  static func fixedPoint(_ d: Double) -> String {
    let text = "\(d)"
    let negative = text.hasPrefix("-")
    let body = negative ? String(text.dropFirst()) : text
    let mantissa: String
    var exponent = 0
    if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = String(body[..<e])
      exponent = Int(body[body.index(after: e)...]) ?? 0
    } else {
      mantissa = body
    }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    var digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
    var point = parts[0].count + exponent
    if point <= 0 {
      digits = String(repeating: "0", count: 1 - point) + digits
      point = 1
    }
    if point >= digits.count { digits += String(repeating: "0", count: point - digits.count + 1) }
    var whole = String(digits.prefix(point))
    var fraction = String(digits.dropFirst(point))
    while whole.count > 1 && whole.hasPrefix("0") { whole.removeFirst() }
    while fraction.count > 1 && fraction.hasSuffix("0") { fraction.removeLast() }
    return (negative ? "-" : "") + whole + "." + fraction
  }

  /// Words Soufflé's scanner reserves.
  static let keywords: Set<String> = [
    "autoinc", "band", "bor", "bxor", "bnot", "bshl", "bshr", "bshru", "land", "lor", "lxor", "lnot", "match",
    "mean", "cat", "ord", "fold", "range", "strlen", "substr", "stateful", "contains", "output", "input",
    "overridable", "printsize", "eqrel", "inline", "no_inline", "magic", "no_magic", "brie", "btree_delete",
    "btree", "min", "max", "as", "nil", "count", "sum", "true", "false", "to_float", "to_number", "to_string",
    "to_unsigned", "number", "symbol", "float", "unsigned",
  ]
}

/// The kinds of the variables of rules, from the inferred column kinds.
private struct KindInferenceView {
  let kinds: [[KindSet]]

  func scope(_ rule: Rule) -> KindScope {
    KindScope(columns: kinds, body: rule.body, outer: [:], anonymous: rule.anonymousSlots)
  }
}

/// The text of one rule's body, and the helper relations its aggregates need.
private struct ClauseText {
  var writer: SouffleWriter
  let rule: Rule
  let scope: KindScope
  var problems: [Diagnostic] = []
  var helpers: [String] = []
  var helperCount: Int
  var taken: Set<String>

  /// The Soufflé name of each variable slot: its Valley name when Soufflé reads it as one
  /// (ASCII, not `__` like Soufflé's `__FILE__`), else `V` and the slot, made unique.
  let variableNames: [String]

  init(writer: SouffleWriter, rule: Rule, scope: KindScope) {
    self.writer = writer
    self.rule = rule
    self.scope = scope
    helperCount = writer.nextHelper
    taken = writer.takenNames
    let kept = Set(rule.variableNames)
    variableNames = rule.variableNames.indices.map { v in
      let name = rule.variableNames[v]
      if SouffleWriter.identifier(name) == name && !name.hasPrefix("__") { return name }
      var mangled = "V\(v)"
      while kept.contains(mangled) { mangled += "_" }
      return mangled
    }
  }

  /// The body's literals, or nil when one of them can never hold (an atom whose argument is
  /// of a kind its column never holds).
  mutating func body(_ literals: [Literal]) -> [String]? {
    body(literals, scope: scope)
  }

  private mutating func body(_ literals: [Literal], scope: KindScope) -> [String]? {
    var out: [String] = []
    for literal in literals {
      switch literal {
      case .positive(let atom):
        guard let text = atomText(atom, scope: scope, negated: false) else { return nil }
        out.append(text)
      case .negative(let atom):
        if let text = atomText(atom, scope: scope, negated: true) { out.append("!" + text) }
      case .comparison(let op, let l, let r, let span):
        out.append(comparison(op, l, r, span, scope: scope))
      case .aggregate(let agg):
        out.append(aggregate(agg, scope: scope))
      }
    }
    return out
  }

  /// `p(args)`, or nil when an argument's kind is one the column never holds (the atom then
  /// matches nothing).
  private mutating func atomText(_ atom: Atom, scope: KindScope, negated: Bool) -> String? {
    var arguments: [String] = []
    for (j, t) in atom.arguments.enumerated() {
      if let v = t.variableSlot, scope.bindings.isAnonymous(v) {
        arguments.append("_")
        continue
      }
      let column = writer.kinds[atom.predicate][j]
      let termKinds = scope.kinds(of: t)
      if termKinds.intersection(column).isEmpty && !column.isEmpty { return nil }
      arguments.append(term(t, scope: scope))
    }
    return "\(writer.predicateNames[atom.predicate])(\(arguments.joined(separator: ", ")))"
  }

  private mutating func comparison(
    _ op: Syntax.ComparisonOperator, _ l: Term, _ r: Term, _ span: SourceSpan, scope: KindScope
  ) -> String {
    let a = scope.kinds(of: l)
    let b = scope.kinds(of: r)
    guard let ka = a.single, let kb = b.single else {
      refuse("a comparison of values whose kind depends on the row", at: span)
      return "true"
    }
    var x = term(l, scope: scope)
    var y = term(r, scope: scope)
    switch (ka, kb) {
    case (.symbol, .symbol): break  // Soufflé orders symbols by their bytes, as Valley does
    case (.symbol, _): return SQLExpressions.holds(op, order: 1) ? "true" : "false"
    case (_, .symbol): return SQLExpressions.holds(op, order: -1) ? "true" : "false"
    case (.integer, .decimal): x = "to_float(\(x))"
    case (.decimal, .integer): y = "to_float(\(y))"
    default: break
    }
    let symbol = op == .notEqual ? "!=" : (op == .equal ? "=" : SQLExpressions.sql(op))
    return "\(x) \(symbol) \(y)"
  }

  mutating func term(_ t: Term) -> String { term(t, scope: scope) }

  private mutating func term(_ t: Term, scope: KindScope) -> String {
    switch t {
    case .variable(let v, _):
      if scope.bindings.isAnonymous(v) { return "_" }
      return variableNames[v]
    case .constant(let value, _):
      let text = SouffleWriter.literal(writer.snapshot.canonical(value))
      return text.hasPrefix("-") ? "(\(text))" : text
    case .negate(let inner, let span):
      if !scope.kinds(of: inner).isSubset(of: .numbers) { refuse("arithmetic on a symbol", at: span) }
      return "(-\(term(inner, scope: scope)))"
    case .binary(let op, let l, let r, let span):
      let a = scope.kinds(of: l)
      let b = scope.kinds(of: r)
      guard let ka = a.single, let kb = b.single, ka.isNumber, kb.isNumber else {
        refuse("arithmetic on a value that may be a symbol, or whose kind depends on the row", at: span)
        return "0"
      }
      var x = term(l, scope: scope)
      var y = term(r, scope: scope)
      if ka != kb {
        if ka == .integer { x = "to_float(\(x))" } else { y = "to_float(\(y))" }
      }
      if op == .modulo && (ka == .decimal || kb == .decimal) { refuse("'mod' on decimals", at: span) }
      let symbol = op == .modulo ? "%" : op.rawValue
      return "(\(x) \(symbol) \(y))"
    }
  }

  /// `N = count : { helper(G..., _...) }`: the helper relation holds the aggregate's
  /// distinct tuples with their grouping values.
  private mutating func aggregate(_ agg: Aggregate, scope: KindScope) -> String {
    let inner = scope.innerScope(agg)
    let standalone = BodyBindings(body: agg.body, outer: [], anonymous: scope.bindings.anonymous)
    for g in agg.grouping where standalone.sources[g] == nil {
      refuse(
        "an aggregate whose body does not bind its grouping variable '\(rule.variableNames[g])' by itself",
        at: agg.span)
      return "true"
    }
    if agg.kind == .min || agg.kind == .max, inner.kinds(of: agg.terms[0]) == .symbol {
      refuse("'\(agg.kind.rawValue)' of symbols (Soufflé's min and max take numbers only)", at: agg.span)
    }
    helperCount += 1
    var name = "valley_aggregate_\(helperCount)"
    var n = 2
    while SouffleWriter.keywords.contains(name) || !taken.insert(name).inserted {
      name = "valley_aggregate_\(helperCount)_\(n)"
      n += 1
    }
    let innerText = body(agg.body, scope: inner)
    let termTexts = agg.terms.map { term($0, scope: inner) }
    let groupTexts = agg.grouping.map { term(.variable($0, agg.span), scope: inner) }
    var attributes: [String] = []
    for (n, g) in agg.grouping.enumerated() {
      attributes.append("g\(n): \(SouffleWriter.type(inner.kinds(ofVariable: g)))")
    }
    for (n, t) in agg.terms.enumerated() { attributes.append("t\(n): \(SouffleWriter.type(inner.kinds(of: t)))") }
    helpers.append("// the distinct tuples of the aggregate at \(location(agg.span))")
    helpers.append(".decl \(name)(\(attributes.joined(separator: ", ")))")
    if let innerText {
      helpers.append(
        "\(name)(\((groupTexts + termTexts).joined(separator: ", "))) :- \(innerText.isEmpty ? "true" : innerText.joined(separator: ", "))."
      )
    }
    let outerGroups = agg.grouping.map { term(.variable($0, agg.span), scope: scope) }
    let result = term(.variable(agg.result, agg.span), scope: scope)
    var pattern = outerGroups + agg.terms.map { _ in "_" }
    switch agg.kind {
    case .count:
      return "\(result) = count : { \(name)(\(pattern.joined(separator: ", "))) }"
    case .sum, .min, .max:
      var value = "V_value"
      while rule.variableNames.contains(value) { value += "_" }
      pattern[outerGroups.count] = value
      return "\(result) = \(agg.kind.rawValue) \(value) : { \(name)(\(pattern.joined(separator: ", "))) }"
    }
  }

  private func location(_ span: SourceSpan) -> String {
    guard let file = writer.snapshot.sourceFiles.file(span.file) else { return "?" }
    let at = file.location(of: span.start)
    return "\(file.name):\(at.line):\(at.column)"
  }

  private mutating func refuse(_ what: String, at span: SourceSpan) {
    problems.append(
      .error(
        .E801, "Soufflé cannot express \(what)", at: span,
        help: "export to sqlite, postgresql or duckdb, which can; docs/export.md lists what Soufflé cannot"))
  }
}
