import ValleyTestSupport

@testable import ValleyEngine

/// Prints parsed syntax back as Valley text without spans, fully parenthesising arithmetic,
/// so parser tests can compare trees as short strings.
enum SyntaxPrinter {
  static func show(_ term: Syntax.Term) -> String {
    switch term {
    case .variable(let name, _): return name
    case .symbol(let s, _): return ValueFormatter.source(.symbol(s))
    case .integer(let i, _): return String(i)
    case .decimal(let d, _): return ValueFormatter.decimal(d)
    case .binary(let op, let l, let r, _): return "(\(show(l)) \(op.rawValue) \(show(r)))"
    case .negate(let t, _): return "-" + show(t)
    case .aggregate(let a):
      return "\(a.kind.rawValue) { \(a.terms.map(show).joined(separator: ", ")) : "
        + "\(a.body.map(show).joined(separator: ", ")) }"
    }
  }

  static func show(_ atom: Syntax.Atom) -> String {
    atom.arguments.isEmpty
      ? atom.name : "\(atom.name)(\(atom.arguments.map(show).joined(separator: ", ")))"
  }

  static func show(_ literal: Syntax.Literal) -> String {
    switch literal {
    case .positive(let atom): return show(atom)
    case .negative(let atom, _): return "not " + show(atom)
    case .comparison(let op, let l, let r, _): return "\(show(l)) \(op.rawValue) \(show(r))"
    }
  }

  static func show(_ clause: Syntax.Clause) -> String {
    show(clause.head)
      + (clause.body.isEmpty ? "" : " :- " + clause.body.map(show).joined(separator: ", ")) + "."
  }

  static func show(_ query: Syntax.Query) -> String {
    "?- " + query.body.map(show).joined(separator: ", ") + "."
  }
}
