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
  /// name, a quoted symbol, a number, a minus and a number), putting the values in `values`,
  /// without building a ``Syntax/Clause``. Returns nil, consuming nothing, for anything else:
  /// the full parser then reads the clause (and reports its errors) as always. For the
  /// clauses it accepts, the values and spans are those the full parser gives.
  mutating func readConstantFact(into values: inout [Value]) -> ConstantFact? {
    guard case .name(let name) = current.kind else { return nil }
    values.removeAll(keepingCapacity: true)
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
        values.append(.integer(Int64(magnitude)))
      case .decimal(let d):
        values.append(.decimal(d))
      case .string(let s), .name(let s):
        values.append(.symbol(s))
      case .punct(.minus):
        offset += 1
        switch lookahead(offset).kind {
        case .integer(let magnitude):
          // The lexer keeps integers within 2^63, the magnitude of the smallest one.
          values.append(.integer(magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)))
        case .decimal(let d):
          values.append(.decimal(-d))
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
}
