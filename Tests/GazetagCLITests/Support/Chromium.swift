import Foundation
import Testing

/// Headless Chromium (Debian package `chromium`), the real browser the HTML tests load pages
/// in. Where it is absent the browser tests are reported as skipped, with the reason, unless
/// `GAZETAG_REQUIRE_BROWSER=1` (set by `.ci/run`, which installs it) makes them required.
enum Chromium {
  /// The browser's executable on `PATH`, if there is one.
  static let found: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return ["chromium", "chromium-browser"].lazy.flatMap { name in
      path.split(separator: ":").map {
        URL(fileURLWithPath: String($0)).appendingPathComponent(name)
      }
    }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// Whether the browser tests run: Chromium is on `PATH`, or it is required (and its absence
  /// then fails the tests).
  static let testsEnabled =
    found != nil || ProcessInfo.processInfo.environment["GAZETAG_REQUIRE_BROWSER"] == "1"

  /// The browser's executable on `PATH`.
  static func executable(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
    try #require(
      found,
      "chromium is not on PATH; install the Debian package chromium (apt-get install -y chromium fonts-noto-core), as .ci/run does",
      sourceLocation: sourceLocation)
  }

  /// The DOM of the page at `page` after Chromium has parsed it, serialized (`--dump-dom`).
  static func dumpDOM(of page: URL, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> String
  {
    try run(["--dump-dom", page.absoluteString], sourceLocation: sourceLocation).stdout
  }

  /// Writes a PNG screenshot of the page at `page`, rendered in a `width` × `height` window.
  static func screenshot(
    of page: URL, to png: URL, width: Int, height: Int,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try run(
      ["--screenshot=\(png.path)", "--window-size=\(width),\(height)", page.absoluteString],
      sourceLocation: sourceLocation)
  }

  /// Runs headless Chromium with a fresh profile, so that runs in parallel do not share one.
  @discardableResult
  private static func run(_ arguments: [String], sourceLocation: SourceLocation) throws
    -> GazetagProcess.Result
  {
    let profile = try GazetagProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: profile) }
    let result = try GazetagProcess.run(
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
        "--user-data-dir=\(profile.path)",
      ] + arguments, executable: try executable(sourceLocation: sourceLocation))
    #expect(result.status == 0, "chromium failed: \(result.stderr)", sourceLocation: sourceLocation)
    return result
  }
}
