/// One statement-sized piece of a file as the formatter lays it out: a clause, a query, a
/// command, an annotation or an exercise directive line, with the comments inside and after it.
struct FormatItem {
  /// What the item is; the safety net compares roles, and `@note` keeps its clause close.
  enum Role: Sendable, Hashable {
    /// A fact or rule (in a knowledge file, or a statement with `:-` in a script).
    case clause
    /// A query statement of a script.
    case query
    /// A `:command` whose argument is a clause or goal (`:assert`, `:why`, ...).
    case clauseCommand
    /// A `:command` that runs to the end of its line; its arguments keep their spacing.
    case lineCommand
    /// `@source`, `@pred` or `@import` in a knowledge file.
    case annotation
    /// `@note`: it belongs to the next clause, so no blank line is kept after it.
    case note
    /// A line of an exercise file that starts with a directive such as `@exercise`; it keeps
    /// its spacing, because an id like `b-1` is read from tokens that touch.
    case directive
  }

  /// What the item is.
  var role: Role
  /// The item's tokens, in order (never empty).
  var tokens: [Token]
  /// Indices of the tokens that start a line when the item is broken (after `:-`, and after
  /// each comma between body literals); empty for an item that is never broken.
  var breaks: Set<Int> = []
  /// Indices of the tokens written right after the previous one (the name after `:`).
  var joined: Set<Int> = []
  /// From this index on, a token follows the previous one with no blank when they touched in
  /// the source and with one blank otherwise. `tokens.count` (the default) means never.
  var preservedFrom: Int
  /// Comments between tokens: `inner[k]` holds those just before token `k`.
  var inner: [Int: [PlacedComment]] = [:]
  /// Comments after the last token on its line (`p(a). % why`).
  var trailing: [SourceComment] = []

  /// An item of `tokens` with no breaks and canonical spacing.
  init(role: Role, tokens: [Token]) {
    self.role = role
    self.tokens = tokens
    self.preservedFrom = tokens.count
  }

  /// A clause (`head.` or `head :- body.`) from token `start` on: breaks after `:-` and after
  /// the commas between body literals.
  static func clause(role: Role, tokens: [Token], from start: Int = 0) -> FormatItem {
    var item = FormatItem(role: role, tokens: tokens)
    guard let implies = topLevel(tokens, from: start, where: { $0.isPunct(.implies) }).first else { return item }
    item.breaks = Set(
      ([implies] + topLevel(tokens, from: implies + 1, where: { $0.isPunct(.comma) })).map { $0 + 1 }
        .filter { $0 < tokens.count })
    return item
  }

  /// A query or goal from token `start` on: breaks after the commas between its literals.
  static func query(role: Role, tokens: [Token], from start: Int = 0) -> FormatItem {
    var item = FormatItem(role: role, tokens: tokens)
    item.breaks = Set(
      topLevel(tokens, from: start, where: { $0.isPunct(.comma) }).map { $0 + 1 }.filter { $0 < tokens.count })
    return item
  }

  /// Indices from `start` on of the tokens that match and are outside every bracket.
  private static func topLevel(_ tokens: [Token], from start: Int, where matches: (Token) -> Bool) -> [Int] {
    var depth = 0
    var found: [Int] = []
    for index in tokens.indices where index >= start {
      let token = tokens[index]
      if token.isPunct(.leftParen) || token.isPunct(.leftBrace) {
        depth += 1
      } else if token.isPunct(.rightParen) || token.isPunct(.rightBrace) {
        depth -= 1
      } else if depth == 0, matches(token) {
        found.append(index)
      }
    }
    return found
  }
}

/// A comment and whether it starts its line (nothing but blanks before it on that line).
struct PlacedComment {
  /// The comment.
  var comment: SourceComment
  /// Whether only blanks precede it on its line; such a comment is written on a line of its own.
  var startsLine: Bool
}

/// One line-level piece of a formatted file: an item, or comments that stand on lines of
/// their own between items.
struct FormatEntry {
  /// What the entry holds.
  enum Content {
    /// The item with this index in ``FormatDocument/items``.
    case item(Int)
    /// Comments on one line; the first starts the line, the others followed it there.
    case comments([SourceComment])
  }

  /// What the entry holds.
  var content: Content
  /// Whether a blank line separates it from the entry before (the author's blank lines,
  /// collapsed to one).
  var blankLineBefore: Bool
}
