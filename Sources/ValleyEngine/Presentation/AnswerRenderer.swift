/// Renders the answers of one query in a format (a shorthand for the format's style).
public enum AnswerRenderer {
  /// The rendering, ending in a newline; tables are not fitted (scripts get everything).
  public static func render(_ table: AnswerTable, format: OutputFormat) -> String {
    format.style.answers(table, layout: AnswerLayout())
  }
}
