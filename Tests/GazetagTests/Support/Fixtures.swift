import Foundation

/// Files the tests read: the test bundle's fixtures, the repository's example texts and, where
/// `GAZETAG_SEED_ARTICLE` names it, the article the project started from.
enum Fixtures {
  /// A file or directory in `Tests/GazetagTests/Fixtures`.
  static func url(_ name: String) -> URL {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name)
  }

  /// The repository's root directory.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The project's own news-like example: both spellings of Kim Jong Un, missile names with
  /// designators, a double space inside a name, `॥`, nukta and Devanagari digits.
  static let exampleArticle = repositoryRoot.appendingPathComponent("Examples/korea-russia.txt")

  /// The article the project started from, which is not part of the repository: the file that
  /// `GAZETAG_SEED_ARTICLE` names (`.ci/run` sets it), or `nil`.
  static let seedArticle = ProcessInfo.processInfo.environment["GAZETAG_SEED_ARTICLE"]
    .flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }

  static func text(of url: URL) throws -> String {
    try String(contentsOf: url, encoding: .utf8)
  }
}
