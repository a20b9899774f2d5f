/// A list of diagnostics usable as an error value.
public struct DiagnosticList: Error, Sendable {
  /// The diagnostics.
  public var diagnostics: [Diagnostic]

  /// Wraps diagnostics.
  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }
}
