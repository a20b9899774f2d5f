import Foundation
import Testing
import ValleyTestSupport

/// `valley export` as a user runs it: what it prints, where, and its exit status.
@Suite struct ExportCommandTests {
  static let edges =
    "@pred e(from, to) \"an edge\"\ne(1, 2). e(2, 3).\ntc(X, Y) :- e(X, Y).\ntc(X, Z) :- tc(X, Y), e(Y, Z).\n"

  @Test func writesTheScriptToStandardOutput() throws {
    let folder = try TemporaryFolder(["edges.kb": Self.edges])
    let run = try ValleyProcess.run(["export", "--to", "sqlite", "edges.kb"], directory: folder.path)
    #expect(run.status == 0, "\(run.summary)")
    #expect(run.stderr.isEmpty, "\(run.summary)")
    #expect(run.stdout.hasPrefix("-- SQLite script written by valley export"), "\(run.summary)")
    #expect(run.stdout.contains("WITH RECURSIVE"), "\(run.summary)")
    #expect(run.stdout.hasSuffix("COMMIT;\n"), "\(run.summary)")
  }

  /// `--to sql --dialect D` (the spelling, `postgres` included) is `--to D`.
  @Test func sqlWithADialectIsTheDialectNamedDirectly() throws {
    let folder = try TemporaryFolder(["edges.kb": Self.edges])
    for (dialect, direct) in [
      ("sqlite", "sqlite"), ("postgres", "postgresql"), ("postgresql", "postgresql"), ("duckdb", "duckdb"),
    ] {
      let viaSQL = try ValleyProcess.run(
        ["export", "--to", "sql", "--dialect", dialect, "edges.kb"], directory: folder.path)
      let named = try ValleyProcess.run(["export", "--to", direct, "edges.kb"], directory: folder.path)
      #expect(viaSQL.status == 0 && viaSQL.stdout == named.stdout, "\(viaSQL.summary)")
    }
    for bad in [
      ["--to", "sql"], ["--to", "souffle", "--dialect", "sqlite"], ["--to", "duckdb", "--dialect", "postgres"],
    ] {
      let run = try ValleyProcess.run(["export"] + bad + ["edges.kb"], directory: folder.path)
      #expect(run.status == 2 && run.stdout.isEmpty, "\(bad): \(run.summary)")
    }
  }

  /// The same knowledge gives the same text, byte for byte, on every run.
  @Test func theScriptIsTheSameOnEveryRun() throws {
    let first = try ValleyProcess.run(["export", "--to", "postgresql"])
    let second = try ValleyProcess.run(["export", "--to", "postgresql"])
    #expect(first.status == 0 && !first.stdout.isEmpty, "\(first.summary)")
    #expect(first.stdout == second.stdout)
  }

  @Test func writesTheScriptToAFileWithOutput() throws {
    let folder = try TemporaryFolder(["edges.kb": Self.edges])
    let run = try ValleyProcess.run(
      ["export", "--to", "postgresql", "--output", "edges.sql", "edges.kb"], directory: folder.path)
    #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty, "\(run.summary)")
    let text = try String(contentsOfFile: folder.path("edges.sql"), encoding: .utf8)
    #expect(text.hasPrefix("-- PostgreSQL script written by valley export"))
  }

  @Test func exportsTheBundledKnowledgeBaseWithoutFiles() throws {
    let run = try ValleyProcess.run(["export", "--to", "duckdb"])
    #expect(run.status == 0, "\(run.summary)")
    #expect(run.stdout.contains("from the bundled knowledge base (Knowledge/)"), "\(run.summary)")
    #expect(run.stdout.contains("CREATE TABLE \"unaddressed_limit\""), "\(run.summary)")
  }

  /// A file that does not load is reported as `valley run` reports it, and nothing is written.
  @Test func loadErrorsAreReportedAsRunReportsThem() throws {
    let folder = try TemporaryFolder(["bad.kb": "p(1).\nq(X) :- p(X), r(X).\n"])
    let run = try ValleyProcess.run(["export", "--to", "sqlite", "bad.kb"], directory: folder.path)
    #expect(run.status == 1, "\(run.summary)")
    #expect(run.stdout.isEmpty, "\(run.summary)")
    #expect(
      run.stderr == """
        bad.kb:2:15: error: unknown predicate 'r/1' [E202]
           2 | q(X) :- p(X), r(X).
             |               ^
        help: did you mean 'p'?

        """, "\(run.summary)")
    let asRun = try ValleyProcess.run(["bad.kb"], standardInputText: "", directory: folder.path)
    #expect(asRun.stderr == run.stderr, "valley bad.kb < /dev/null:\n\(asRun.summary)")
  }

  /// An evaluation error while loading (Valley evaluates before it exports) stops it too.
  @Test func evaluationErrorsStopTheExport() throws {
    let folder = try TemporaryFolder(["n.kb": "n(1).\nn(Y) :- n(X), Y = X * 1000, Y != 0.\n"])
    let run = try ValleyProcess.run(["export", "--to", "duckdb", "n.kb"], directory: folder.path)
    #expect(run.status == 1 && run.stdout.isEmpty, "\(run.summary)")
    #expect(run.stderr.contains("n.kb:2:19: error: integer overflow"), "\(run.summary)")
  }

  /// What the target cannot express is an error naming the clause, on standard error only.
  @Test func untranslatableClausesAreErrorsNamingTheClause() throws {
    let folder = try TemporaryFolder(["w.kb": "w(a). w(b).\nfirst(M) :- M = min { X : w(X) }.\n"])
    let run = try ValleyProcess.run(["export", "--to", "souffle", "w.kb"], directory: folder.path)
    #expect(run.status == 1 && run.stdout.isEmpty, "\(run.summary)")
    #expect(run.stderr.hasPrefix("w.kb:2:17: error: Soufflé cannot express 'min' of symbols"), "\(run.summary)")
    #expect(run.stderr.contains("[E801]") && run.stderr.contains("^~~~"), "\(run.summary)")
  }

  /// SQL text and Soufflé symbols end at U+0000, so a symbol holding it is refused (E802).
  @Test func aSymbolWithNULIsRefused() throws {
    let folder = try TemporaryFolder(["nul.kb": "p(a).\np(\"a\\u{0}b\").\n"])
    for target in ["sqlite", "souffle"] {
      let run = try ValleyProcess.run(["export", "--to", target, "nul.kb"], directory: folder.path)
      #expect(run.status == 1 && run.stdout.isEmpty, "\(run.summary)")
      #expect(run.stderr.hasPrefix("nul.kb:2:1: error: a symbol with the character U+0000"), "\(run.summary)")
      #expect(run.stderr.contains("[E802]"), "\(run.summary)")
    }
  }

  @Test func usageErrorsExitWithTwo() throws {
    let unknown = try ValleyProcess.run(["export", "--to", "oracle"])
    #expect(unknown.status == 2 && unknown.stdout.isEmpty, "\(unknown.summary)")
    #expect(unknown.stderr.contains("oracle"), "\(unknown.summary)")
    let missing = try ValleyProcess.run(["export"])
    #expect(missing.status == 2, "\(missing.summary)")
  }
}
