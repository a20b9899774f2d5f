/// A source text read for formatting: its items and its comments, each in the place where it
/// will be written back.
///
/// Every token belongs to exactly one item. A comment between two tokens of one item stays
/// inside that item; a comment after an item's last token on the same line trails the item;
/// any other comment stands between items, on a line of its own.
struct FormatDocument {
  /// The text read.
  var file: SourceFile
  /// The items, in order.
  var items: [FormatItem]
  /// Items and comment lines in the order they are written.
  var entries: [FormatEntry]
  /// Every comment, in order.
  var comments: [SourceComment]

  /// The syntax errors that keep a text from being formatted.
  struct Errors: Error {
    /// The diagnostics, in source order.
    var diagnostics: [Diagnostic]
  }

  /// Reads `file` as a text of `kind`; fails with its syntax errors.
  static func read(_ file: SourceFile, kind: SourceKind) -> Result<FormatDocument, Errors> {
    var (tokens, comments) = Lexer.tokenizeKeepingComments(file)
    if tokens.last?.isEnd == true { tokens.removeLast() }
    let items: [FormatItem]
    let diagnostics: [Diagnostic]
    switch kind {
    case .knowledge: (items, diagnostics) = knowledgeItems(tokens)
    case .queries: (items, diagnostics) = scriptItems(tokens, in: file)
    }
    let errors = diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty {
      return .failure(Errors(diagnostics: errors.sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }))
    }
    var document = FormatDocument(file: file, items: items, entries: [], comments: comments)
    document.place(comments)
    return .success(document)
  }

  /// Places every comment inside, after or between items and builds ``entries``.
  private mutating func place(_ comments: [SourceComment]) {
    // Which item each token belongs to, by the token's number in the file.
    var owner: [(item: Int, index: Int)] = []
    var starts: [Int] = []
    var ends: [Int] = []
    for (number, item) in items.enumerated() {
      for (k, token) in item.tokens.enumerated() {
        owner.append((number, k))
        starts.append(token.span.start)
        ends.append(token.span.end)
      }
    }
    var placer = CommentPlacer(file: file)
    var next = 0
    var tokenNumber = 0
    for number in items.indices {
      while next < comments.count, Self.tokensBefore(comments[next].span.start, in: starts) <= tokenNumber {
        placer.placeBetweenItems(
          comments[next], previousToken: tokenNumber > 0 ? owner[tokenNumber - 1] : nil,
          previousTokenEnd: tokenNumber > 0 ? ends[tokenNumber - 1] : -1, in: &self)
        next += 1
      }
      placer.append(item: number, in: &self)
      tokenNumber += items[number].tokens.count
      // Comments inside this item.
      while next < comments.count {
        let k = Self.tokensBefore(comments[next].span.start, in: starts)
        guard k < tokenNumber else { break }
        let comment = comments[next]
        let startsLine = Self.startsLine(comment.span.start, in: file)
        items[number].inner[owner[k].index, default: []].append(PlacedComment(comment: comment, startsLine: startsLine))
        next += 1
      }
    }
    while next < comments.count {
      placer.placeBetweenItems(
        comments[next], previousToken: tokenNumber > 0 ? owner[tokenNumber - 1] : nil,
        previousTokenEnd: tokenNumber > 0 ? ends[tokenNumber - 1] : -1, in: &self)
      next += 1
    }
  }

  /// The number of tokens that start before `offset`.
  private static func tokensBefore(_ offset: Int, in starts: [Int]) -> Int {
    var low = 0
    var high = starts.count
    while low < high {
      let mid = (low + high) / 2
      if starts[mid] < offset { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Whether only blanks stand between the start of its line and `offset`.
  static func startsLine(_ offset: Int, in file: SourceFile) -> Bool {
    var i = offset - 1
    while i >= 0 {
      let byte = file.bytes[i]
      if byte == UInt8(ascii: "\n") { return true }
      if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") { return false }
      i -= 1
    }
    return true
  }
}
