extension Session {
  /// Whether nothing has been loaded, asserted, assumed or even read yet: the only state in
  /// which a knowledge image may stand in for a load (its predicates, values and source files
  /// are numbered from the start).
  var isFresh: Bool {
    knowledge.units.count == 1 && knowledge.rules.isEmpty && knowledge.catalog.count == 0 && pool.count == 0
      && sources.count == 0 && assumptionBase == nil
  }

  /// The name of a folder's image in a store: one image per folder, named after a hash of its
  /// path (FNV-1a) so the name is short and the same on every run.
  static func imageName(forFolder folder: String) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in folder.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    let digits = String(hash, radix: 16)
    return "knowledge-" + String(repeating: "0", count: 16 - digits.count) + digits + ".image"
  }

  /// Takes the knowledge of `files`, the folder `folder`'s *.kb files, from the image `name`
  /// in `store` when it was made from exactly these files by this program; returns what
  /// loading them would have said, or nil (nothing changed) when there is no such image.
  func restoreImage(
    of files: [FileToLoad], folder: String, displayName: String, from store: any KnowledgeImageStore, name: String
  ) -> [Output]? {
    guard isFresh, let program = ProgramStamp.current, let bytes = store.image(named: name) else { return nil }
    var texts: [[UInt8]] = []
    let matches = { (origin: KnowledgeImage.Origin) -> Bool in
      guard origin.program == program, origin.folder == folder, origin.displayName == displayName,
        origin.factLimit <= self.budget.maximumDerivedFacts, origin.files.count == files.count
      else { return false }
      for (file, recorded) in zip(files, origin.files) {
        let path = self.physical(file.path)
        guard file.displayName == recorded.name, case .success(let text) = self.loader.read(path),
          ImageReader.same(text, recorded.bytes), self.loader.canonical(path) == recorded.canonical
        else { return false }
        texts.append(text)
      }
      return true
    }
    guard let image = try? KnowledgeImage.decode(bytes, accept: matches) else { return nil }
    knowledge = image.knowledge
    pool.adopt(image.pool)
    for (i, file) in files.enumerated() {
      _ = sources.add(name: file.displayName, validBytes: texts[i], lineStarts: image.lineStarts[i])
    }
    return [.text(image.summary)]
  }

  /// Saves the knowledge just loaded into a fresh session from `files` (the folder `folder`'s)
  /// as the image `name` in `store`, with `summary`, what the load said.
  func saveImage(
    of files: [FileToLoad], folder: String, displayName: String, summary: String, to store: any KnowledgeImageStore,
    name: String
  ) {
    // The sources are exactly the files, in order: the image has nothing else to check.
    guard let program = ProgramStamp.current, sources.count == files.count else { return }
    var recorded: [KnowledgeImage.Origin.File] = []
    var lineStarts: [LineStarts] = []
    for (id, file) in files.enumerated() {
      guard let source = sources.file(id), source.name == file.displayName else { return }
      lineStarts.append(source.lineStarts)
      recorded.append(
        KnowledgeImage.Origin.File(
          name: file.displayName, canonical: loader.canonical(physical(file.path)), bytes: source.bytes[...]))
    }
    let origin = KnowledgeImage.Origin(
      program: program, folder: folder, displayName: displayName, factLimit: budget.maximumDerivedFacts,
      files: recorded)
    let image = KnowledgeImage(
      origin: origin, lineStarts: lineStarts, summary: summary, pool: pool, knowledge: knowledge)
    store.save(image.encoded(), named: name)
  }
}
