/// An entity label a gazetteer declares, such as `PERSON`.
public struct LabelDefinition: Hashable, Sendable, Codable {
  /// The label as it appears in output.
  public var name: String
  /// Breaks ties between candidate spans of the same length and start: higher wins.
  public var priority: Int
  /// A CSS colour for HTML output, e.g. `#f4a261`.
  public var color: String?
  /// What the label means, for people reading the manifest or the HTML legend.
  public var description: String?

  public init(name: String, priority: Int = 0, color: String? = nil, description: String? = nil) {
    self.name = name
    self.priority = priority
    self.color = color
    self.description = description
  }

  /// The keys of a label in a manifest; any other is refused.
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, priority, color, description
  }

  /// Decodes a manifest label; `priority` defaults to 0.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    priority = try container.decodeIfPresent(Int.self, forKey: .priority) ?? 0
    color = try container.decodeIfPresent(String.self, forKey: .color)
    description = try container.decodeIfPresent(String.self, forKey: .description)
  }
}
