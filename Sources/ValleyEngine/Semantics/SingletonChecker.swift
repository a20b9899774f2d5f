/// Warns about named variables that occur only once in a clause: usually a typo.
public enum SingletonChecker {
  /// Warnings for `rule`; variables whose names start with `_` are exempt.
  public static func check(_ rule: Rule) -> [Diagnostic] {
    var counts = [Int](repeating: 0, count: rule.variableNames.count)
    var firstSpan = [SourceSpan?](repeating: nil, count: rule.variableNames.count)
    func visit(_ term: Term) {
      switch term {
      case .variable(let v, let span):
        counts[v] += 1
        if firstSpan[v] == nil { firstSpan[v] = span }
      case .constant: break
      case .binary(_, let l, let r, _):
        visit(l)
        visit(r)
      case .negate(let t, _): visit(t)
      }
    }
    func visit(_ literal: Literal) {
      switch literal {
      case .positive(let a), .negative(let a): a.arguments.forEach(visit)
      case .comparison(_, let l, let r, _):
        visit(l)
        visit(r)
      case .aggregate(let agg):
        counts[agg.result] += 1
        agg.terms.forEach(visit)
        agg.body.forEach(visit)
      }
    }
    rule.head.arguments.forEach(visit)
    rule.body.forEach(visit)
    var warnings: [Diagnostic] = []
    for (v, name) in rule.variableNames.enumerated() where counts[v] == 1 && !name.hasPrefix("_") {
      if let span = firstSpan[v] {
        warnings.append(
          .warning(
            .W101, "variable '\(name)' appears only once in this rule", at: span,
            help: "write _ (or _\(name)) if any value will do"))
      }
    }
    return warnings
  }
}
