/// The distinct entities of a document and where each is mentioned: the summary table of HTML
/// output.
struct EntitySummary: Sendable {
  /// One entity and its mentions.
  struct Row: Sendable {
    /// The entity.
    var entry: GazetteerEntry
    /// The positions, in the document's span list, of the spans that name it, in order.
    var mentions: [Int]
    /// The distinct designators of its mentions (`11`, `17`), in order of appearance.
    var designators: [String]
    /// How many of its mentions have a designator (a family's name alone has none).
    var designatedMentions = 0
  }

  /// The rows ordered by label (in `labelOrder`), then by mention count (most first), then by
  /// first mention.
  var rows: [Row]

  /// Groups `spans` by gazetteer entry.
  ///
  /// - Parameter labelOrder: the labels in display order; other labels sort after them.
  init(spans: [EntitySpan], labelOrder: [String]) {
    var rows: [Row] = []
    var rowOfEntry: [GazetteerEntry: Int] = [:]
    for (position, span) in spans.enumerated() {
      let row: Int
      if let existing = rowOfEntry[span.entry] {
        row = existing
      } else {
        row = rows.count
        rowOfEntry[span.entry] = row
        rows.append(Row(entry: span.entry, mentions: [], designators: []))
      }
      rows[row].mentions.append(position)
      if let designator = span.designator {
        rows[row].designatedMentions += 1
        if !rows[row].designators.contains(designator) { rows[row].designators.append(designator) }
      }
    }
    let rank = Dictionary(
      labelOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    self.rows = rows.sorted {
      let left = (rank[$0.entry.label] ?? rank.count, -$0.mentions.count, $0.mentions[0])
      let right = (rank[$1.entry.label] ?? rank.count, -$1.mentions.count, $1.mentions[0])
      return left < right
    }
  }

  /// The number of mentions per label.
  var mentionsPerLabel: [String: Int] {
    rows.reduce(into: [:]) { $0[$1.entry.label, default: 0] += $1.mentions.count }
  }
}
