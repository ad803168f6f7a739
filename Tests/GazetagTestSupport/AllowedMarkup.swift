import Foundation

/// The elements and attributes the HTML writer generates, from
/// `Tests/GazetagTests/Fixtures/html/allowed-markup.json`: the unit tests check the pages they
/// parse against it, the end-to-end tests the DOMs a browser built.
public struct AllowedMarkup: Decodable {
  /// Attribute names allowed on each element.
  public var elements: [String: [String]]
  /// Regular expressions that an attribute's whole value must match, by attribute name.
  public var patterns: [String: String]

  /// Reads the list from the JSON file at `url`.
  public static func load(from url: URL) throws -> AllowedMarkup {
    try JSONDecoder().decode(AllowedMarkup.self, from: Data(contentsOf: url))
  }

  /// Descriptions of the elements and attributes of `root` and its descendants (a browser
  /// DOM's `#document` root aside) that the writer does not generate; empty for a clean page.
  public func violations(in root: MarkupElement) -> [String] {
    root.allElements.filter { $0.name != "#document" }.flatMap { element -> [String] in
      guard let allowed = elements[element.name] else { return ["element <\(element.name)>"] }
      return element.attributes.sorted { $0.key < $1.key }.compactMap { name, value in
        guard allowed.contains(name) else { return "attribute \(name) on <\(element.name)>" }
        guard let pattern = patterns[name] else { return nil }
        return value.range(of: pattern, options: .regularExpression) == nil
          ? "\(name)=\"\(value)\" on <\(element.name)>" : nil
      }
    }
  }
}
