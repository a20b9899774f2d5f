/// Puts the comments that stand between items where they will be written: after the item
/// they follow on its line, or on lines of their own, and keeps the author's blank lines.
struct CommentPlacer {
  /// The text the comments come from.
  let file: SourceFile
  /// Where the last entry written so far ends, with its trailing comments.
  private var previousEnd: Int?
  /// Whether the last entry is a `@note`, which keeps its clause close.
  private var previousIsNote = false
  /// Where the last comment went (a line of comments, or after an item) and where it ends,
  /// so that a comment that follows another on the same line goes with it.
  private var lastComment: (inGroup: Bool, end: Int)?

  /// A placer for comments of `file`.
  init(file: SourceFile) { self.file = file }

  /// Adds the entry of item number `item`.
  mutating func append(item: Int, in document: inout FormatDocument) {
    let tokens = document.items[item].tokens
    let isNote = document.items[item].role == .note
    let blank = blankLine(to: tokens[0].span.start) && !previousIsNote
    document.entries.append(FormatEntry(content: .item(item), blankLineBefore: blank))
    previousIsNote = isNote
    previousEnd = tokens[tokens.count - 1].span.end
    lastComment = nil
  }

  /// Places a comment that is not inside an item. `previousToken` is the item and index of the
  /// last token before it, if any, and `previousTokenEnd` where that token ends.
  mutating func placeBetweenItems(
    _ comment: SourceComment, previousToken: (item: Int, index: Int)?, previousTokenEnd: Int,
    in document: inout FormatDocument
  ) {
    let startsLine = comment.kind == .shebang || FormatDocument.startsLine(comment.span.start, in: file)
    defer { previousEnd = comment.span.end }
    if !startsLine, let last = lastComment, last.end > previousTokenEnd {
      // Another comment precedes it on its line: it goes where that one went.
      lastComment = (last.inGroup, comment.span.end)
      if last.inGroup, case .comments(let group) = document.entries[document.entries.count - 1].content {
        document.entries[document.entries.count - 1].content = .comments(group + [comment])
        return
      }
      if let previous = previousToken { document.items[previous.item].trailing.append(comment) }
      return
    }
    if !startsLine, let previous = previousToken {
      document.items[previous.item].trailing.append(comment)
      lastComment = (false, comment.span.end)
      return
    }
    document.entries.append(
      FormatEntry(content: .comments([comment]), blankLineBefore: blankLine(to: comment.span.start)))
    previousIsNote = false
    lastComment = (true, comment.span.end)
  }

  /// Whether the text between the last entry and `offset` holds a blank line.
  private func blankLine(to offset: Int) -> Bool {
    guard let start = previousEnd, start < offset else { return false }
    var newlines = 0
    for index in start..<offset where file.bytes[index] == UInt8(ascii: "\n") { newlines += 1 }
    return newlines >= 2
  }
}
