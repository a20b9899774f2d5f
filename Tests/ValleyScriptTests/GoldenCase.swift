import Foundation
import Testing
import ValleyEngine
import ValleyTestSupport

/// One golden script: `<name>.q` beside its expected transcript `<name>.out`.
struct GoldenCase: CustomTestStringConvertible, Sendable {
  /// The script's path relative to the package root, e.g. `Queries/tour.q`.
  let path: String
  /// Whether the script starts with the bundled knowledge base loaded.
  let withKnowledge: Bool
  /// Whether that knowledge base comes from an image of an earlier load (``images``)
  /// instead of its files.
  var fromImage = false

  var testDescription: String { fromImage ? path + " (from an image)" : path }

  /// The image of the bundled knowledge base, made once by a load of its own.
  static let images: MemoryImageStore = {
    let store = MemoryImageStore()
    let session = Session()
    session.workingDirectory = TestPackage.root
    _ = session.loadKnowledgeDirectory("Knowledge", displayName: "Knowledge", images: store)
    return store
  }()

  /// The scripts that start with the bundled knowledge base, each restored from an image.
  static let fromImages = all.filter(\.withKnowledge).map {
    GoldenCase(path: $0.path, withKnowledge: true, fromImage: true)
  }

  /// Every `Queries/*.q` (with the knowledge base) and `Tests/Golden/*.q` (empty session).
  static let all: [GoldenCase] = {
    func scripts(in folder: String) -> [String] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPackage.root + "/" + folder)) ?? []
      return names.filter { $0.hasSuffix(".q") }.sorted().map { folder + "/" + $0 }
    }
    return scripts(in: "Queries").map { GoldenCase(path: $0, withKnowledge: true) }
      + scripts(in: "Tests/Golden").map { GoldenCase(path: $0, withKnowledge: false) }
  }()

  /// Runs the script the way `valley run` does and returns the transcript.
  func run() throws -> String {
    let text = try String(contentsOfFile: TestPackage.root + "/" + path, encoding: .utf8)
    let session = Session()
    session.workingDirectory = TestPackage.root
    var transcript = ""
    if withKnowledge {
      let images = fromImage ? Self.images : nil
      let saves = images?.saveCount
      for output in session.loadKnowledgeDirectory("Knowledge", displayName: "Knowledge", images: images) {
        let rendered = OutputRenderer(format: .table, sources: session.sources).render(output)
        if output.isError { transcript += rendered.stderr }
      }
      #expect(images?.saveCount == saves, "the session was restored from the image, not loaded")
    }
    let directory = (path as NSString).deletingLastPathComponent
    return transcript
      + Transcript.record(script: text, name: path, directory: directory, session: session)
  }
}
