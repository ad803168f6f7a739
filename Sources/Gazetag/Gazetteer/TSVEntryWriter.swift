/// Writes a gazetteer's entries as one data file of the gazetteer format
/// (Documentation/GazetteerFormat.md), the form ``TSVEntryReader`` reads.
///
/// The columns are `id`, `label`, `name`, `aliases` (joined by `|`), `english`, `wikidata`,
/// `source`, then every attribute column any entry has, sorted by name. Entries keep their
/// order. A tab, carriage return or line feed inside a field, which the format cannot hold,
/// is written as a space.
public struct TSVEntryWriter: Sendable {
  public init() {}

  /// The header line and one line per entry, each ended by a line feed.
  public func table(of gazetteer: Gazetteer) -> String {
    var attributeNames: Set<String> = []
    for entry in gazetteer.entries { attributeNames.formUnion(entry.attributes.keys) }
    let extra = attributeNames.subtracting(TSVEntryReader.knownColumns).sorted()
    let header = ["id", "label", "name", "aliases", "english", "wikidata", "source"] + extra
    var output = header.joined(separator: "\t") + "\n"
    for entry in gazetteer.entries {
      var aliases: [String] = []
      for alias in entry.aliases where alias != entry.name && !aliases.contains(alias) {
        aliases.append(alias)
      }
      let fields =
        [
          entry.id, entry.label, entry.name, aliases.joined(separator: "|"),
          entry.englishName ?? "", entry.wikidata ?? "", entry.source ?? "",
        ] + extra.map { entry.attributes[$0] ?? "" }
      output += fields.map(Self.cleaned).joined(separator: "\t") + "\n"
    }
    return output
  }

  private static func cleaned(_ field: String) -> String {
    guard field.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
    else { return field }
    return String(field.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
  }
}
