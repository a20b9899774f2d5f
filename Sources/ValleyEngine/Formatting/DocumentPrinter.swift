/// Writes a read document in the canonical layout: entries one after another, each starting
/// on a new line, a blank line where the author left at least one, no blanks at the ends of
/// lines, and one line break at the end of a file that is not empty.
enum DocumentPrinter {
  /// The formatted text of `document`.
  static func print(_ document: FormatDocument) -> String {
    let printer = ItemPrinter(file: document.file)
    var lines: [String] = []
    for entry in document.entries {
      if entry.blankLineBefore, !lines.isEmpty { lines.append("") }
      switch entry.content {
      case .item(let index):
        lines += printer.lines(of: document.items[index])
      case .comments(let group):
        lines.append(group.map(printer.text(of:)).joined(separator: " "))
      }
    }
    guard !lines.isEmpty else { return "" }
    // Tokens never end in blanks and comments were trimmed; this keeps the promise for every
    // line whatever its parts, cheaply, on bytes.
    var bytes: [UInt8] = []
    for line in lines {
      bytes += line.utf8
      while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bytes.removeLast() }
      bytes.append(UInt8(ascii: "\n"))
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// What a formatted text must keep from its source: the items with their roles and tokens
/// (tokens that touched in spacing-preserving places still touch), and the comments' texts.
struct FormatSignature: Equatable {
  /// One item's part.
  struct Item: Equatable {
    /// What the item is.
    var role: FormatItem.Role
    /// Its tokens, by kind (names, decoded text, numbers, punctuation).
    var kinds: [TokenKind]
    /// For each gap from ``FormatItem/preservedFrom`` on, whether its two tokens touch.
    var touching: [Bool]
  }

  /// The items, in order.
  var items: [Item]
  /// The comments' texts (blanks at line ends aside), in order.
  var comments: [String]
}

extension FormatDocument {
  /// What formatting must keep (see ``FormatSignature``).
  var signature: FormatSignature {
    FormatSignature(
      items: items.map { item in
        FormatSignature.Item(
          role: item.role, kinds: item.tokens.map(\.kind),
          touching: item.tokens.indices.dropFirst().filter { $0 >= item.preservedFrom }.map {
            item.tokens[$0 - 1].span.end == item.tokens[$0].span.start
          })
      },
      comments: comments.map { ItemPrinter.normalized(file.text(of: $0.span)) })
  }
}
