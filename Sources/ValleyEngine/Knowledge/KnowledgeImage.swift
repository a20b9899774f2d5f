/// A knowledge folder as it stood after loading and evaluating it, saved so that the next
/// start of valley skips reading, checking and evaluating the same files again (an *image*,
/// as Smalltalk and Lisp systems call a saved heap).
///
/// An image is a cache, never a source of knowledge: it records exactly what it was made
/// from (``Origin``: the program that wrote it, the folder, each file's bytes, the fact cap),
/// and is used only when all of that is still the same, so that a session restored from it
/// cannot be told from one that loaded the files. Anything else (a changed, added or removed
/// file, another build of valley, a lower `max_facts`, a damaged image) means the files are
/// loaded as usual.
///
/// The layout: the 8 bytes `VALLEYKB`, the format's version and a checksum of the rest (each
/// 8 bytes), then the origin, the files' line starts, the summary line, the value pool and
/// the knowledge base.
struct KnowledgeImage {
  /// What an image was made from.
  struct Origin {
    /// One knowledge file: its name as shown, its canonical path and its bytes.
    struct File {
      var name: String
      var canonical: String
      var bytes: ArraySlice<UInt8>
    }

    /// The running program's identity (``ProgramStamp``): an image is read only by the
    /// build that wrote it.
    var program: [UInt8]
    /// The folder's path on disk.
    var folder: String
    /// The name diagnostics give the folder.
    var displayName: String
    /// The derived-fact cap the load ran under: a session with a lower cap loads the files,
    /// so that a load that would stop at its cap still stops.
    var factLimit: Int
    /// The folder's knowledge files, in load order.
    var files: [File]
  }

  static let magic = Array("VALLEYKB".utf8)
  /// Changes when the layout does (the program stamp covers changes between builds too).
  static let version: UInt64 = 1

  var origin: Origin
  /// Where each file's lines start (as ``SourceFile`` counts them), so a restored session
  /// need not count them again.
  var lineStarts: [LineStarts]
  /// What the load said (`loaded Knowledge (14 files): ...`).
  var summary: String
  var pool: ValuePool
  var knowledge: KnowledgeBase

  /// The image's bytes.
  func encoded() -> [UInt8] {
    var image = ImageWriter()
    image.raw(Self.magic)
    image.fixed64(Self.version)
    image.fixed64(0)
    image.byteArray(origin.program)
    image.string(origin.folder)
    image.string(origin.displayName)
    image.int(origin.factLimit)
    image.array(origin.files) { image, file in
      image.string(file.name)
      image.string(file.canonical)
      image.byteArray(file.bytes)
    }
    for lines in lineStarts { image.ints(Array(lines)) }
    image.string(summary)
    pool.write(to: &image)
    knowledge.write(to: &image)
    var bytes = image.bytes
    var checksum = ImageWriter()
    checksum.fixed64(ImageReader.checksum(bytes, from: 24))
    bytes.replaceSubrange(16..<24, with: checksum.bytes)
    return bytes
  }

  /// The image in `bytes` when `accept` takes its origin; nil when it does not. Throws when
  /// the bytes are not an intact image of this format.
  static func decode(_ bytes: [UInt8], accept: (Origin) -> Bool) throws(ImageDamage) -> KnowledgeImage? {
    guard bytes.count >= 24, Array(bytes[0..<8]) == magic else { throw ImageDamage() }
    var image = ImageReader(bytes, from: 8)
    guard try image.fixed64() == version, try image.fixed64() == ImageReader.checksum(bytes, from: 24) else {
      throw ImageDamage()
    }
    let origin = Origin(
      program: Array(try image.byteArray()), folder: try image.string(), displayName: try image.string(),
      factLimit: try image.int(),
      files: try image.array(ofAtLeast: 3) { image throws(ImageDamage) in
        Origin.File(name: try image.string(), canonical: try image.string(), bytes: try image.byteArray())
      })
    guard accept(origin) else { return nil }
    var lineStarts: [LineStarts] = []
    for file in origin.files {
      let offsets = try image.ints()
      guard offsets.first == 0, offsets.allSatisfy({ $0 <= file.bytes.count }) else { throw ImageDamage() }
      lineStarts.append(LineStarts(offsets: offsets))
    }
    let summary = try image.string()
    let pool = ValuePool()
    try pool.read(from: &image)
    let knowledge = try KnowledgeBase(from: &image, files: origin.files.count, values: pool.count)
    guard image.isAtEnd else { throw ImageDamage() }
    return KnowledgeImage(
      origin: origin, lineStarts: lineStarts, summary: summary, pool: pool, knowledge: knowledge)
  }
}

extension KnowledgeBase {
  /// Writes everything but the indexes and membership sets, which are built again when first
  /// needed (as after a load).
  func write(to image: inout ImageWriter) {
    image.catalog(catalog)
    image.array(rules) { $0.rule($1) }
    image.array(units) { $0.unit($1) }
    // The origin tables of one file's facts share its list of annotations: written once.
    var lists: [[Syntax.Annotation]] = []
    var listNumbers: [[Syntax.Annotation]: Int] = [:]
    let tableLists = origins.map { table in
      let list = table.annotationList
      if let known = listNumbers[list] { return known }
      lists.append(list)
      listNumbers[list] = lists.count - 1
      return lists.count - 1
    }
    image.array(lists) { image, list in
      image.array(list) { image, annotation in
        image.optionalString(annotation.source)
        image.optionalString(annotation.note)
      }
    }
    image.int(base.relations.count)
    for (p, relation) in base.relations.enumerated() {
      relation.storage.write(to: &image)
      origins[p].write(to: &image, annotationList: tableLists[p])
    }
    // A relation of the model with nothing derived is often the stored one, shared.
    image.int(model.relations.count)
    for (p, relation) in model.relations.enumerated() {
      let shared = p < base.relations.count && relation.storage === base.relations[p].storage
      image.bool(shared)
      if !shared { relation.storage.write(to: &image) }
    }
    image.array(strata) { $0.stratum($1) }
    provenance.write(to: &image)
    image.bool(modelIsCurrent)
  }

  /// The knowledge base ``write(to:)`` wrote, loaded from `files` files, over a pool of
  /// `values` values.
  init(from image: inout ImageReader, files: Int, values: Int) throws(ImageDamage) {
    catalog = try image.catalog()
    rules = try image.array(ofAtLeast: 8) { image throws(ImageDamage) in try image.rule() }
    units = try image.array(ofAtLeast: 2) { image throws(ImageDamage) in try image.unit() }
    let lists = try image.array { image throws(ImageDamage) in
      try image.array(ofAtLeast: 2) { image throws(ImageDamage) in
        Syntax.Annotation(source: try image.optionalString(), note: try image.optionalString())
      }
    }
    var stored: [Relation] = []
    origins = []
    for _ in 0..<(try image.count(ofAtLeast: 2)) {
      stored.append(Relation(storage: try RelationStorage.read(from: &image)))
      origins.append(try OriginTable(from: &image, annotationLists: lists))
    }
    base = FactStore(arities: [])
    base.relations = stored
    var derived: [Relation] = []
    for p in 0..<(try image.count()) {
      if try image.bool() {
        guard p < stored.count else { throw ImageDamage() }
        derived.append(stored[p])
      } else {
        derived.append(Relation(storage: try RelationStorage.read(from: &image)))
      }
    }
    model = FactStore(arities: [])
    model.relations = derived
    strata = try image.array(ofAtLeast: 3) { image throws(ImageDamage) in try image.stratum() }
    provenance = try Provenance(from: &image)
    modelIsCurrent = try image.bool()
    try check(files: files, values: values)
  }

  /// Throws unless the parts agree with one another, so that nothing read from an image can
  /// make a later step fail: each relation has its predicate's arity and values from the
  /// pool, each stored row an origin in a known unit and file, each atom a known predicate
  /// with its arity, each variable a slot of its rule, each stratum known rules and
  /// predicates. (The checksum already finds accidental damage; this also guards against a
  /// writer that left a part out.)
  private func check(files: Int, values: Int) throws(ImageDamage) {
    let predicates = catalog.count
    func atomIsKnown(_ atom: Atom, slots: Int) -> Bool {
      atom.predicate < predicates && atom.arguments.count == catalog[atom.predicate].arity
        && atom.arguments.allSatisfy { termIsKnown($0, slots: slots) }
    }
    func termIsKnown(_ term: Term, slots: Int) -> Bool {
      switch term {
      case .variable(let slot, _): slot < slots
      case .constant: true
      case .binary(_, let left, let right, _): termIsKnown(left, slots: slots) && termIsKnown(right, slots: slots)
      case .negate(let operand, _): termIsKnown(operand, slots: slots)
      }
    }
    func literalIsKnown(_ literal: Literal, slots: Int) -> Bool {
      switch literal {
      case .positive(let atom), .negative(let atom):
        atomIsKnown(atom, slots: slots)
      case .comparison(_, let left, let right, _):
        termIsKnown(left, slots: slots) && termIsKnown(right, slots: slots)
      case .aggregate(let aggregate):
        aggregate.result < slots && aggregate.grouping.allSatisfy { $0 >= 0 && $0 < slots }
          && aggregate.terms.allSatisfy { termIsKnown($0, slots: slots) }
          && aggregate.body.allSatisfy { literalIsKnown($0, slots: slots) }
      }
    }
    let relationsAgree = { (relations: [Relation]) in
      relations.count <= predicates
        && relations.indices.allSatisfy {
          relations[$0].arity == catalog[$0].arity && relations[$0].storage.valuesAreInPool(of: values)
        }
    }
    guard relationsAgree(base.relations), relationsAgree(model.relations), !units.isEmpty,
      base.relations.count == origins.count,
      zip(base.relations, origins).allSatisfy({ $0.count == $1.count && $1.isWithin(units: units.count, files: files) }
      ),
      rules.allSatisfy({ rule in
        let slots = rule.variableNames.count
        return rule.unit < units.count && rule.span.file < files && atomIsKnown(rule.head, slots: slots)
          && rule.body.allSatisfy { literalIsKnown($0, slots: slots) }
      }),
      strata.allSatisfy({ stratum in
        stratum.rules.allSatisfy { $0 >= 0 && $0 < rules.count }
          && stratum.predicates.allSatisfy { $0 >= 0 && $0 < predicates }
      }),
      provenance.tables.count <= predicates
    else { throw ImageDamage() }
  }
}
