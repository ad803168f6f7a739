/// The false positives of one gazetteer entry: what to fix in the gazetteer.
public struct FalsePositiveGroup: Hashable, Sendable {
  /// The entry whose spans the gold does not have.
  public var entry: GazetteerEntry
  /// The gold label the entry's spans counted as.
  public var label: String
  /// Every false positive, in corpus order.
  public var mentions: [Mention]

  public init(entry: GazetteerEntry, label: String, mentions: [Mention]) {
    self.entry = entry
    self.label = label
    self.mentions = mentions
  }

  /// How many false positives the entry produced.
  public var count: Int { mentions.count }
  /// The most frequent text of those spans.
  public var text: String { mentions.mostFrequentText }
  /// What the gold has there, most often.
  public var counterpart: Counterpart { mentions.mostFrequentCounterpart }
}
