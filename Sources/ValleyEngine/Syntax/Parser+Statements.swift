extension Parser {
  /// The annotations a knowledge file may contain.
  static let annotationNames = ["source", "note", "pred", "import"]

  /// Parses a whole knowledge file: clauses and annotations, reporting every error.
  public static func parseKnowledge(_ tokens: [Token]) -> (Syntax.KnowledgeFile, [Diagnostic]) {
    parseKnowledge(Parser(tokens: tokens))
  }

  /// Parses a whole knowledge file, reading its tokens as it goes.
  ///
  /// With a `pool`, facts whose arguments are all constants go to the file's
  /// ``Syntax/KnowledgeFile/facts``, their values interned in `pool`, instead of its
  /// ``Syntax/KnowledgeFile/clauses`` (a load wants that; tools that read every clause's syntax
  /// do not). The diagnostics are the same either way.
  public static func parseKnowledge(
    _ source: SourceFile, compactingFactsInto pool: ValuePool? = nil
  ) -> (Syntax.KnowledgeFile, [Diagnostic]) {
    parseKnowledge(Parser(lexer: Lexer(source)), pool: pool)
  }

  /// As ``parseKnowledge(_:compactingFactsInto:)``, counting each clause on `meter`; when the
  /// meter says to stop, the file is left half read (the caller discards it).
  static func parseKnowledge(
    _ source: SourceFile, compactingFactsInto pool: ValuePool?, meter: ProgressMeter
  ) -> (Syntax.KnowledgeFile, [Diagnostic]) {
    parseKnowledge(Parser(lexer: Lexer(source)), pool: pool, meter: meter)
  }

  private static func parseKnowledge(
    _ start: Parser, pool: ValuePool? = nil, meter: ProgressMeter? = nil
  ) -> (Syntax.KnowledgeFile, [Diagnostic]) {
    var parser = start
    var file = Syntax.KnowledgeFile()
    var source: String?
    var note: (String, SourceSpan)?
    var constants: [UInt32] = []  // the values of a constant fact, reused from fact to fact
    while !parser.atEnd {
      if let meter, meter.count(at: parser.current.span.start) { break }
      do {
        if case .annotation(let name) = parser.current.kind {
          let start = parser.advance().span
          switch name {
          case "source":
            source = try parser.annotationText("@source")
          case "note":
            let text = try parser.annotationText("@note")
            if let previous = note {
              parser.diagnostics.append(
                .warning(
                  .W102, "@note is not followed by a clause", at: previous.1,
                  help: "a @note attaches to the next clause only"))
            }
            note = (text, start)
          case "pred":
            file.declarations.append(try parser.parseDeclaration(start))
          case "import":
            guard case .name(let predicate) = parser.current.kind else {
              throw parser.fail(expected: "a predicate name after @import")
            }
            let predicateSpan = parser.advance().span
            let path = try parser.annotationText("@import \(predicate)")
            let end = parser.previous.span
            file.imports.append(
              Syntax.Import(
                predicate: predicate, predicateSpan: predicateSpan, path: path, span: start.merged(with: end),
                source: source))
          default:
            let suggestion = Suggestions.closest(to: name, among: annotationNames)
            parser.diagnostics.append(
              .error(
                .E106, "unknown annotation '@\(name)'", at: start,
                help: suggestion.map { "did you mean '@\($0)'?" }
                  ?? "the annotations are @source, @note, @pred and @import"))
            // Skip the annotation's own line only, so the clause after it is still read.
            let line = parser.previous.line
            while !parser.atEnd, parser.current.line == line { parser.advance() }
          }
          continue
        }
        if parser.current.isPunct(.queryMark) || parser.current.isPunct(.colon)
          || parser.current.isPunct(.implies)
        {
          let what = parser.current.isPunct(.queryMark) ? "queries" : "commands"
          parser.diagnostics.append(
            .error(
              .E115, "\(what) cannot appear in a knowledge file", at: parser.current.span,
              help: "put queries and commands in a script (.q) or type them at the prompt"))
          throw Abandon()
        }
        if let pool,
          let fact = parser.scanConstantFact(interningIn: pool, into: &constants)
            ?? parser.readConstantFact(interningIn: pool, into: &constants)
        {
          file.facts.append(
            fact.name, ids: constants, span: fact.span, atomSpan: fact.atomSpan,
            annotation: Syntax.Annotation(source: source, note: note?.0), clausesBefore: file.clauses.count)
          note = nil
          continue
        }
        var clause = try parser.parseClause()
        clause.source = source
        clause.note = note?.0
        note = nil
        if let pool, let values = Syntax.CompactFacts.constants(of: clause) {
          file.facts.append(clause, values: values, clausesBefore: file.clauses.count, pool: pool)
        } else {
          file.clauses.append(clause)
        }
      } catch {
        parser.recover()
      }
    }
    if let pending = note {
      parser.diagnostics.append(
        .warning(
          .W102, "@note is not followed by a clause", at: pending.1,
          help: "a @note attaches to the next clause only"))
    }
    return (file, parser.diagnostics)
  }

  /// Parses exactly one clause (for `:assert`); the tokens must hold nothing else.
  public static func parseSingleClause(_ tokens: [Token]) -> (Syntax.Clause?, [Diagnostic]) {
    var parser = Parser(tokens: tokens)
    do {
      let clause = try parser.parseClause()
      guard parser.atEnd else { throw parser.fail(expected: "the end after the clause's '.'") }
      return (clause, parser.diagnostics)
    } catch {
      return (nil, parser.diagnostics)
    }
  }

  /// Parses one query, with or without a leading `?-`; the tokens must hold nothing else.
  public static func parseQuery(_ tokens: [Token]) -> (Syntax.Query?, [Diagnostic]) {
    var parser = Parser(tokens: tokens)
    do {
      if parser.current.isPunct(.queryMark) { parser.advance() }
      let start = parser.current.span
      let body = try parser.parseBody()
      let end = try parser.expect(.period, "to end the query")
      guard parser.atEnd else { throw parser.fail(expected: "the end after the query's '.'") }
      return (Syntax.Query(body: body, span: start.merged(with: end.span)), parser.diagnostics)
    } catch {
      return (nil, parser.diagnostics)
    }
  }

  /// Parses `head.` or `head :- body.`
  mutating func parseClause() throws -> Syntax.Clause {
    let head = try parseAtom("a fact or rule")
    var body: [Syntax.Literal] = []
    if current.isPunct(.implies) {
      advance()
      body = try parseBody()
    }
    let end = try expect(.period, body.isEmpty ? "or ':-' after the head" : "to end the rule")
    return Syntax.Clause(
      head: head, body: body, span: head.span.merged(with: end.span), source: nil, note: nil)
  }

  mutating func annotationText(_ annotation: String) throws -> String {
    guard case .string(let text) = current.kind else {
      throw fail(expected: "quoted text after \(annotation)")
    }
    advance()
    return text
  }

  private mutating func parseDeclaration(_ start: SourceSpan) throws -> Syntax.Declaration {
    guard case .name(let name) = current.kind else {
      throw fail(expected: "a predicate name after @pred")
    }
    let nameSpan = advance().span
    var end = nameSpan
    var columns: [String] = []
    if current.isPunct(.leftParen) {
      advance()
      repeat {
        if current.isPunct(.comma) { advance() }
        switch current.kind {
        case .name(let column), .variable(let column):
          columns.append(column)
          advance()
        default:
          throw fail(expected: "a column name in @pred \(name)(...)")
        }
      } while current.isPunct(.comma)
      end = try expect(.rightParen, "to close the columns of @pred \(name)").span
    }
    var doc: String?
    if case .string(let text) = current.kind {
      doc = text
      end = advance().span
    }
    if current.isPunct(.period) { end = advance().span }
    return Syntax.Declaration(
      name: name, nameSpan: nameSpan, columns: columns, doc: doc, span: start.merged(with: end))
  }
}
