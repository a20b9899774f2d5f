/// How outputs are printed: one case per format, each with its style in a file of its own
/// (Presentation/Formats/). Adding a format means adding a case here and a type that
/// conforms to ``OutputStyle``; the compiler then asks for it in ``style``.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// Aligned columns with a header, for people.
  case table
  /// Tab-separated values with a header line.
  case tsv
  /// Comma-separated values (RFC 4180, CRLF line ends) with a header line.
  case csv
  /// One JSON object per line (JSON Lines).
  case json

  /// How this format renders each kind of output.
  public var style: any OutputStyle {
    switch self {
    case .table: TableStyle()
    case .tsv: TSVStyle()
    case .csv: CSVStyle()
    case .json: JSONStyle()
    }
  }
}
