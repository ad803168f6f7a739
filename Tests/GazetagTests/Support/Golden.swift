import Foundation
import Testing

/// Compares writer output with a golden file in `Tests/GazetagTests/Fixtures/golden/`.
///
/// `RECORD_SNAPSHOTS=1 swift test` rewrites the golden files that differ; each rewrite still
/// fails the test, with the difference, so that a recording run never passes silently (run again
/// without it after reviewing `git diff`).
func expectGolden(
  _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let url = Fixtures.repositoryRoot.appendingPathComponent("Tests/GazetagTests/Fixtures/golden")
    .appendingPathComponent(name)
  let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
  let expected = try? String(contentsOf: url, encoding: .utf8)
  guard actual != expected else { return }
  if recording {
    try actual.write(to: url, atomically: true, encoding: .utf8)
  }
  let verb = recording ? "re-recorded" : "differs from"
  Issue.record(
    "\(verb) golden/\(name): \(firstDifference(expected: expected ?? "", actual: actual))",
    sourceLocation: sourceLocation)
}

/// The first line where `actual` differs from `expected`, both shown, 1-based.
func firstDifference(expected: String, actual: String) -> String {
  let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let line =
    zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    ?? min(old.count, new.count)
  let shown = { (lines: [Substring]) in line < lines.count ? "\"\(lines[line])\"" : "(end)" }
  return "line \(line + 1): expected \(shown(old)), got \(shown(new))"
}
