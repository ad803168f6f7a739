import Foundation
import Testing

/// Compares writer output with a golden file in `Tests/GazetagTests/Fixtures/golden/`.
/// `RECORD_SNAPSHOTS=1 swift test` rewrites the golden files instead (then review the diff).
func expectGolden(
  _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let url = Fixtures.repositoryRoot.appendingPathComponent("Tests/GazetagTests/Fixtures/golden")
    .appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
    try actual.write(to: url, atomically: true, encoding: .utf8)
    return
  }
  let expected = try String(contentsOf: url, encoding: .utf8)
  #expect(actual == expected, "differs from golden/\(name)", sourceLocation: sourceLocation)
}
