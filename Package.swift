// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "gazetag",
  products: [
    .library(name: "Gazetag", targets: ["Gazetag"]),
    .executable(name: "gazetag", targets: ["GazetagCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // The system ICU (Debian `libicu-dev`). Only the C bridge imports it: Swift code that imports
    // Foundation must never see these headers (see Documentation/Architecture.md).
    .systemLibrary(
      name: "CICU",
      pkgConfig: "icu-uc icu-i18n",
      providers: [.apt(["libicu-dev"])]
    ),
    // A C bridge whose public header uses only <stdint.h>/<stddef.h> types.
    .target(name: "CGazetagICU", dependencies: ["CICU"]),
    // System calls that Swift's Glibc module does not expose (allocator, renameat2, signals).
    .target(name: "CGazetagSystem"),
    // The bundled gazetteer, compiled by Scripts/embed-gazetteer.sh and embedded with #embed.
    .target(name: "CGazetagBundled", exclude: ["bundled-gazetteer.gzc"]),
    .target(name: "Gazetag", dependencies: ["CGazetagICU", "CGazetagSystem", "CGazetagBundled"]),
    // The command-line tool; its product, the binary, is `gazetag`.
    .executableTarget(
      name: "GazetagCLI",
      dependencies: [
        "Gazetag",
        "CGazetagSystem",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // What both test targets read pages with: an element tree and the markup allow-list.
    .target(name: "GazetagTestSupport", path: "Tests/GazetagTestSupport"),
    .testTarget(
      name: "GazetagTests", dependencies: ["Gazetag", "GazetagTestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "GazetagCLITests", dependencies: ["GazetagCLI", "GazetagTestSupport"]),
  ]
)
