/// The parsed form of Valley source text, before any checking. Every node keeps its span.
public enum Syntax {
  /// An arithmetic operator.
  public enum ArithmeticOperator: String, Sendable, Hashable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case modulo = "mod"
  }

  /// A comparison operator (`\=` reads as `!=`, `=<` as `<=`).
  public enum ComparisonOperator: String, Sendable, Hashable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
  }

  /// Names that are words of the language where a value could stand, so a symbol spelled
  /// like one is written in quotes: `not`, `mod` and the aggregate functions.
  public static var reservedWords: Set<String> {
    Set(["not", ArithmeticOperator.modulo.rawValue] + AggregateKind.allCases.map(\.rawValue))
  }

  /// The aggregate functions: adding one here makes the compiler ask for its evaluation
  /// (``Aggregation``); the parser and the quoting of symbols read this list.
  public enum AggregateKind: String, Sendable, Hashable, CaseIterable {
    case count, sum, min, max
  }

  /// A term: a constant, a variable, an arithmetic expression or an aggregate.
  public indirect enum Term: Sendable, Hashable {
    case variable(String, SourceSpan)
    case symbol(String, SourceSpan)
    case integer(Int64, SourceSpan)
    case decimal(Double, SourceSpan)
    case binary(ArithmeticOperator, Term, Term, SourceSpan)
    case negate(Term, SourceSpan)
    case aggregate(Aggregate)

    /// The text the term came from.
    public var span: SourceSpan {
      switch self {
      case .variable(_, let s), .symbol(_, let s), .integer(_, let s), .decimal(_, let s),
        .binary(_, _, _, let s), .negate(_, let s):
        return s
      case .aggregate(let a):
        return a.span
      }
    }
  }

  /// `count { T1, ..., Tk : Body }` and its kin.
  public struct Aggregate: Sendable, Hashable {
    /// Which function.
    public var kind: AggregateKind
    /// The tuple whose distinct values are aggregated; the first is the value for sum/min/max.
    public var terms: [Term]
    /// The literals that produce the tuples.
    public var body: [Literal]
    /// From the function name to the closing brace.
    public var span: SourceSpan
  }

  /// `name(args)` or a zero-arity `name`.
  public struct Atom: Sendable, Hashable {
    /// The predicate name.
    public var name: String
    /// Where the name is.
    public var nameSpan: SourceSpan
    /// The arguments.
    public var arguments: [Term]
    /// The whole atom.
    public var span: SourceSpan
  }

  /// One literal of a rule body or a query.
  public enum Literal: Sendable, Hashable {
    case positive(Atom)
    case negative(Atom, SourceSpan)
    case comparison(ComparisonOperator, Term, Term, SourceSpan)

    /// The text of the literal.
    public var span: SourceSpan {
      switch self {
      case .positive(let a): a.span
      case .negative(_, let s), .comparison(_, _, _, let s): s
      }
    }
  }

  /// A fact or a rule, with the annotations in force where it was written.
  public struct Clause: Sendable, Hashable {
    /// The head.
    public var head: Atom
    /// The body; empty for a fact.
    public var body: [Literal]
    /// The whole clause, up to and including its period.
    public var span: SourceSpan
    /// The `@source` text in force, if any.
    public var source: String?
    /// The `@note` attached to this clause, if any.
    public var note: String?
  }

  /// `@pred name(col, ...) "doc"`.
  public struct Declaration: Sendable, Hashable {
    /// The predicate name.
    public var name: String
    /// Where the name is.
    public var nameSpan: SourceSpan
    /// The column names.
    public var columns: [String]
    /// The one-line documentation.
    public var doc: String?
    /// The whole declaration.
    public var span: SourceSpan
  }

  /// A query: a body, as typed.
  public struct Query: Sendable, Hashable {
    /// The literals.
    public var body: [Literal]
    /// From the first literal to the period.
    public var span: SourceSpan
  }

  /// `@import pred "file.csv"`: facts from a CSV or TSV file with a header.
  public struct Import: Sendable, Hashable {
    /// The predicate that receives the rows.
    public var predicate: String
    /// Where the predicate's name is.
    public var predicateSpan: SourceSpan
    /// The file, as written (relative to the knowledge file).
    public var path: String
    /// The whole annotation.
    public var span: SourceSpan
    /// The `@source` in force.
    public var source: String?
  }

  /// The contents of a knowledge file.
  public struct KnowledgeFile: Sendable {
    /// The clauses, in order (without the facts kept in ``facts``).
    public var clauses: [Clause] = []
    /// The facts kept compactly, when the parser was asked to (see
    /// ``Parser/parseKnowledge(_:compactingFactsInto:)``); otherwise empty.
    public var facts = CompactFacts()
    /// The declarations, in order.
    public var declarations: [Declaration] = []
    /// The imports, in order.
    public var imports: [Import] = []
  }
}
