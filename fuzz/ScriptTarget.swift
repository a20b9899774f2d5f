// libFuzzer target "script": the input is a query script, run as `valley run` runs one, in a
// session that starts with a small knowledge base. Covers decoding, lexing, statement
// splitting, every command, query planning and evaluation under a small budget, and rendering
// in every format. Invariants checked besides "no crash":
// - a statement that fails leaves the knowledge as it was (fact, rule and predicate counts);
// - the UTF-8 decoder agrees with the standard library;
// - what `:save` writes reads back without a syntax error.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScript(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  Fuzz.checkDecoder(bytes)
  let files = Fuzz.files(script: bytes)
  let session = Fuzz.session(files)
  for output in session.loadKnowledgeFiles(["base.kb"]) {
    Fuzz.check(!output.isError, "the base knowledge did not load")
  }
  if case .success(let text) = SourceDecoder.decode(bytes) {
    _ = session.isIncomplete(text)
  }
  var before = Fuzz.fingerprint(session)
  var failed = false
  var statement = ""
  // Read through the loader, so invalid UTF-8 is reported as `valley run` reports it.
  let script: (Output) -> Void = { output in
    Fuzz.render(output, session)
    if output.isError { failed = true }
  }
  // The echo before each statement checks that the previous one, if it failed, changed nothing.
  switch session.readSource("fuzz.q") {
  case .failure(let diagnostic):
    script(.diagnostics([diagnostic], line: 0))
  case .success(let text):
    session.runScript(
      text: text, name: "fuzz.q", directory: nil,
      echo: { text in
        if failed {
          Fuzz.check(Fuzz.fingerprint(session) == before, "a failed statement changed the knowledge: \(statement)")
        }
        failed = false
        before = Fuzz.fingerprint(session)
        statement = text
      },
      emit: script)
    if failed {
      Fuzz.check(Fuzz.fingerprint(session) == before, "a failed statement changed the knowledge: \(statement)")
    }
  }
  _ = session.completionWords
  _ = session.symbolWords
  _ = session.helpTopics
  Fuzz.checkSaved(session, files)
  return 0
}
