/// What a command is: its name, how it is written and documented, how it reads its
/// arguments and what it does. Every command is one type in a file of its own
/// (Session/Commands/) and one entry of ``Commands/all``, which `:help`, Tab completion,
/// the statement splitter, the parser and the language reference all read.
protocol SessionCommand: Sendable {
  /// The command's name, usage and documentation.
  static var spec: CommandSpec { get }
  /// Reads the command's arguments, or explains why they are wrong.
  init(parsing arguments: CommandArguments) throws(Diagnostic)
  /// Runs the command in `session`. A failure leaves the session's knowledge unchanged.
  func run(in session: Session, _ context: CommandContext) -> [Output]
}

/// A command's name, how it is written and what it does, for help, completion and docs.
public struct CommandSpec: Sendable {
  /// How far a command's arguments reach.
  public enum Extent: Sendable {
    /// To the end of the line (a final `.` is allowed).
    case line
    /// To the `.` that ends its clause or goal, across lines if needed.
    case clause
  }

  /// The name, without `:`.
  public var name: String
  /// Other names that mean the same command.
  public var aliases: [String] = []
  /// How it is written, for `:help`.
  public var usage: String
  /// One line for the `:help` list.
  public var summary: String
  /// An example that works on the bundled knowledge base.
  public var example: String
  /// What it does, in Markdown, for the table of commands in docs/language.md.
  public var documentation: String
  /// How far its arguments reach.
  public var extent: Extent = .line
}

/// A command's argument tokens as the statement splitter cut them, with what a parser needs
/// to point at them.
struct CommandArguments {
  /// The name as typed (it may be an alias).
  var name: String
  /// The span of `:name`.
  var nameSpan: SourceSpan
  /// The tokens after the name (for a clause command, up to and including its `.`).
  var tokens: [Token]

  /// The only argument, if there is exactly one.
  var single: Token? { tokens.count == 1 ? tokens[0] : nil }

  /// Where an argument error points: the arguments, or the name when there are none.
  var span: SourceSpan { tokens.first?.span ?? nameSpan }

  /// A bare name, a quoted text or a variable name, as text.
  static func word(_ token: Token) -> String? {
    switch token.kind {
    case .name(let n), .string(let n), .variable(let n): n
    default: nil
    }
  }

  /// E502 for a command that takes no more than `usage` shows.
  func unexpected(_ usage: String) -> Diagnostic {
    let span = tokens.first.map { $0.span.merged(with: tokens[tokens.count - 1].span) } ?? nameSpan
    return .error(.E502, "unexpected text after :\(name)", at: span, help: "usage: \(usage)")
  }

  /// Succeeds only when there are no arguments.
  func expectNone(_ usage: String) throws(Diagnostic) {
    if !tokens.isEmpty { throw unexpected(usage) }
  }
}

/// Where a command runs: its script or prompt input and its first line there.
struct CommandContext {
  /// The text the command was read from.
  var file: SourceFile
  /// The command's first line (1-based) in that text.
  var line: Int
  /// The span of `:name`.
  var nameSpan: SourceSpan

  /// One statement's diagnostics as an output list.
  func failure(_ diagnostics: [Diagnostic]) -> [Output] { [.diagnostics(diagnostics, line: line)] }

  /// One diagnostic as an output list.
  func failure(_ diagnostic: Diagnostic) -> [Output] { [.diagnostics([diagnostic], line: line)] }

  /// The tokens of a clause or goal argument followed by an end token, for the parser.
  static func clauseTokens(_ tokens: [Token], in file: SourceFile) -> [Token] {
    tokens + [endToken(after: tokens, in: file)]
  }

  /// The end token a parser needs after `tokens`: at the end of their last token.
  static func endToken(after tokens: [Token], in file: SourceFile) -> Token {
    let end = tokens.last?.span.end ?? 0
    return Token(.end, span: SourceSpan(file: file.id, start: end, end: end), line: tokens.last?.line ?? 0)
  }
}
