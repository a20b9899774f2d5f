import Foundation
import ValleyLanguageServer
import ValleyTestSupport

/// A small workspace of knowledge files that use one another's predicates, and a running
/// `valley lsp` on it.
struct LSPFixture {
  static let files: [String: String] = [
    "a.kb": """
    @source "Nam 2019, p. 3"
    @pred factor(id, kind) "A factor named in the case; *kind* is success or limiting."
    factor(networking, success).
    factor(parks, limiting).
    % factor in a comment stays as it is
    label("factor", factor_text).

    """,
    "b.kb": """
    @source "Kim 2020"
    @note "The paper's own words."
    strong(F) :- factor(F, success).
    weak(F) :- factor(F, limiting), not strong(F).

    """,
    "sub/c.kb": """
    mentions(factor).
    how_many(N) :- N = count { F : factor(F, _) }.

    """,
  ]

  let folder: TemporaryFolder
  let client: LSPClient

  init() throws {
    folder = try TemporaryFolder()
    for (name, text) in LSPFixture.files {
      let path = folder.path(name)
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try folder.write(name, text)
    }
    client = try LSPClient(root: folder.path)
  }

  /// The URI of a file of the workspace.
  func uri(_ name: String) -> String { DocumentURI.uri(ofPath: folder.path(name)) }

  /// Opens a file of the workspace with its text on disk.
  func open(_ name: String) {
    client.open(uri(name), LSPFixture.files[name] ?? "")
  }
}

extension JSONValue {
  /// `(line, character)` of a range's start.
  var start: (Int, Int)? {
    guard let line = self["range"]?["start"]?["line"]?.intValue,
      let character = self["range"]?["start"]?["character"]?.intValue
    else { return nil }
    return (line, character)
  }
}
