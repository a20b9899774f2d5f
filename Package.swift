// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "valley",
  products: [
    .executable(name: "valley", targets: ["valley"]),
    .executable(name: "valley-serve", targets: ["valley-serve"]),
    .library(name: "ValleyEngine", targets: ["ValleyEngine"]),
    .library(name: "ValleyExport", targets: ["ValleyExport"]),
  ],
  dependencies: [
    // The command line (subcommands, --help, --version, usage errors).
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // The classroom server's HTTP stack (`valley serve`): async/await over SwiftNIO, lighter
    // than Vapor, with an in-process test client (HummingbirdTesting).
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    // Already in Hummingbird's graph: signals and graceful shutdown, and its logger type.
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.0.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"])]
    ),
    // The system's SQLite, for the classroom server's progress (Debian's libsqlite3-dev).
    .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
    // Growing the store's large buffers in place (mremap), which Swift cannot call itself.
    .target(name: "CStoreMemory"),
    .target(name: "ValleyEngine", dependencies: ["CStoreMemory"]),
    // `valley export`: the analysed program as SQL (SQLite, PostgreSQL, DuckDB) or Soufflé.
    .target(name: "ValleyExport", dependencies: ["ValleyEngine"]),
    // Exercises: authoring, practice and grading, over the engine's public API.
    .target(name: "ValleyExercises", dependencies: ["ValleyEngine"]),
    // The language server for editors (`valley lsp`): JSON-RPC over standard input and
    // output, over the engine's checks; no Foundation, so it runs inside `valley`.
    .target(name: "ValleyLanguageServer", dependencies: ["ValleyEngine"]),
    // The classroom server: HTTP over the session API.
    .target(
      name: "ValleyServer",
      dependencies: [
        "ValleyEngine",
        "ValleyExercises",
        "CSQLite",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(
      name: "valley",
      dependencies: [
        "ValleyEngine",
        "ValleyExercises",
        "ValleyLanguageServer",
        "ValleyExport",
        "CReadline",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // What the test targets share: in-memory files, session helpers, temporary folders,
    // running the built binary.
    .target(name: "ValleyTestSupport", dependencies: ["ValleyEngine"], path: "Tests/ValleyTestSupport"),
    // The server program that `valley serve` hands over to (kept apart so that `valley`
    // itself does not load the HTTP stack and Foundation).
    .executableTarget(name: "valley-serve", dependencies: ["ValleyEngine", "ValleyServer"]),
    .testTarget(name: "ValleyEngineTests", dependencies: ["ValleyEngine", "ValleyTestSupport"]),
    .testTarget(
      name: "ValleyExercisesTests", dependencies: ["ValleyEngine", "ValleyExercises", "ValleyTestSupport"]),
    .testTarget(
      name: "ValleyServerTests",
      dependencies: [
        "ValleyEngine", "ValleyServer", "ValleyTestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]),
    .testTarget(
      name: "ValleyLanguageServerTests",
      dependencies: ["ValleyEngine", "ValleyLanguageServer", "ValleyTestSupport", "valley"]),
    .testTarget(
      name: "ValleyExportTests", dependencies: ["ValleyEngine", "ValleyExport", "ValleyTestSupport", "valley"]),
    .testTarget(
      name: "ValleyScriptTests",
      dependencies: ["ValleyEngine", "ValleyExercises", "ValleyTestSupport", "valley", "valley-serve"]),
  ]
)
