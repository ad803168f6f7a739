import Foundation
import Gazetag

extension Gazetteer {
  /// The gazetteer a subcommand's optional PATH argument names (a directory or a spaCy patterns
  /// file), or the bundled one when there is none.
  ///
  /// - Throws: ``Fatal`` when the gazetteer cannot be loaded.
  static func argument(_ path: String?) throws -> Gazetteer {
    guard let path else { return .bundled }
    do {
      return try Gazetteer(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw Fatal(error)
    }
  }
}
