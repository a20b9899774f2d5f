extension Parser {
  /// A fact whose arguments are all constants, read straight from the tokens.
  struct ConstantFact {
    var name: String
    /// From the name to the closing parenthesis (or the name alone).
    var atomSpan: SourceSpan
    /// From the name to the period.
    var span: SourceSpan
  }

  /// Reads `name.` or `name(c1, ..., cn).` where every `c` is a constant written plainly (a
  /// name, a quoted symbol, a number, a minus and a number), putting the values' identifiers
  /// in `pool` in `ids`, without building a ``Syntax/Clause``. Returns nil, consuming nothing, for anything else:
  /// the full parser then reads the clause (and reports its errors) as always. For the
  /// clauses it accepts, the values and spans are those the full parser gives (a fact given up
  /// on may have interned some of its values: the pool only grows, which is never visible).
  mutating func readConstantFact(interningIn pool: ValuePool, into ids: inout [UInt32]) -> ConstantFact? {
    guard case .name(let name) = current.kind else { return nil }
    ids.removeAll(keepingCapacity: true)
    let next = lookahead(1)
    if next.isPunct(.period) {
      let nameSpan = advance().span
      return ConstantFact(name: name, atomSpan: nameSpan, span: nameSpan.merged(with: advance().span))
    }
    guard next.isPunct(.leftParen) else { return nil }
    var offset = 2
    while true {
      let token = lookahead(offset)
      switch token.kind {
      case .integer(let magnitude) where magnitude <= UInt64(Int64.max):
        ids.append(pool.intern(integer: Int64(magnitude)))
      case .decimal(let d):
        ids.append(pool.intern(.decimal(d)))
      case .string(let s), .name(let s):
        ids.append(pool.intern(.symbol(s)))
      case .punct(.minus):
        offset += 1
        switch lookahead(offset).kind {
        case .integer(let magnitude):
          // The lexer keeps integers within 2^63, the magnitude of the smallest one.
          ids.append(pool.intern(integer: magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)))
        case .decimal(let d):
          ids.append(pool.intern(.decimal(-d)))
        default:
          return nil
        }
      default:
        return nil
      }
      offset += 1
      let after = lookahead(offset)
      if after.isPunct(.comma) {
        offset += 1
        continue
      }
      guard after.isPunct(.rightParen), lookahead(offset + 1).isPunct(.period) else { return nil }
      break
    }
    let nameSpan = advance().span
    for _ in 0..<(offset - 1) { advance() }
    let close = advance().span
    let period = advance().span
    return ConstantFact(name: name, atomSpan: nameSpan.merged(with: close), span: nameSpan.merged(with: period))
  }

  /// ``readConstantFact(interningIn:into:)`` for the plainest facts, read straight from the
  /// text rather than token by token (most of a large data file): `name(c1, ..., cn).` on one
  /// line, each `c` a bare name, digits or a minus and digits, with only spaces and tabs
  /// between. Returns nil for anything else, consuming nothing: the token path then reads it.
  /// Where it reads a fact, values and spans are the ones the token path gives.
  mutating func scanConstantFact(interningIn pool: ValuePool, into ids: inout [UInt32]) -> ConstantFact? {
    guard case .name(let name) = current.kind, let bytes = text else { return nil }
    let n = bytes.count
    let nameSpan = current.span
    var i = nameSpan.end
    guard i < n, bytes[i] == UInt8(ascii: "(") else { return nil }
    func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    func isNamePart(_ b: UInt8) -> Bool { isLower(b) || b &- 0x41 < 26 || isDigit(b) || b == 0x5F }
    ids.removeAll(keepingCapacity: true)
    i += 1
    while true {
      while i < n, isBlank(bytes[i]) { i += 1 }
      guard i < n else { return nil }
      if isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "-") {
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let digits = i
        var magnitude: Int64 = 0
        while i < n, isDigit(bytes[i]) {
          magnitude = magnitude &* 10 &+ Int64(bytes[i] &- 0x30)
          i += 1
        }
        // Up to 18 digits always fit; longer numbers (and "-" alone) go the token way.
        guard i > digits, i - digits <= 18 else { return nil }
        ids.append(pool.intern(integer: negative ? -magnitude : magnitude))
      } else if isLower(bytes[i]) {
        let start = i
        while i < n, isNamePart(bytes[i]) { i += 1 }
        ids.append(pool.intern(.symbol(String(decoding: bytes[start..<i], as: UTF8.self))))
      } else {
        return nil
      }
      // What ends a constant: a blank, a comma or the parenthesis (a digit followed by '.'
      // or 'e' may be a decimal, a letter beyond ASCII may continue a name).
      guard i < n, isBlank(bytes[i]) || bytes[i] == UInt8(ascii: ",") || bytes[i] == UInt8(ascii: ")") else {
        return nil
      }
      while i < n, isBlank(bytes[i]) { i += 1 }
      guard i < n else { return nil }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
        continue
      }
      guard bytes[i] == UInt8(ascii: ")") else { return nil }
      break
    }
    let close = i
    i += 1
    while i < n, isBlank(bytes[i]) { i += 1 }
    guard i < n, bytes[i] == UInt8(ascii: ".") else { return nil }
    let line = current.line
    let period = SourceSpan(file: nameSpan.file, start: i, end: i + 1)
    skipText(to: i + 1, line: line, last: Token(.punct(.period), span: period, line: line))
    return ConstantFact(
      name: name, atomSpan: SourceSpan(file: nameSpan.file, start: nameSpan.start, end: close + 1),
      span: nameSpan.merged(with: period))
  }
}
