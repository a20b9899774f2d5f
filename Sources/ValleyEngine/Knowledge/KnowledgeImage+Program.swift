/// How the checked program (predicates, rules, strata, load units) is written to a knowledge
/// image and read back: each type as its fields in order, enums as a tag then their payload.

extension ImageWriter {
  mutating func span(_ span: SourceSpan) {
    int(span.file)
    int(span.start)
    int(span.end)
  }

  mutating func value(_ value: Value) {
    switch value {
    case .integer(let i):
      int(0)
      fixed64(UInt64(bitPattern: i))
    case .decimal(let d):
      int(1)
      fixed64(d.bitPattern)
    case .symbol(let s):
      int(2)
      string(s)
    }
  }

  mutating func term(_ term: Term) {
    switch term {
    case .variable(let slot, let span):
      int(0)
      int(slot)
      self.span(span)
    case .constant(let value, let span):
      int(1)
      self.value(value)
      self.span(span)
    case .binary(let op, let left, let right, let span):
      int(2)
      string(op.rawValue)
      self.term(left)
      self.term(right)
      self.span(span)
    case .negate(let operand, let span):
      int(3)
      self.term(operand)
      self.span(span)
    }
  }

  mutating func atom(_ atom: Atom) {
    int(atom.predicate)
    array(atom.arguments) { $0.term($1) }
    span(atom.span)
  }

  mutating func literals(_ literals: [Literal]) {
    array(literals) { $0.literal($1) }
  }

  mutating func literal(_ literal: Literal) {
    switch literal {
    case .positive(let a):
      int(0)
      atom(a)
    case .negative(let a):
      int(1)
      atom(a)
    case .comparison(let op, let left, let right, let span):
      int(2)
      string(op.rawValue)
      term(left)
      term(right)
      self.span(span)
    case .aggregate(let aggregate):
      int(3)
      string(aggregate.kind.rawValue)
      int(aggregate.result)
      array(aggregate.terms) { $0.term($1) }
      literals(aggregate.body)
      ints(aggregate.grouping)
      span(aggregate.span)
    }
  }

  mutating func rule(_ rule: Rule) {
    atom(rule.head)
    literals(rule.body)
    strings(rule.variableNames)
    span(rule.span)
    optionalString(rule.source)
    optionalString(rule.note)
    int(rule.unit)
    string(rule.text)
  }

  mutating func catalog(_ catalog: PredicateCatalog) {
    int(catalog.count)
    for info in catalog.predicates {
      string(info.name)
      int(info.arity)
      span(info.firstSeen)
      bool(info.columns != nil)
      if let columns = info.columns { strings(columns) }
      optionalString(info.doc)
      bool(info.declaredAt != nil)
      if let declaredAt = info.declaredAt { span(declaredAt) }
      bool(info.declarationUnit != nil)
      if let unit = info.declarationUnit { int(unit) }
    }
  }

  mutating func stratum(_ stratum: Stratum) {
    ints(stratum.predicates)
    ints(stratum.rules)
    bool(stratum.isRecursive)
  }

  mutating func unit(_ unit: LoadUnit) {
    string(unit.name)
    optionalString(unit.canonical)
  }
}

extension ImageReader {
  mutating func span() throws(ImageDamage) -> SourceSpan {
    SourceSpan(file: try int(in: 0...Int(Int32.max)), start: try int(in: 0...Int.max), end: try int(in: 0...Int.max))
  }

  mutating func value() throws(ImageDamage) -> Value {
    switch try int(in: 0...2) {
    case 0: .integer(Int64(bitPattern: try fixed64()))
    case 1: .decimal(Double(bitPattern: try fixed64()))
    default: .symbol(try string())
    }
  }

  mutating func term() throws(ImageDamage) -> Term {
    switch try int(in: 0...3) {
    case 0:
      return .variable(try int(in: 0...Int(Int32.max)), try span())
    case 1:
      return .constant(try value(), try span())
    case 2:
      guard let op = Syntax.ArithmeticOperator(rawValue: try string()) else { throw ImageDamage() }
      return .binary(op, try term(), try term(), try span())
    default:
      return .negate(try term(), try span())
    }
  }

  mutating func atom() throws(ImageDamage) -> Atom {
    let predicate = try int(in: 0...Int(Int32.max))
    let arguments = try array(ofAtLeast: 4) { reader throws(ImageDamage) in try reader.term() }
    return Atom(predicate: predicate, arguments: arguments, span: try span())
  }

  mutating func literals() throws(ImageDamage) -> [Literal] {
    try array(ofAtLeast: 2) { reader throws(ImageDamage) in try reader.literal() }
  }

  mutating func literal() throws(ImageDamage) -> Literal {
    switch try int(in: 0...3) {
    case 0:
      return .positive(try atom())
    case 1:
      return .negative(try atom())
    case 2:
      guard let op = Syntax.ComparisonOperator(rawValue: try string()) else { throw ImageDamage() }
      return .comparison(op, try term(), try term(), try span())
    default:
      guard let kind = Syntax.AggregateKind(rawValue: try string()) else { throw ImageDamage() }
      let result = try int(in: 0...Int(Int32.max))
      let terms = try array(ofAtLeast: 4) { reader throws(ImageDamage) in try reader.term() }
      return .aggregate(
        Aggregate(
          kind: kind, result: result, terms: terms, body: try literals(), grouping: try ints(), span: try span()))
    }
  }

  mutating func rule() throws(ImageDamage) -> Rule {
    Rule(
      head: try atom(), body: try literals(), variableNames: try strings(), span: try span(),
      source: try optionalString(), note: try optionalString(), unit: try int(in: 0...Int(Int32.max)),
      text: try string())
  }

  mutating func catalog() throws(ImageDamage) -> PredicateCatalog {
    var catalog = PredicateCatalog()
    let n = try count(ofAtLeast: 6)
    for p in 0..<n {
      let name = try string()
      // Names are distinct: each is numbered as it was.
      guard catalog.number(of: name) == nil else { throw ImageDamage() }
      _ = catalog.add(name: name, arity: try int(in: 0...Int(UInt16.max)), at: try span())
      if try bool() { catalog[p].columns = try strings() }
      catalog[p].doc = try optionalString()
      if try bool() { catalog[p].declaredAt = try span() }
      if try bool() { catalog[p].declarationUnit = try int(in: 0...Int(Int32.max)) }
    }
    return catalog
  }

  mutating func stratum() throws(ImageDamage) -> Stratum {
    Stratum(predicates: try ints(), rules: try ints(), isRecursive: try bool())
  }

  mutating func unit() throws(ImageDamage) -> LoadUnit {
    LoadUnit(name: try string(), canonical: try optionalString())
  }
}
