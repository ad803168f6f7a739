import Foundation

/// The elements and attributes the HTML writer generates, from `Fixtures/html/allowed-markup.json`
/// (the CLI tests check browser DOMs against the same file).
struct AllowedMarkup: Decodable {
  /// Attribute names allowed on each element.
  var elements: [String: [String]]
  /// Regular expressions that an attribute's whole value must match, by attribute name.
  var patterns: [String: String]

  static func load() throws -> AllowedMarkup {
    try JSONDecoder().decode(
      AllowedMarkup.self, from: Data(contentsOf: Fixtures.url("html/allowed-markup.json")))
  }

  /// Descriptions of the elements and attributes of `element` and its descendants that the
  /// writer does not generate; empty for a clean page.
  func violations(in element: XHTMLElement) -> [String] {
    element.allElements.flatMap { element -> [String] in
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
