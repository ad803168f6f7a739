/// Counts of a gazetteer's contents: entries per label and per source, aliases and designator
/// families. `gazetag gazetteer stats` prints them.
public struct GazetteerStatistics: Hashable, Sendable {
  /// Entries per label, every declared label in declaration order (also those with none).
  public var labels: [Count]
  /// Entries per `source` value, sorted by name; entries without one count as `unspecified`.
  public var sources: [Count]
  /// The number of entries.
  public var entries: Int
  /// The number of aliases: the spellings of each entry besides its canonical name.
  public var aliases: Int
  /// The number of designator families: entries with an alias that has the `#` slot.
  public var families: Int

  /// A name and how many entries it has.
  public struct Count: Hashable, Sendable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) {
      self.name = name
      self.count = count
    }
  }

  /// The source name of entries that have none.
  public static let unspecifiedSource = "unspecified"

  /// Counts the contents of `gazetteer`.
  ///
  /// - Complexity: O(*p*) in the total length of the patterns, which are tokenized to find the
  ///   designator slots.
  public init(_ gazetteer: Gazetteer) {
    var byLabel = gazetteer.labels.map { Count(name: $0.name, count: 0) }
    var bySource: [String: Int] = [:]
    let normalizer = Normalizer(profile: gazetteer.profile)
    let tokenizer = Tokenizer()
    entries = gazetteer.entries.count
    aliases = 0
    families = 0
    for entry in gazetteer.entries {
      if let index = byLabel.firstIndex(where: { $0.name == entry.label }) {
        byLabel[index].count += 1
      } else {
        byLabel.append(Count(name: entry.label, count: 1))
      }
      bySource[entry.source ?? Self.unspecifiedSource, default: 0] += 1
      let patterns = entry.patterns
      aliases += patterns.count - 1
      if patterns.contains(where: {
        Matcher.steps(of: $0, tokenizer: tokenizer, normalizer: normalizer)
          .contains(.designator)
      }) {
        families += 1
      }
    }
    labels = byLabel
    sources = bySource.sorted { $0.key < $1.key }.map { Count(name: $0.key, count: $0.value) }
  }

  /// The counts as one JSON object: `{"labels": {"PERSON": 312, …}, "sources": {"cldr": …},
  /// "entries": N, "aliases": N, "families": N}`, keys in that order.
  public var json: String {
    func object(_ counts: [Count]) -> String {
      "{" + counts.map { "\($0.name.jsonQuoted): \($0.count)" }.joined(separator: ", ") + "}"
    }
    return
      "{\"labels\": \(object(labels)), \"sources\": \(object(sources)), \"entries\": \(entries), \"aliases\": \(aliases), \"families\": \(families)}"
  }

  /// The counts as an aligned text table: labels, then sources, then the totals. Names are
  /// left-aligned in one column and counts right-aligned in the next, two spaces apart, so a
  /// long name with a small count (`cldr+curated`) does not push into the counts.
  public var table: String {
    let rows: [(name: String, count: Int?)] =
      [("labels", nil)] + labels.map { ("  " + $0.name, $0.count) } + [("sources", nil)]
      + sources.map { ("  " + $0.name, $0.count) }
      + [("entries", entries), ("aliases", aliases), ("families", families)]
    let nameWidth = rows.map(\.name.displayWidth).max()!
    let countWidth = rows.compactMap { $0.count.map { String($0).count } }.max()!
    return rows.map { row in
      guard let count = row.count.map(String.init) else { return row.name + "\n" }
      return row.name.padded(to: nameWidth + 2) + count.padded(to: countWidth, left: true) + "\n"
    }.joined()
  }
}
