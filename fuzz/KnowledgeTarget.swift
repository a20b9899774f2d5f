// libFuzzer target "knowledge": the input is a knowledge file (`*.kb`). It is loaded into an
// empty session (parse, lower, safety, stratification, evaluation under a small budget); when
// it loads, every predicate is queried, explained, described and listed, the graph commands
// run, and the file is loaded again. Invariants checked besides "no crash":
// - the UTF-8 decoder agrees with the standard library;
// - loading the same file again (`:load`, `:reload`) changes no counts: nothing is duplicated;
// - every output renders in every format.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKnowledge(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  Fuzz.checkDecoder(bytes)
  let files = Fuzz.files(script: bytes)
  let session = Fuzz.session(files)
  func run(_ input: String) -> [Output] {
    let outputs = session.execute(input: input)
    for output in outputs { Fuzz.render(output, session) }
    return outputs
  }
  let loaded = session.loadKnowledgeFiles(["fuzz.kb"])
  for output in loaded { Fuzz.render(output, session) }
  if loaded.contains(where: \.isError) {
    Fuzz.check(Fuzz.fingerprint(session) == [0, 0, 0, 0], "a file that failed to load left something behind")
    return 0
  }
  let after = Fuzz.fingerprint(session)
  let catalog = session.knowledge.catalog
  var binary: [String] = []
  for p in 0..<min(catalog.count, 8) {
    let info = catalog[p]
    let goal = info.arity == 0
      ? info.name : "\(info.name)(\((0..<info.arity).map { "V\($0)" }.joined(separator: ", ")))"
    if info.arity == 2 { binary.append(info.name) }
    _ = run("?- \(goal).")
    _ = run(":why \(goal).")
    _ = run(":describe \(info.name)")
    _ = run(":list \(info.name)")
    _ = run(":help \(info.name)")
  }
  _ = run(":preds")
  _ = run(":list")
  _ = run(":graph deps \"deps.dot\"")
  if !binary.isEmpty { _ = run(":graph edges \(binary.joined(separator: " ")) \"edges.dot\"") }
  Fuzz.check(Fuzz.fingerprint(session) == after, "queries changed the knowledge")
  // Loading the same file again replaces it: the counts stay the same.
  if !run(":load \"fuzz.kb\"").contains(where: \.isError) {
    Fuzz.check(Fuzz.fingerprint(session) == after, ":load of a loaded file changed the counts")
  }
  if !run(":reload").contains(where: \.isError) {
    Fuzz.check(Fuzz.fingerprint(session) == after, ":reload changed the counts")
  }
  return 0
}
