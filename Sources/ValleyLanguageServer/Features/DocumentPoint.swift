import ValleyEngine

/// A request's document and position, resolved to an analysis, a source file and a byte
/// offset.
struct DocumentPoint {
  var uri: String
  var analysis: Analysis
  var source: SourceFile
  var offset: Int

  /// Reads `textDocument.uri` and `position` from a request's parameters.
  init(_ params: JSONValue, server: LanguageServer) throws(ResponseError) {
    let (uri, analysis, source) = try DocumentPoint.document(params, server: server)
    guard let position = Position(params["position"]) else {
      throw .invalidParams("the request needs a position with a line and a character (0 or more)")
    }
    self.uri = uri
    self.analysis = analysis
    self.source = source
    offset = source.offset(of: position)
  }

  /// Reads `textDocument.uri` and finds its analysis and text.
  static func document(_ params: JSONValue, server: LanguageServer) throws(ResponseError)
    -> (String, Analysis, SourceFile)
  {
    guard let uri = params["textDocument"]?["uri"]?.stringValue else {
      throw .invalidParams("the request needs textDocument.uri")
    }
    guard let analysis = server.analysis(for: uri), let source = analysis.source(uri: uri) else {
      throw .invalidParams("'\(uri)' is neither open nor a knowledge file of the workspace")
    }
    return (uri, analysis, source)
  }

  /// A location (URI and range) of a span, as JSON.
  func location(_ span: SourceSpan) -> JSONValue? {
    DocumentPoint.location(span, in: analysis)
  }

  /// A location (URI and range) of a span in an analysis, as JSON.
  static func location(_ span: SourceSpan, in analysis: Analysis) -> JSONValue? {
    guard let file = analysis.source(span.file), let uri = analysis.uris[span.file] else { return nil }
    return ["uri": .string(uri), "range": file.range(of: span)]
  }
}
