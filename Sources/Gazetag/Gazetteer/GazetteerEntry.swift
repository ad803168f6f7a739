/// One entity of a gazetteer: a person, place, weapon family, country, organisation or
/// nationality word, with every spelling it is matched by.
public struct GazetteerEntry: Hashable, Sendable {
  /// A stable identifier, unique within the gazetteer (`KP`, `person:kim-jong-un`).
  public var id: String
  /// The entity's label, one the gazetteer declares.
  public var label: String
  /// The canonical Hindi name; it is matched as well as the aliases.
  public var name: String
  /// Further spellings that are matched. An alias with a `#` token (`ह्वासोंग-#`) is a
  /// designator family: `#` stands for one number-like token such as `11`, `२३ए` or `23ए`.
  public var aliases: [String]
  /// The English name, where known.
  public var englishName: String?
  /// The Wikidata item (`Q42`), where known.
  public var wikidata: String?
  /// Where the entry comes from: `cldr`, `curated`, a patterns file.
  public var source: String?
  /// Columns beyond the documented ones (`country` of a nationality word, …), by column name.
  public var attributes: [String: String]
  /// The line the entry was read from.
  public var location: SourceLocation

  public init(
    id: String, label: String, name: String, aliases: [String] = [], englishName: String? = nil,
    wikidata: String? = nil, source: String? = nil, attributes: [String: String] = [:],
    location: SourceLocation
  ) {
    self.id = id
    self.label = label
    self.name = name
    self.aliases = aliases
    self.englishName = englishName
    self.wikidata = wikidata
    self.source = source
    self.attributes = attributes
    self.location = location
  }

  /// The canonical name followed by the aliases, without repeats: every string the entry is
  /// matched by.
  public var patterns: [String] {
    var seen: Set<String> = []
    return ([name] + aliases).filter { seen.insert($0).inserted }
  }
}
