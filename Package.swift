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
    .executableTarget(
      name: "valley",
      dependencies: [
        "ValleyEngine",
        "CReadline",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "ValleyEngineTests", dependencies: ["ValleyEngine"]),
    .testTarget(name: "ValleyScriptTests", dependencies: ["ValleyEngine", "valley"]),
  ]
)
