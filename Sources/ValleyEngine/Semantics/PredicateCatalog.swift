/// What the session knows about one predicate.
public struct PredicateInfo: Sendable {
  /// The name.
  public var name: String
  /// The number of arguments.
  public var arity: Int
  /// Where the predicate was first seen (for arity messages that name both places).
  public var firstSeen: SourceSpan
  /// Column names from `@pred`, if declared.
  public var columns: [String]?
  /// The documentation line from `@pred`, if any.
  public var doc: String?
  /// Where it was declared, if it was.
  public var declaredAt: SourceSpan?
  /// The load unit of the declaration.
  public var declarationUnit: Int?
}

/// The predicates of a session, numbered in order of first appearance (so every listing that
/// follows this order is deterministic).
public struct PredicateCatalog: Sendable {
  /// The predicates by number.
  public private(set) var predicates: [PredicateInfo] = []
  private var numbers: [String: Int] = [:]

  /// Creates an empty catalog.
  public init() {}

  /// The number of a predicate by name.
  public func number(of name: String) -> Int? { numbers[name] }

  /// The information of predicate `number`.
  public subscript(number: Int) -> PredicateInfo {
    get { predicates[number] }
    set { predicates[number] = newValue }
  }

  /// The number of predicates.
  public var count: Int { predicates.count }

  /// Adds a predicate and returns its number.
  public mutating func add(name: String, arity: Int, at span: SourceSpan) -> Int {
    let number = predicates.count
    predicates.append(PredicateInfo(name: name, arity: arity, firstSeen: span))
    numbers[name] = number
    return number
  }

  /// Every name, for suggestions.
  public var names: [String] { predicates.map(\.name) }

  /// The column header of `predicate` at `position`: the declared name, or `argN`.
  public func columnName(_ predicate: Int, _ position: Int) -> String {
    if let columns = predicates[predicate].columns, position < columns.count {
      return columns[position]
    }
    return "arg\(position + 1)"
  }
}
