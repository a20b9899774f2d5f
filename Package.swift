// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "valley",
  products: [
    .executable(name: "valley", targets: ["valley"]),
    .library(name: "ValleyEngine", targets: ["ValleyEngine"]),
  ],
  dependencies: [
    // The command line (subcommands, --help, --version, usage errors).
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"])]
    ),
    .target(name: "ValleyEngine"),
    // Exercises: authoring, practice and grading, over the engine's public API.
    .target(name: "ValleyExercises", dependencies: ["ValleyEngine"]),
    .executableTarget(
      name: "valley",
      dependencies: [
        "ValleyEngine",
        "ValleyExercises",
        "CReadline",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // What the test targets share: in-memory files, session helpers, temporary folders,
    // running the built binary.
    .target(name: "ValleyTestSupport", dependencies: ["ValleyEngine"], path: "Tests/ValleyTestSupport"),
    .testTarget(name: "ValleyEngineTests", dependencies: ["ValleyEngine", "ValleyTestSupport"]),
    .testTarget(
      name: "ValleyExercisesTests", dependencies: ["ValleyEngine", "ValleyExercises", "ValleyTestSupport"]),
    .testTarget(
      name: "ValleyScriptTests", dependencies: ["ValleyEngine", "ValleyExercises", "ValleyTestSupport", "valley"]),
  ]
)
