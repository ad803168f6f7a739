import GazetagTestSupport

extension AllowedMarkup {
  /// The list in `Fixtures/html/allowed-markup.json`.
  static func load() throws -> AllowedMarkup {
    try load(from: Fixtures.url("html/allowed-markup.json"))
  }
}
