/// How one output format renders every kind of ``Output``.
///
/// Each requirement returns the text for standard output, ending in a newline (or empty).
/// Diagnostics are rendered by ``OutputRenderer`` unless the style takes them over
/// (``diagnostics(_:line:renderer:)`` returning non-nil), as JSON does. Formats for people
/// and for spreadsheets share the plain-text reports of ``PlainTextReports``.
public protocol OutputStyle: Sendable {
  /// The answers to a query, fitted to `layout` where the format is for people.
  func answers(_ table: AnswerTable, layout: AnswerLayout) -> String
  /// A message for the user.
  func message(_ text: String) -> String
  /// Proof trees (`:why`).
  func proofs(_ explanation: Explanation) -> String
  /// A why-not analysis (`:whynot`).
  func whyNot(_ report: WhyNotReport) -> String
  /// What the assumptions change (`:diff`).
  func diff(_ diff: KnowledgeDiff) -> String
  /// A graph drawn by `:graph` without a file.
  func picture(_ picture: Picture) -> String
  /// A list of predicates (`:preds`, `:apropos`).
  func predicates(_ listing: PredicateListing) -> String
  /// Diagnostics for standard output, or nil to print them with carets on standard error.
  func diagnostics(_ list: [Diagnostic], line: Int, renderer: DiagnosticRenderer) -> String?
}

/// How a table is fitted for people at a prompt (scripts use the defaults: everything).
public struct AnswerLayout: Sendable {
  /// The most rows shown; the rest are counted in a "… N more" line.
  public var maxRows: Int?
  /// Cells wider than this many columns are cut with "…".
  public var maxCellWidth: Int?
  /// Whether the header is bold.
  public var color: Bool

  /// Creates a layout.
  public init(maxRows: Int? = nil, maxCellWidth: Int? = nil, color: Bool = false) {
    self.maxRows = maxRows
    self.maxCellWidth = maxCellWidth
    self.color = color
  }
}

/// The text formats share their reports: plain text for people, diagnostics on standard error.
public protocol PlainTextReports: OutputStyle {}

extension PlainTextReports {
  /// See ``OutputStyle``.
  public func message(_ text: String) -> String { text + "\n" }
  /// See ``OutputStyle``.
  public func proofs(_ explanation: Explanation) -> String { ProofTreeRenderer.text(explanation) + "\n" }
  /// See ``OutputStyle``.
  public func whyNot(_ report: WhyNotReport) -> String { WhyNotRenderer.text(report) + "\n" }
  /// See ``OutputStyle``.
  public func diff(_ diff: KnowledgeDiff) -> String { DiffRenderer.text(diff) + "\n" }
  /// See ``OutputStyle``.
  public func picture(_ picture: Picture) -> String {
    picture.text.hasSuffix("\n") ? picture.text : picture.text + "\n"
  }
  /// See ``OutputStyle``.
  public func predicates(_ listing: PredicateListing) -> String { PredicateListingRenderer.text(listing) + "\n" }
  /// See ``OutputStyle``.
  public func diagnostics(_ list: [Diagnostic], line: Int, renderer: DiagnosticRenderer) -> String? { nil }
}
