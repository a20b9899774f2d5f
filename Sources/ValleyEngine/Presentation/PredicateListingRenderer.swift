/// Renders a ``PredicateListing`` as an aligned table: `:preds` shows the number of facts,
/// `:apropos` where the word was found; docs are cut to fit a line.
public enum PredicateListingRenderer {
  /// Plain text, without a final newline.
  public static func text(_ listing: PredicateListing) -> String {
    if let word = listing.search {
      if listing.entries.isEmpty { return "nothing mentions '\(word)'" }
      let rows = listing.entries.map {
        ["\($0.name)/\($0.arity)", ($0.foundIn ?? []).joined(separator: ","), TextTable.cut($0.doc ?? "", to: 60)]
      }
      return TextTable.render(header: ["predicate", "found in", "doc"], rows: rows, rightAligned: [])
    }
    if listing.entries.isEmpty { return "no predicates" }
    let rows = listing.entries.map {
      ["\($0.name)/\($0.arity)", String($0.facts ?? 0), TextTable.cut($0.doc ?? "", to: 64)]
    }
    return TextTable.render(header: ["predicate", "facts", "doc"], rows: rows, rightAligned: [1])
  }
}
