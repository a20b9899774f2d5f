import Foundation
import Testing
import ValleyTestSupport

/// `valley` keeps an image of the bundled knowledge base in its cache folder and starts from
/// it the next time; what it prints never depends on whether it did.
@Suite struct ImageCacheTests {
  static let script = """
    factor(F, Kind).
    :why addressed(F).
    :preds
    """

  /// Runs `valley run script` with the image cache set to `cache`.
  static func run(_ folder: TemporaryFolder, cache: String) throws -> ProcessResult {
    try ValleyProcess.run(["run", folder.path("s.q")], environment: ["VALLEY_IMAGE_CACHE": cache])
  }

  static func images(in cache: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).filter { $0.hasSuffix(".image") }
  }

  @Test func theFirstRunSavesAnImageAndLaterRunsPrintTheSame() throws {
    let folder = try TemporaryFolder(["s.q": Self.script])
    let cache = folder.path("cache/valley")
    let reference = try Self.run(folder, cache: "off")
    #expect(reference.status == 0, "\(reference.summary)")
    #expect(reference.stdout.contains("answer"))
    #expect(!FileManager.default.fileExists(atPath: cache), "off saves nothing")

    let first = try Self.run(folder, cache: cache)
    let saved = Self.images(in: cache)
    #expect(saved.count == 1, "one image, in a folder made for it")
    let image = cache + "/" + (saved.first ?? "")
    let written = try FileManager.default.attributesOfItem(atPath: image)[.modificationDate] as? Date
    let second = try Self.run(folder, cache: cache)
    for run in [first, second] {
      #expect(run.status == reference.status && run.stdout == reference.stdout && run.stderr == reference.stderr)
    }
    let kept = try FileManager.default.attributesOfItem(atPath: image)[.modificationDate] as? Date
    #expect(kept == written, "the second run read the image and wrote nothing")
  }

  @Test func aDamagedOrForeignImageIsReplacedAndChangesNothing() throws {
    let folder = try TemporaryFolder(["s.q": Self.script])
    let cache = folder.path("cache")
    let reference = try Self.run(folder, cache: "off")
    _ = try Self.run(folder, cache: cache)
    let name = try #require(Self.images(in: cache).first)
    let path = cache + "/" + name
    let good = try Data(contentsOf: URL(fileURLWithPath: path))
    for damaged in [good.prefix(good.count / 2), Data(good.map { $0 ^ 0x5A }), Data("not an image".utf8)] {
      try damaged.write(to: URL(fileURLWithPath: path))
      let run = try Self.run(folder, cache: cache)
      #expect(run.stdout == reference.stdout && run.stderr == reference.stderr && run.status == reference.status)
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == good, "the image was made again")
    }
  }

  @Test func aCacheThatCannotBeWrittenIsNoProblem() throws {
    let folder = try TemporaryFolder(["s.q": Self.script, "file": "a file where the cache folder should be"])
    let reference = try Self.run(folder, cache: "off")
    let run = try Self.run(folder, cache: folder.path("file/valley"))
    #expect(run.stdout == reference.stdout && run.stderr == reference.stderr && run.status == reference.status)
  }
}
