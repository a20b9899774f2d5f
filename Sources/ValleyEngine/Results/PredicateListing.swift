/// Predicates with their arity, counts and doc: what `:preds` lists and `:apropos` finds.
public struct PredicateListing: Sendable {
  /// One predicate.
  public struct Entry: Sendable {
    /// The name.
    public var name: String
    /// The number of arguments.
    public var arity: Int
    /// Facts in the model, stored and derived (`:preds`).
    public var facts: Int?
    /// Where the searched word was found: `name`, `doc`, `source` (`:apropos`).
    public var foundIn: [String]?
    /// The `@pred` doc, if any.
    public var doc: String?

    /// Creates an entry.
    public init(name: String, arity: Int, facts: Int? = nil, foundIn: [String]? = nil, doc: String?) {
      self.name = name
      self.arity = arity
      self.facts = facts
      self.foundIn = foundIn
      self.doc = doc
    }
  }

  /// The word searched for (`:apropos`), or nil for the list of every predicate (`:preds`).
  public var search: String?
  /// The predicates, by name (byte order).
  public var entries: [Entry]

  /// Creates a listing.
  public init(search: String?, entries: [Entry]) {
    self.search = search
    self.entries = entries
  }
}
