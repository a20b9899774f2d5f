import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// A session restored from a knowledge image cannot be told from one that loaded the files,
/// and an image is used only when it was made from exactly the files there now.
@Suite struct KnowledgeImageTests {
  /// A small knowledge folder that uses every part an image holds: declarations with
  /// columns and docs, annotations, numbers of every kind, symbols that need quotes, a
  /// predicate with no arguments, recursion, negation, aggregates and arithmetic.
  static let folder: [String: String] = [
    "kb/10_facts.kb": """
    @pred edge(from, to) "A road between two places."
    @source "S1: the survey"
    edge(a, b). edge(b, c). edge(c, d).
    @note "from the map"
    edge(d, 'Ansan Valley'). edge('Ansan Valley', '안산').
    size(a, 3). size(b, -4). size(c, 2.5). size(d, 9000000000). size('안산', 0).
    open.
    """,
    "kb/20_rules.kb": """
    @pred reach(from, to) "Places reachable by road."
    reach(X, Y) :- edge(X, Y).
    reach(X, Z) :- reach(X, Y), edge(Y, Z).
    @source "S2: a reading"
    isolated(X) :- size(X, _), not reach(a, X).
    total(T) :- T = sum { S : size(_, S) }.
    fanout(X, N) :- size(X, _), N = count { Y : reach(X, Y) }.
    double(X, D) :- size(X, S), D = S * 2 + 1.
    ready :- open, reach(a, d).
    """,
  ]

  /// What a user might do right after starting: every kind of statement that reads the
  /// loaded knowledge (answers, listings, proofs, sources) or changes it.
  static let statements = [
    "edge(X, Y).", "reach(a, X).", "isolated(X).", "total(T).", "fanout(X, N).", "double(X, D).", "ready.",
    "size(X, S), S > 1.", ":preds", ":list", ":list reach", ":describe edge", ":apropos survey",
    ":why reach(a, '안산').", ":why total(T).", ":whynot reach(d, a).", ":assert edge('안산', a).", "reach(a, a).",
    ":retract edge(a, b).", "reach(a, X).", ":assume not edge(b, c).", ":diff", ":reset", ":reload", "reach(a, X).",
    ":load \"kb/20_rules.kb\"", "fanout(X, N).", "edge(X, Y", "nosuch(X).",
  ]

  /// A session over `files` in memory, with `cap` derived facts at most.
  static func session(_ files: MemoryFiles, cap: Int? = nil) -> Session {
    let session = Session(loader: MemoryLoader(files: files))
    if let cap { session.budget.maximumDerivedFacts = cap }
    return session
  }

  /// Everything `statements` print in `session`, as a prompt would show it.
  static func transcript(_ session: Session, _ statements: [String] = statements) -> String {
    statements.map { "?- \($0)\n" + printed(session.execute(input: $0), session) }.joined()
  }

  /// What loading the folder `kb` (shown as `Knowledge`) prints, restored from `images` when
  /// they hold its image.
  static func load(_ session: Session, images: MemoryImageStore?) -> String {
    printed(session.loadKnowledgeDirectory("kb", displayName: "Knowledge", images: images), session)
  }

  /// `outputs` as the prompt prints them, standard output and error together.
  static func printed(_ outputs: [Output], _ session: Session) -> String {
    outputs.map {
      let rendered = OutputRenderer(format: .table, sources: session.sources).render($0)
      return rendered.stdout + rendered.stderr
    }.joined()
  }

  @Test func aRestoredSessionSaysAndAnswersWhatALoadedOneDoes() {
    let files = MemoryFiles(Self.folder)
    let images = MemoryImageStore()
    let loaded = Self.session(files)
    let loadSaid = Self.load(loaded, images: images)
    #expect(loadSaid.hasPrefix("loaded Knowledge (2 files): 11 facts, 7 rules"))
    #expect(images.saveCount == 1, "a fresh load saves an image")

    let restored = Self.session(files)
    #expect(Self.load(restored, images: images) == loadSaid)
    #expect(images.saveCount == 1, "the second session was restored, not loaded")
    #expect(restored.statistics == loaded.statistics)
    #expect(restored.symbolWords == loaded.symbolWords)
    #expect(Self.transcript(restored) == Self.transcript(loaded))
  }

  @Test(arguments: ["a changed file", "an added file", "a removed file", "a renamed file"])
  func anyChangeToTheFilesMeansTheyAreLoaded(_ change: String) {
    let files = MemoryFiles(Self.folder)
    let images = MemoryImageStore()
    _ = Self.load(Self.session(files), images: images)
    switch change {
    case "a changed file": files.contents["kb/10_facts.kb"]! += "\nedge(d, e).\n"
    case "an added file": files.contents["kb/15_more.kb"] = "edge(d, e).\n"
    case "a removed file": files.contents["kb/20_rules.kb"] = nil
    default: files.contents["kb/30_rules.kb"] = files.contents.removeValue(forKey: "kb/20_rules.kb")
    }
    let after = Self.session(files)
    let said = Self.load(after, images: images)
    #expect(images.saveCount == 2, "\(change): the files were loaded and a new image saved")
    let reference = Self.session(files)
    #expect(said == Self.load(reference, images: nil), "\(change)")
    #expect(Self.transcript(after) == Self.transcript(reference), "\(change)")
  }

  @Test func aDamagedImageIsLoadedAroundNeverTrusted() throws {
    let files = MemoryFiles(Self.folder)
    let images = MemoryImageStore()
    let reference = Self.session(files)
    let expected = Self.load(reference, images: images) + Self.transcript(reference)
    let name = try #require(images.names.first)
    let size = try #require(images.image(named: name)).count
    let pristine = try #require(images.image(named: name))
    // Flip one bit at places spread over the whole image, then cut it short at others.
    var damages: [(String, (inout [UInt8]) -> Void)] = []
    for k in 0..<48 {
      let at = k * (size - 1) / 47
      damages.append(("bit flipped at \(at)", { $0[at] ^= UInt8(1 << (k % 8)) }))
    }
    for k in 0..<12 { damages.append(("cut at \(k * size / 12)", { $0.removeSubrange((k * size / 12)...) })) }
    damages.append(("emptied", { $0 = [] }))
    damages.append(("grown", { $0 += [0] }))
    for (what, damage) in damages {
      images.alter(name) { $0 = pristine }
      images.alter(name, damage)
      let before = images.saveCount
      let session = Self.session(files)
      #expect(Self.load(session, images: images) + Self.transcript(session) == expected, "\(what)")
      #expect(images.saveCount == before + 1, "\(what): the files were loaded instead")
    }
  }

  @Test func aLowerFactCapLoadsTheFilesAndStopsAsItWould() {
    let files = MemoryFiles(Self.folder)
    let images = MemoryImageStore()
    _ = Self.load(Self.session(files), images: images)
    let capped = Self.session(files, cap: 5)
    let said = Self.load(capped, images: images)
    #expect(said.contains("E403"), "the load stops at the cap: \(said)")
    #expect(said == Self.load(Self.session(files, cap: 5), images: nil))
    #expect(capped.statistics.facts == 0)
    // A higher cap than the image's is no reason to load.
    let saves = images.saveCount
    _ = Self.load(Self.session(files, cap: EvaluationBudget.largestFactCap), images: images)
    #expect(images.saveCount == saves)
  }

  @Test func onlyAFreshSessionTakesOrMakesAnImage() {
    let files = MemoryFiles(Self.folder.merging(["other.kb": "edge(x, y).\n"]) { a, _ in a })
    let images = MemoryImageStore()
    _ = Self.load(Self.session(files), images: images)
    #expect(images.saveCount == 1)
    let busy = Self.session(files)
    _ = busy.loadKnowledgeFiles(["other.kb"])
    _ = Self.load(busy, images: images)
    #expect(images.saveCount == 1, "nothing saved from a session that had knowledge already")
    #expect(Self.transcript(busy, ["edge(x, Y).", "edge(a, Y)."]).contains("b"))
  }

  @Test func aFolderWithWarningsOrErrorsGetsNoImage() {
    let images = MemoryImageStore()
    let warned = MemoryFiles(["kb/a.kb": "p(X) :- q(X, Y).\nq(1, 2).\n"])
    let first = Self.load(Self.session(warned), images: images)
    #expect(first.contains("warning"))
    #expect(Self.load(Self.session(warned), images: images) == first, "the warning is shown every time")
    let broken = MemoryFiles(["kb/a.kb": "p(1"])
    _ = Self.load(Self.session(broken), images: images)
    #expect(images.saveCount == 0)
  }

  @Test func aFolderThatImportsATableGetsNoImage() {
    let files = MemoryFiles([
      "kb/a.kb": "@import edge \"edges.csv\"\nreach(X, Y) :- edge(X, Y).\n", "kb/edges.csv": "from,to\n1,2\n",
    ])
    let images = MemoryImageStore()
    let session = Self.session(files)
    #expect(Self.load(session, images: images).hasPrefix("loaded Knowledge (1 file): 1 fact, 1 rule"))
    #expect(Self.transcript(session, ["reach(X, Y)."]).contains("1 answer"))
    #expect(images.saveCount == 0, "the image would not see a change to the table")
    // The table is read beside the file on disk and named beside it as shown.
    files.contents["kb/edges.csv"] = nil
    let missing = Self.load(Self.session(files), images: images)
    #expect(missing.contains("cannot read 'Knowledge/edges.csv'"), "\(missing)")
  }

  @Test func imageNamesDependOnTheFolderAlone() {
    #expect(Session.imageName(forFolder: "/a/Knowledge") == Session.imageName(forFolder: "/a/Knowledge"))
    #expect(Session.imageName(forFolder: "/a/Knowledge") != Session.imageName(forFolder: "/b/Knowledge"))
    #expect(Session.imageName(forFolder: "/a/Knowledge").count == "knowledge-".count + 16 + ".image".count)
  }

  @Test func numbersTextsAndWordsComeBackAsWritten() throws {
    var writer = ImageWriter()
    let ints = [0, 1, -1, 63, -64, 64, 127, 128, Int.max, Int.min, 1 << 40, -(1 << 40)]
    for i in ints { writer.int(i) }
    writer.fixed64(0xDEAD_BEEF_0123_4567)
    writer.strings(["", "a", "안산", "e\u{301}", String(repeating: "x", count: 300)])
    writer.wordArray([0, 1, 0xFFFF_FFFF, 0x8000_0001])
    writer.optionalString(nil)
    writer.optionalString("n")
    var reader = ImageReader(writer.bytes)
    for i in ints { #expect(try reader.int() == i) }
    #expect(try reader.fixed64() == 0xDEAD_BEEF_0123_4567)
    #expect(try reader.strings() == ["", "a", "안산", "e\u{301}", String(repeating: "x", count: 300)])
    #expect(try reader.wordArray() == [0, 1, 0xFFFF_FFFF, 0x8000_0001])
    #expect(try reader.optionalString() == nil)
    #expect(try reader.optionalString() == "n")
    #expect(reader.isAtEnd)
    // Reading past the end, or a count larger than what is left, is damage, not a crash.
    #expect(throws: ImageDamage.self) { try reader.int() }
    var short = ImageReader([0x80])
    #expect(throws: ImageDamage.self) { try short.int() }
    var counted = ImageReader([0x7E])
    #expect(throws: ImageDamage.self) { try counted.wordArray() }
  }
}
