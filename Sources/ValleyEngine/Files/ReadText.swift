extension SourceLoader {
  /// Reads the file at `path` as UTF-8 text, or gives the diagnostic that says why it cannot:
  /// `E505` (no such file), `E506` (a folder), `E507` (not readable, with the system's reason)
  /// or `E108` (not UTF-8, with the position of the first bad byte).
  ///
  /// - Parameters:
  ///   - path: the path the loader reads.
  ///   - name: how messages name the file (what the user wrote), when that differs from `path`.
  ///   - span: where the file was named, if it was named in a source.
  ///   - help: whether `E505` and `E506` end with advice on fixing the path. The advice says
  ///     that relative paths resolve against the naming script, which holds for files named in
  ///     scripts.
  public func readText(
    _ path: String, shownAs name: String? = nil, at span: SourceSpan? = nil, help: Bool = true
  ) -> Result<String, Diagnostic> {
    readUTF8(path, shownAs: name, at: span, help: help).map { String(decoding: $0, as: UTF8.self) }
  }

  /// ``readText(_:shownAs:at:help:)`` without making a `String`: the file's bytes, checked
  /// to be UTF-8 (a large file is then kept once, as a ``SourceFile``'s bytes).
  public func readUTF8(
    _ path: String, shownAs name: String? = nil, at span: SourceSpan? = nil, help: Bool = true
  ) -> Result<[UInt8], Diagnostic> {
    let name = name ?? path
    switch read(path) {
    case .failure(.notFound):
      return .failure(
        .error(
          .E505, "cannot read '\(name)': no such file", at: span,
          help: help ? "check the path; relative paths are resolved against the naming script" : nil))
    case .failure(.isDirectory):
      return .failure(
        .error(
          .E506, "cannot read '\(name)': it is a folder, not a file", at: span,
          help: help ? "name a file inside it" : nil))
    case .failure(.notReadable(let reason)):
      return .failure(.error(.E507, "cannot read '\(name)': \(reason)", at: span))
    case .success(let bytes):
      if let bad = SourceDecoder.firstInvalid(in: bytes) {
        return .failure(
          .error(.E108, "'\(name)' is not valid UTF-8 at \(bad.position)", at: span, help: "save the file as UTF-8"))
      }
      return .success(bytes)
    }
  }
}
