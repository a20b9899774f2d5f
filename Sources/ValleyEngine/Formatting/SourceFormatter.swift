/// Which language a source text is written in, and so how it is read and laid out.
public enum SourceKind: Sendable, Hashable {
  /// A knowledge file (`*.kb`): clauses, `@source`, `@note`, `@pred` and `@import`.
  case knowledge
  /// A query script (`*.q`): queries and `:commands`, and in exercise files directive lines
  /// such as `@exercise b1 "Title"`.
  case queries

  /// The kind a file name's extension gives: `.kb` or `.q`; nil for any other name.
  public init?(fileName: String) {
    if fileName.hasSuffix(".kb") {
      self = .knowledge
    } else if fileName.hasSuffix(".q") {
      self = .queries
    } else {
      return nil
    }
  }
}

/// What formatting a text gave: the text in canonical layout, or the errors that stopped it.
public enum FormatOutcome: Sendable {
  /// The text in canonical layout (equal to the input when it was already formatted).
  case formatted(String)
  /// The text could not be formatted, and should be left as it is. The diagnostics (syntax
  /// errors, the same `valley run` reports) point into the file that `sources` holds as its
  /// only file, named as the caller named it.
  case failed([Diagnostic], SourceRegistry)
}

/// Lays out knowledge files and query scripts in Valley's one canonical layout
/// (docs/formatting.md), for `valley fmt` and the language server alike.
///
/// The formatter changes only blanks, line breaks and where comments sit: it reads the text
/// with the engine's own lexer and parser and writes every token as it was written (quoted
/// text, numbers and operators keep their spelling) and every comment with its text. Before
/// it answers, it reads its own output again and checks that the tokens, the statements and
/// the comments are the same as in the input; if they were not, it would fail with `E530`
/// rather than change what a file means.
///
/// ```swift
/// switch SourceFormatter.format(text, fileName: "rules.kb", kind: .knowledge) {
/// case .formatted(let layout): save(layout)
/// case .failed(let diagnostics, let sources): show(diagnostics, sources)
/// }
/// ```
public enum SourceFormatter {
  /// The widest a rule or query is written on one line, in characters; a longer one is
  /// broken after `:-` and after each top-level comma of its body.
  public static let lineWidth = 100

  /// Formats `text`, a file of the given kind. `fileName` only names the file in diagnostics.
  public static func format(_ text: String, fileName: String, kind: SourceKind) -> FormatOutcome {
    var sources = SourceRegistry()
    let file = sources.add(name: fileName, text: text)
    let document: FormatDocument
    switch FormatDocument.read(file, kind: kind) {
    case .success(let read): document = read
    case .failure(let errors): return .failed(errors.diagnostics, sources)
    }
    let output = DocumentPrinter.print(document)
    // The safety net: the output must read back as the same statements and comments.
    var check = SourceRegistry()
    let reread = check.add(name: fileName, text: output)
    switch FormatDocument.read(reread, kind: kind) {
    case .success(let again) where again.signature == document.signature:
      return .formatted(output)
    case .success(let again):
      let before = document.signature.items
      let after = again.signature.items
      let index = before.indices.first { $0 >= after.count || before[$0] != after[$0] }
      let span = index.map { document.items[$0].tokens[0].span } ?? document.items.first?.tokens.first?.span
      return .failed([meaningChanged(at: span)], sources)
    case .failure:
      return .failed([meaningChanged(at: document.items.first?.tokens.first?.span)], sources)
    }
  }

  private static func meaningChanged(at span: SourceSpan?) -> Diagnostic {
    .error(
      .E530, "formatting would change what this file means, so it was left as it is", at: span,
      help: "this is a bug in valley fmt; please report it with the file")
  }
}
