/// Range restriction: every variable that needs a value must get one from the body.
///
/// A variable is bound by a positive atom (as a plain argument), by `X = Expr` once `Expr`'s
/// variables are bound (either side may be the variable), or as an aggregate's result once its
/// grouping variables are bound, in any order. The head, negated atoms, comparisons,
/// expressions and aggregate terms may only use bound variables; `_` in a negated or positive
/// atom means "any value".
public enum SafetyChecker {
  /// The variables a list of literals can bind, starting from `initial`.
  public static func bindable(_ literals: [Literal], from initial: Set<Int>) -> Set<Int> {
    var bound = initial
    var changed = true
    while changed {
      changed = false
      for literal in literals {
        switch literal {
        case .positive(let atom):
          for t in atom.arguments {
            if let v = t.variableSlot, !bound.contains(v) {
              bound.insert(v)
              changed = true
            }
          }
        case .comparison(.equal, let l, let r, _):
          if let v = l.variableSlot, !bound.contains(v), r.variables.allSatisfy(bound.contains) {
            bound.insert(v)
            changed = true
          } else if let v = r.variableSlot, !bound.contains(v),
            l.variables.allSatisfy(bound.contains)
          {
            bound.insert(v)
            changed = true
          }
        case .aggregate(let agg):
          if !bound.contains(agg.result), agg.grouping.allSatisfy(bound.contains) {
            bound.insert(agg.result)
            changed = true
          }
        case .negative, .comparison:
          break
        }
      }
    }
    return bound
  }

  /// Checks a rule: head, body and every aggregate.
  public static func check(_ rule: Rule) -> [Diagnostic] {
    var report = Report(names: rule.variableNames)
    let bound = bindable(rule.body, from: [])
    for term in rule.head.arguments {
      report.require(term, bound: bound, place: "the head")
    }
    report.checkBody(rule.body, bound: bound)
    return report.diagnostics
  }

  /// Checks a query: every literal, and every reported variable.
  public static func check(_ query: Query) -> [Diagnostic] {
    var report = Report(names: query.variableNames)
    let bound = bindable(query.body, from: [])
    report.checkBody(query.body, bound: bound)
    return report.diagnostics
  }

  private struct Report {
    let names: [String]
    var diagnostics: [Diagnostic] = []
    var reported = Set<Int>()

    mutating func require(_ term: Term, bound: Set<Int>, place: String) {
      switch term {
      case .variable(let v, let span):
        guard !bound.contains(v), !reported.contains(v) else { return }
        reported.insert(v)
        let name = names[v]
        if name == "_" {
          diagnostics.append(
            .error(
              .E206, "'_' in \(place) never has a value", at: span,
              help: "use a named variable that a positive literal binds"))
        } else {
          diagnostics.append(
            .error(
              .E203, "variable '\(name)' in \(place) is not bound", at: span,
              help: "bind \(name) with a positive literal such as p(\(name)) or with "
                + "\(name) = <expression>"))
        }
      case .constant:
        break
      case .binary(_, let l, let r, _):
        require(l, bound: bound, place: place)
        require(r, bound: bound, place: place)
      case .negate(let t, _):
        require(t, bound: bound, place: place)
      }
    }

    mutating func checkBody(_ body: [Literal], bound: Set<Int>) {
      for literal in body {
        switch literal {
        case .positive(let atom):
          for t in atom.arguments where t.variableSlot == nil {
            require(t, bound: bound, place: "an expression argument")
          }
        case .negative(let atom):
          for t in atom.arguments {
            if let v = t.variableSlot, names[v] == "_" { continue }
            require(t, bound: bound, place: "a negated literal")
          }
        case .comparison(_, let l, let r, _):
          require(l, bound: bound, place: "a comparison")
          require(r, bound: bound, place: "a comparison")
        case .aggregate(let agg):
          if !agg.grouping.contains(agg.result), Grouping.variables(ofAggregate: agg).contains(agg.result) {
            let name = names[agg.result]
            diagnostics.append(
              .error(
                .E207, "'\(name)' is both the result of '\(agg.kind.rawValue)' and a variable inside it",
                at: agg.span,
                help: "bind \(name) elsewhere in the clause to compare the result with it, or rename one of them"))
          }
          for v in agg.grouping {
            require(.variable(v, agg.span), bound: bound, place: "the group of '\(agg.kind.rawValue)'")
          }
          let inner = bindable(agg.body, from: bound.intersection(agg.grouping))
          for t in agg.terms {
            require(t, bound: inner, place: "the terms of '\(agg.kind.rawValue)'")
          }
          checkBody(agg.body, bound: inner)
        }
      }
    }
  }
}
