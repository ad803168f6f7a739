import Foundation

/// Files the tests read: the test bundle's fixtures, the repository and the shared seed text.
enum Fixtures {
  /// A file or directory in `Tests/GazetagTests/Fixtures`.
  static func url(_ name: String) -> URL {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name)
  }

  /// The repository's root directory.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The seed article that sits beside the repository in `../shared/seed/`.
  static let seedArticle = repositoryRoot.deletingLastPathComponent()
    .appendingPathComponent("shared/seed/000_22e26f2415bc8058.txt")

  static func text(of url: URL) throws -> String {
    try String(contentsOf: url, encoding: .utf8)
  }
}
