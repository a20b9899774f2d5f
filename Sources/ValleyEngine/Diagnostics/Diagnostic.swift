/// A problem found in Valley source text or while running a statement.
///
/// Phases never print: they return diagnostics, and the presentation layer renders them as
/// `file:line:col: error: message [E201]`, the source line, and a caret under the text.
public struct Diagnostic: Error, Hashable, Sendable {
  /// How serious a diagnostic is.
  public enum Severity: String, Sendable, Comparable {
    /// The statement or file was rejected.
    case error
    /// Accepted, but probably not what was meant.
    case warning
    /// Extra information attached to another diagnostic.
    case note

    private var rank: Int {
      switch self {
      case .error: 0
      case .warning: 1
      case .note: 2
      }
    }

    /// Errors sort before warnings, warnings before notes.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// A secondary message, optionally pointing at another place.
  public struct Note: Hashable, Sendable {
    /// The note's text.
    public var message: String
    /// Where it points, if anywhere.
    public var span: SourceSpan?

    /// Creates a note.
    public init(_ message: String, at span: SourceSpan? = nil) {
      self.message = message
      self.span = span
    }
  }

  /// Error or warning.
  public var severity: Severity
  /// Which problem this is, from the one catalogue of codes (``DiagnosticCode``).
  public var kind: DiagnosticCode
  /// The stable code as text (`E201`), as it is printed.
  public var code: String { kind.rawValue }
  /// One line saying what is wrong.
  public var message: String
  /// The offending text, when there is one.
  public var span: SourceSpan?
  /// Other places that explain the problem.
  public var notes: [Note]
  /// What to do about it.
  public var help: String?

  /// Creates a diagnostic.
  public init(
    _ severity: Severity, _ code: DiagnosticCode, _ message: String, at span: SourceSpan?,
    notes: [Note] = [], help: String? = nil
  ) {
    self.severity = severity
    kind = code
    self.message = message
    self.span = span
    self.notes = notes
    self.help = help
  }

  /// An error diagnostic.
  public static func error(
    _ code: DiagnosticCode, _ message: String, at span: SourceSpan?, notes: [Note] = [],
    help: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, code, message, at: span, notes: notes, help: help)
  }

  /// A warning diagnostic.
  public static func warning(
    _ code: DiagnosticCode, _ message: String, at span: SourceSpan?, notes: [Note] = [],
    help: String? = nil
  ) -> Diagnostic {
    Diagnostic(.warning, code, message, at: span, notes: notes, help: help)
  }
}
