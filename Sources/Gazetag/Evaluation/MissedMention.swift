/// A name the gold corpus marks and the tagger did not find, with all its occurrences: what
/// to add to the gazetteer. Spellings with the same matching key are one name.
public struct MissedMention: Hashable, Sendable {
  /// The gold label.
  public var label: String
  /// The matching key of the name (token keys joined by spaces).
  public var key: String
  /// Every missed occurrence, in corpus order.
  public var mentions: [Mention]

  public init(label: String, key: String, mentions: [Mention]) {
    self.label = label
    self.key = key
    self.mentions = mentions
  }

  /// How often the name was missed.
  public var count: Int { mentions.count }
  /// The name's most frequent spelling.
  public var text: String { mentions.mostFrequentText }
  /// What was predicted where it was missed, most often.
  public var counterpart: Counterpart { mentions.mostFrequentCounterpart }
}
