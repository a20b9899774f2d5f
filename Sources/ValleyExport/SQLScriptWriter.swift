import ValleyEngine

/// Writes a knowledge base as one SQL script: a table per predicate, the stored facts, then
/// each stratum in the engine's order, and a catalogue of what the tables mean.
///
/// A non-recursive stratum is one `INSERT ... SELECT` (its rules joined by `UNION`). A
/// recursive stratum whose rules each read the stratum once (linear recursion) is a
/// recursive common table expression, which every engine evaluates to a fixed point with
/// set semantics; the stratum's predicates share it, told apart by a tag column. Other
/// recursion iterates semi-naively: in a PL/pgSQL `DO` loop (PostgreSQL), in a trigger that
/// fires once per round (SQLite), or in DuckDB's `USING KEY` recursive query, whose
/// `recurring` table holds every row found so far.
struct SQLScriptWriter {
  let snapshot: KnowledgeSnapshot
  let program: Program
  let dialect: SQLDialect
  let layouts: [TableLayout]
  let context: TranslationContext
  private var names: SQLNames
  private var lines: [String] = []
  /// Whether a statement uses `mod` on decimals (PostgreSQL then needs `valley_fmod`).
  private var usesDecimalModulo = false
  /// Whether SQLite needs recursive triggers.
  private var usesRounds = false

  /// The rounds a recursive stratum may take in SQLite: outer rounds times nested ones
  /// (SQLite allows triggers 1,000 deep).
  static let outerRounds = 1_000
  static let nestedRounds = 900

  /// The catalogue's tables (claimed before any predicate's table, so their names are
  /// always these; a predicate of the same name gets a suffix, which the catalogue records).
  static let catalogueTables = (predicates: "valley_predicates", columns: "valley_columns", rules: "valley_rules")

  init(snapshot: KnowledgeSnapshot, dialect: SQLDialect, kinds: [[KindSet]]) {
    self.snapshot = snapshot
    program = snapshot.program
    self.dialect = dialect
    var names = SQLNames()
    for name in [Self.catalogueTables.predicates, Self.catalogueTables.columns, Self.catalogueTables.rules] {
      _ = names.claim(name)
    }
    layouts = TableLayout.layouts(program, kinds: kinds, names: &names)
    self.names = names
    context = TranslationContext(dialect: dialect, layouts: layouts, canonical: snapshot.canonical)
  }

  // MARK: The script

  /// The whole script; `header` lines go first, as comments.
  mutating func write(header: [String]) -> String {
    createTables()
    storeFacts()
    let derived = Set(program.rules.map(\.head.predicate))
    for layout in layouts where !derived.contains(layout.predicate) { index(layout) }
    for (n, stratum) in program.strata.enumerated() {
      evaluate(stratum, number: n + 1)
      for p in stratum.predicates { index(layouts[p]) }
    }
    writeCatalogue()

    var script = header.map { "-- " + $0 }
    if dialect == .sqlite && usesRounds { script.append("PRAGMA recursive_triggers = ON;") }
    script.append(dialect == .duckdb ? "BEGIN TRANSACTION;" : "BEGIN;")
    if dialect == .postgresql {
      // Many small queries: compiling each costs more than it saves (a tenth of a second each).
      script.append("SET LOCAL jit = off;")
      script += postgresFunctions()
    }
    script += lines
    script.append("COMMIT;")
    if dialect == .sqlite && usesRounds { script.append("PRAGMA recursive_triggers = OFF;") }
    return script.joined(separator: "\n") + "\n"
  }

  /// PostgreSQL's helpers, as temporary functions (gone with the session): raising an
  /// error inside an expression, and C's `fmod` (PostgreSQL has no `mod` on doubles).
  private func postgresFunctions() -> [String] {
    var text = [
      "CREATE OR REPLACE FUNCTION pg_temp.valley_error(message text, witness anyelement) RETURNS anyelement",
      "LANGUAGE plpgsql AS $valley$ BEGIN RAISE EXCEPTION '%', message; END $valley$;",
    ]
    if usesDecimalModulo {
      text += [
        "-- fmod, exactly: subtract the largest y * 2^k that fits, until less than |y| is left (each subtraction is exact).",
        "CREATE OR REPLACE FUNCTION pg_temp.valley_fmod(x double precision, y double precision) RETURNS double precision",
        "LANGUAGE plpgsql IMMUTABLE STRICT AS $valley$",
        "DECLARE r double precision := abs(x); m double precision := abs(y); t double precision;",
        "BEGIN",
        "  WHILE r >= m LOOP",
        "    t := m;",
        "    WHILE CASE WHEN t > 8.98846567431158e307 THEN false ELSE t * 2 <= r END LOOP t := t * 2; END LOOP;",
        "    r := r - t;",
        "  END LOOP;",
        "  IF x < 0 THEN RETURN -r; END IF;",
        "  RETURN r;",
        "END $valley$;",
      ]
    }
    return text
  }

  // MARK: Tables and facts

  private mutating func createTables() {
    lines.append("")
    lines.append("-- One table per predicate.")
    for layout in layouts {
      let info = program.catalog[layout.predicate]
      if let doc = info.doc { lines.append("-- \(Self.oneLine(doc))") }
      lines.append(createTable(SQLNames.quote(layout.name), layout, temporary: false))
    }
  }

  private func createTable(_ name: String, _ layout: TableLayout, temporary: Bool) -> String {
    let columns = zip(layout.sqlColumns, layout.sqlTypes(dialect)).map { "\(SQLNames.quote($0)) \($1) NOT NULL" }
    return
      "CREATE \(temporary ? "TEMP " : "")TABLE \(name) (\(columns.joined(separator: ", ")))\(dialect.tableOptions);"
  }

  private mutating func storeFacts() {
    let batch = 500
    for layout in layouts {
      let rows = snapshot.storedFacts(of: layout.predicate)
      guard !rows.isEmpty else { continue }
      let origins = snapshot.storedOrigins(of: layout.predicate)
      lines.append("")
      lines.append(
        "-- \(program.catalog[layout.predicate].name): \(rows.count) stored fact\(rows.count == 1 ? "" : "s").")
      var pending: [String] = []
      var source: String?  // the @source of the pending facts
      func flush() {
        guard !pending.isEmpty else { return }
        lines.append("\(insertHead(layout)) VALUES")
        lines.append(pending.joined(separator: ",\n") + ";")
        pending = []
      }
      for (n, row) in rows.enumerated() {
        let origin = n < origins.count ? origins[n] : nil
        if origin?.source != source || pending.count >= batch {
          flush()
          if let next = origin?.source, next != source { lines.append("-- source: \(Self.oneLine(next))") }
          source = origin?.source
        }
        let values = row.map { value -> SQLValue in
          let canonical = snapshot.canonical(value)
          return .single(ValueKind(of: canonical), dialect.literal(canonical))
        }
        var text = "(" + layout.encode(values, dialect).joined(separator: ", ") + ")"
        if let note = origin?.note { text = "-- note: \(Self.oneLine(note))\n" + text }
        pending.append(text)
      }
      flush()
    }
  }

  /// SQLite only: indexes on a finished table, for the lookups of negations, aggregates and
  /// recursive steps, which SQLite does not index itself (PostgreSQL and DuckDB hash them):
  /// one over every column, and one from each later Valley column on.
  private mutating func index(_ layout: TableLayout) {
    guard dialect == .sqlite else { return }
    var start = 0
    for column in layout.columns {
      let name = names.claim("valley_index_\(layout.name)_\(start)")
      let columns = layout.sqlColumns[start...].map(SQLNames.quote).joined(separator: ", ")
      lines.append("CREATE INDEX \(SQLNames.quote(name)) ON \(SQLNames.quote(layout.name)) (\(columns));")
      start += column.sqlNames.count
    }
  }

  private func insertHead(_ layout: TableLayout) -> String {
    "INSERT INTO \(SQLNames.quote(layout.name)) (\(layout.sqlColumns.map(SQLNames.quote).joined(separator: ", ")))"
  }

  /// `SELECT cols FROM "p"`: the rows of a table.
  private func selectAll(_ layout: TableLayout, from table: String? = nil) -> String {
    "SELECT \(layout.sqlColumns.map(SQLNames.quote).joined(separator: ", ")) FROM \(SQLNames.quote(table ?? layout.name))"
  }

  // MARK: Rules

  /// Where a rule is, as `file:line:col`.
  private func location(_ span: SourceSpan) -> String {
    guard let file = snapshot.sourceFiles.file(span.file) else { return "?" }
    let at = file.location(of: span.start)
    return "\(file.name):\(at.line):\(at.column)"
  }

  /// The comment lines that introduce a rule: where it is, its text, `@source`, `@note`.
  private func comments(_ rule: Rule) -> [String] {
    var text = ["-- \(location(rule.span)): \(Self.oneLine(rule.text))"]
    if let source = rule.source { text.append("--   source: \(Self.oneLine(source))") }
    if let note = rule.note { text.append("--   note: \(Self.oneLine(note))") }
    return text
  }

  /// One SELECT of a rule's head over its body; `source` chooses the relation of each
  /// top-level positive atom; `prefix` comes before the head's columns (a tag), `suffix`
  /// after them (the other predicates' fillers).
  private mutating func select(
    _ rule: Rule, prefix: [String] = [], suffix: [String] = [], source: ((Int, Atom) -> RelationRef)? = nil
  ) -> String {
    if Self.usesDecimalModulo(rule) { usesDecimalModulo = true }
    let place = " in a rule for '\(program.catalog[rule.head.predicate].name)' (\(location(rule.span)))"
    let translator = BodyTranslator(
      context: context, body: rule.body, outer: [:], anonymous: rule.anonymousSlots, place: place, source: source)
    let head = layouts[rule.head.predicate].encode(rule.head.arguments.map(translator.term), dialect)
    return (comments(rule) + ["SELECT \((prefix + head + suffix).joined(separator: ", "))\(translator.clauses)"])
      .joined(separator: "\n")
  }

  /// Whether a rule may apply `mod` to a decimal (then PostgreSQL needs its `fmod`).
  private static func usesDecimalModulo(_ rule: Rule) -> Bool {
    func term(_ t: Term) -> Bool {
      switch t {
      case .binary(let op, let l, let r, _): return op == .modulo || term(l) || term(r)
      case .negate(let inner, _): return term(inner)
      default: return false
      }
    }
    func literal(_ l: Literal) -> Bool {
      switch l {
      case .positive(let a), .negative(let a): return a.arguments.contains(where: term)
      case .comparison(_, let x, let y, _): return term(x) || term(y)
      case .aggregate(let agg): return agg.terms.contains(where: term) || agg.body.contains(where: literal)
      }
    }
    return rule.head.arguments.contains(where: term) || rule.body.contains(where: literal)
  }

  // MARK: Strata

  private mutating func evaluate(_ stratum: Stratum, number: Int) {
    let members = Set(stratum.predicates)
    let rules = stratum.rules.map { program.rules[$0] }
    lines.append("")
    let names = stratum.predicates.map { program.catalog[$0].name }.joined(separator: ", ")
    lines.append("-- Stratum \(number): \(names)\(stratum.isRecursive ? " (recursive)" : "").")
    guard stratum.isRecursive else {
      let layout = layouts[stratum.predicates[0]]
      let selects = rules.map { select($0) }
      lines.append(insertHead(layout))
      lines.append(selects.joined(separator: "\nUNION\n"))
      lines.append("EXCEPT \(selectAll(layout));")
      return
    }
    let recursiveAtoms = rules.map { rule in
      rule.body.indices.filter { i in
        if case .positive(let atom) = rule.body[i] { return members.contains(atom.predicate) }
        return false
      }
    }
    let linear = recursiveAtoms.allSatisfy { $0.count <= 1 }
    if linear || dialect == .duckdb {
      recursiveQuery(stratum, number: number, rules: rules, recursiveAtoms: recursiveAtoms, keyed: !linear)
    } else {
      rounds(stratum, number: number, rules: rules, recursiveAtoms: recursiveAtoms)
    }
  }

  /// A recursive stratum as one recursive query. `keyed` (DuckDB, a rule that reads the
  /// stratum more than once): `USING KEY` over every column, each reading of the stratum but
  /// one taking every row so far (`recurring`), the other the last round's rows.
  private mutating func recursiveQuery(
    _ stratum: Stratum, number: Int, rules: [Rule], recursiveAtoms: [[Int]], keyed: Bool
  ) {
    let predicates = stratum.predicates
    let tagged = predicates.count > 1
    let query = names.claim("valley_stratum_\(number)")
    // The query's columns: the tag, then each predicate's columns in turn.
    var columns: [String] = tagged ? ["valley_tag"] : []
    var slots: [Int: [String]] = [:]
    for p in predicates {
      let own = layouts[p].sqlColumns.indices.map { "c\(columns.count + $0)" }
      slots[p] = own
      columns += own
    }
    let layouts = self.layouts
    let context = self.context
    /// A row of predicate `p` in the query: tag, its values, the others' fillers.
    func framing(_ p: Int) -> (prefix: [String], suffix: [String]) {
      var prefix = tagged ? [String(predicates.firstIndex(of: p)!)] : []
      var suffix: [String] = []
      var before = true
      for q in predicates {
        if q == p {
          before = false
          continue
        }
        let fillers = fillers(layouts[q])
        if before { prefix += fillers } else { suffix += fillers }
      }
      return (prefix, suffix)
    }
    func reference(_ p: Int, fromItem: String?, alias: String?) -> RelationRef {
      let layout = layouts[p]
      var columnSlots: [[String]] = []
      var next = 0
      let own = slots[p]!
      for column in layout.columns {
        columnSlots.append(Array(own[next..<(next + column.sqlNames.count)]))
        next += column.sqlNames.count
      }
      return RelationRef(
        fromItem: fromItem, alias: alias, columns: columnSlots, kinds: layout.columns.map(\.kinds),
        tag: tagged ? ("valley_tag", predicates.firstIndex(of: p)!) : nil)
    }

    var initial: [String] = []
    for p in predicates where !snapshot.storedFacts(of: p).isEmpty {
      let (prefix, suffix) = framing(p)
      let layout = layouts[p]
      let own = layout.sqlColumns.map(SQLNames.quote)
      initial.append(
        "-- the stored facts of \(program.catalog[p].name)\nSELECT \((prefix + own + suffix).joined(separator: ", ")) FROM \(SQLNames.quote(layout.name))"
      )
    }
    var steps: [String] = []
    let lateral = dialect != .sqlite && rules.indices.reduce(0) { $0 + recursiveAtoms[$1].count } > 1
    let row = "valley_row"
    for (r, rule) in rules.enumerated() {
      let (prefix, suffix) = framing(rule.head.predicate)
      if recursiveAtoms[r].isEmpty {
        initial.append(select(rule, prefix: prefix, suffix: suffix))
        continue
      }
      for delta in recursiveAtoms[r] {
        steps.append(
          select(rule, prefix: prefix, suffix: suffix) { i, atom in
            if i == delta {
              return lateral
                ? reference(atom.predicate, fromItem: nil, alias: row)
                : reference(atom.predicate, fromItem: SQLNames.quote(query), alias: nil)
            }
            if recursiveAtoms[r].contains(i) {
              return reference(atom.predicate, fromItem: "recurring.\(SQLNames.quote(query))", alias: nil)
            }
            return context.table(atom.predicate)
          })
      }
    }
    guard !initial.isEmpty else {
      lines.append("-- Nothing starts the recursion: the stratum derives no facts.")
      return
    }
    let quotedColumns = columns.map(SQLNames.quote).joined(separator: ", ")
    var text = "WITH RECURSIVE \(SQLNames.quote(query)) (\(quotedColumns))"
    if keyed { text += " USING KEY (\(quotedColumns))" }
    text += " AS (\n" + initial.joined(separator: "\nUNION\n")
    if !steps.isEmpty {
      if lateral {
        text +=
          "\nUNION\nSELECT \(columns.map { "\(row)_step.\(SQLNames.quote($0))" }.joined(separator: ", ")) FROM \(SQLNames.quote(query)) AS \(row) CROSS JOIN LATERAL (\n"
          + steps.joined(separator: "\nUNION ALL\n") + "\n) AS \(row)_step (\(quotedColumns))"
      } else {
        text += "\nUNION\n" + steps.joined(separator: "\nUNION\n")
      }
    }
    text += "\n)"
    if !tagged {
      let layout = layouts[predicates[0]]
      lines.append(insertHead(layout))
      lines.append(text)
      lines.append("SELECT \(quotedColumns) FROM \(SQLNames.quote(query))")
      lines.append("EXCEPT \(selectAll(layout));")
      return
    }
    lines.append("CREATE TEMP TABLE \(SQLNames.quote(query)) AS")
    lines.append(text)
    lines.append("SELECT \(quotedColumns) FROM \(SQLNames.quote(query));")
    for (k, p) in predicates.enumerated() {
      let layout = layouts[p]
      lines.append(insertHead(layout))
      lines.append(
        "SELECT \(slots[p]!.map(SQLNames.quote).joined(separator: ", ")) FROM \(SQLNames.quote(query)) WHERE \"valley_tag\" = \(k)"
      )
      lines.append("EXCEPT \(selectAll(layout));")
    }
    lines.append("DROP TABLE \(SQLNames.quote(query));")
  }

  /// The filler values of a predicate's columns in a row of another predicate.
  private func fillers(_ layout: TableLayout) -> [String] {
    layout.columns.isEmpty ? ["0"] : layout.columns.flatMap { SQLValue.none.encoded(as: $0.kinds, dialect) }
  }

  /// A recursive stratum evaluated semi-naively, round by round: each round derives, from
  /// the rows the last round added (`valley_delta_*`), the rows not known yet
  /// (`valley_new_*`), until a round adds none.
  private mutating func rounds(_ stratum: Stratum, number: Int, rules: [Rule], recursiveAtoms: [[Int]]) {
    let predicates = stratum.predicates
    var delta: [Int: String] = [:]
    var fresh: [Int: String] = [:]
    for p in predicates {
      delta[p] = names.claim("valley_delta_\(layouts[p].name)")
      fresh[p] = names.claim("valley_new_\(layouts[p].name)")
      lines.append(createTable(SQLNames.quote(delta[p]!), layouts[p], temporary: true))
      lines.append(createTable(SQLNames.quote(fresh[p]!), layouts[p], temporary: true))
    }
    // Round 0: the rules that do not read the stratum, over the stored facts.
    for p in predicates {
      let exits = rules.indices.filter { rules[$0].head.predicate == p && recursiveAtoms[$0].isEmpty }
      if !exits.isEmpty {
        lines.append(insertHead(layouts[p]))
        lines.append(exits.map { select(rules[$0]) }.joined(separator: "\nUNION\n"))
        lines.append("EXCEPT \(selectAll(layouts[p]));")
      }
      lines.append("INSERT INTO \(SQLNames.quote(delta[p]!)) \(selectAll(layouts[p]));")
    }
    // One round: every rule once per reading of the stratum, that reading over the delta.
    let context = self.context
    var derive: [String] = []
    for p in predicates {
      var selects: [String] = []
      for r in rules.indices where rules[r].head.predicate == p {
        for d in recursiveAtoms[r] {
          selects.append(
            select(rules[r]) { i, atom in
              guard i == d else { return context.table(atom.predicate) }
              var ref = context.table(atom.predicate)
              ref.fromItem = SQLNames.quote(delta[atom.predicate]!)
              return ref
            })
        }
      }
      guard !selects.isEmpty else { continue }
      let layout = layouts[p]
      derive.append(
        "INSERT INTO \(SQLNames.quote(fresh[p]!)) (\(layout.sqlColumns.map(SQLNames.quote).joined(separator: ", ")))\n"
          + selects.joined(separator: "\nUNION\n") + "\nEXCEPT \(selectAll(layout));")
    }
    var advance: [String] = []
    for p in predicates {
      let layout = layouts[p]
      advance.append("DELETE FROM \(SQLNames.quote(delta[p]!));")
      advance.append("INSERT INTO \(SQLNames.quote(delta[p]!)) \(selectAll(layout, from: fresh[p]!));")
      advance.append("\(insertHead(layout)) \(selectAll(layout, from: fresh[p]!));")
      advance.append("DELETE FROM \(SQLNames.quote(fresh[p]!));")
    }
    let pending = predicates.map { "EXISTS (SELECT 1 FROM \(SQLNames.quote(delta[$0]!)))" }.joined(separator: " OR ")
    let unfinished =
      "the recursion of stratum \(number) (\(predicates.map { program.catalog[$0].name }.joined(separator: ", "))) did not end"
    switch dialect {
    case .postgresql:
      var body = ["DO $valley$", "DECLARE added bigint; total bigint;", "BEGIN", "LOOP", "total := 0;"]
      for statement in derive { body += [statement, "GET DIAGNOSTICS added = ROW_COUNT;", "total := total + added;"] }
      body += ["EXIT WHEN total = 0;"] + advance + ["END LOOP;", "END", "$valley$;"]
      lines.append(Self.dollarQuoted(body.joined(separator: "\n")))
    case .sqlite:
      usesRounds = true
      let table = names.claim("valley_rounds_\(number)")
      let trigger = names.claim("valley_round_\(number)")
      lines.append("CREATE TEMP TABLE \(SQLNames.quote(table)) (\"round\" INTEGER, \"depth\" INTEGER);")
      lines.append("CREATE TEMP TRIGGER \(SQLNames.quote(trigger)) AFTER INSERT ON \(SQLNames.quote(table))")
      lines.append("WHEN \(pending)")
      lines.append("BEGIN")
      lines += derive + advance
      lines.append(
        "INSERT INTO \(SQLNames.quote(table)) SELECT NEW.\"round\", NEW.\"depth\" + 1 WHERE NEW.\"depth\" < \(Self.nestedRounds);"
      )
      lines.append("END;")
      lines.append(
        "INSERT INTO \(SQLNames.quote(table)) WITH RECURSIVE \"valley_count\" (\"n\") AS "
          + "(SELECT 1 UNION ALL SELECT \"n\" + 1 FROM \"valley_count\" WHERE \"n\" < \(Self.outerRounds)) "
          + "SELECT \"n\", 0 FROM \"valley_count\";")
      lines.append("DROP TRIGGER \(SQLNames.quote(trigger));")
      lines.append(
        "INSERT INTO \(SQLNames.quote(table)) SELECT CASE WHEN \(pending) THEN \(dialect.error(unfinished + " within \(Self.outerRounds * Self.nestedRounds) rounds", kind: .integer)) ELSE 0 END, 0;"
      )
      lines.append("DROP TABLE \(SQLNames.quote(table));")
    case .duckdb:
      break  // DuckDB evaluates every recursive stratum as a recursive query.
    }
    for p in predicates {
      lines.append("DROP TABLE \(SQLNames.quote(delta[p]!));")
      lines.append("DROP TABLE \(SQLNames.quote(fresh[p]!));")
    }
  }

  /// A PostgreSQL `DO` block whose dollar quotes (`$valley$`) do not occur inside it.
  private static func dollarQuoted(_ block: String) -> String {
    let inner = block.dropFirst("DO $valley$".count).dropLast("$valley$;".count)
    var tag = "$valley$"
    var n = 1
    while inner.contains(tag) {
      tag = "$valley\(n)$"
      n += 1
    }
    return "DO \(tag)\(inner)\(tag);"
  }

  // MARK: Catalogue

  private mutating func writeCatalogue() {
    let (predicatesTable, columnsTable, rulesTable) = Self.catalogueTables
    let text = dialect.type(.symbol)
    let integer = "INTEGER"
    lines.append("")
    lines.append("-- The catalogue: what each table holds and how its columns encode Valley values (docs/export.md).")
    lines.append(
      "CREATE TABLE \(SQLNames.quote(predicatesTable)) (\"predicate\" \(text) NOT NULL, \"table_name\" \(text) NOT NULL, "
        + "\"arity\" \(integer) NOT NULL, \"doc\" \(text))\(dialect.tableOptions);")
    lines.append(
      "CREATE TABLE \(SQLNames.quote(columnsTable)) (\"predicate\" \(text) NOT NULL, \"position\" \(integer) NOT NULL, "
        + "\"column_name\" \(text) NOT NULL, \"encoding\" \(text) NOT NULL, \"part\" \(text) NOT NULL, "
        + "\"sql_column\" \(text) NOT NULL)\(dialect.tableOptions);")
    lines.append(
      "CREATE TABLE \(SQLNames.quote(rulesTable)) (\"predicate\" \(text) NOT NULL, \"location\" \(text) NOT NULL, "
        + "\"rule\" \(text) NOT NULL, \"source\" \(text), \"note\" \(text))\(dialect.tableOptions);")
    func string(_ s: String?) -> String { s.map { dialect.literal(.symbol($0)) } ?? "NULL" }
    var predicateRows: [String] = []
    var columnRows: [String] = []
    for layout in layouts {
      let info = program.catalog[layout.predicate]
      predicateRows.append("(\(string(info.name)), \(string(layout.name)), \(info.arity), \(string(info.doc)))")
      for (j, column) in layout.columns.enumerated() {
        let encoding = ColumnEncoding.name(column.kinds)
        let parts = column.sqlNames.count == 1 ? ["value"] : ["kind", "integer", "decimal", "symbol"]
        for (part, sql) in zip(parts, column.sqlNames) {
          columnRows.append(
            "(\(string(info.name)), \(j + 1), \(string(column.name)), \(string(encoding)), \(string(part)), \(string(sql)))"
          )
        }
      }
    }
    let ruleRows = program.rules.map { rule in
      "(\(string(program.catalog[rule.head.predicate].name)), \(string(location(rule.span)))"
        + ", \(string(rule.text)), \(string(rule.source)), \(string(rule.note)))"
    }
    for (table, rows) in [(predicatesTable, predicateRows), (columnsTable, columnRows), (rulesTable, ruleRows)]
    where !rows.isEmpty {
      lines.append("INSERT INTO \(SQLNames.quote(table)) VALUES\n" + rows.joined(separator: ",\n") + ";")
    }
  }

  /// Text for a `--` comment: on one line.
  static func oneLine(_ text: String) -> String {
    String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
  }
}
