/// Why ``GazetteerHarvester`` leaves a gold name out of the gazetteer it writes.
public enum HarvestExclusion: Hashable, Sendable, CustomStringConvertible {
  /// Gold leaves the same words unmarked too often: a name that is mostly an ordinary word
  /// (दिनकर is a poet and the sun).
  case lowRatio(minimum: Double)
  /// Marked fewer times than the minimum.
  case rare(minimum: Int)
  /// A word of the stoplist, the ordinary words a gazetteer must not use.
  case stoplisted(word: String)
  /// The last token is a postposition or particle (`दिल्ली के`): a tagging slip, and a name
  /// that would swallow the word after it.
  case endsInPostposition(String)
  /// The first or last token is punctuation or a symbol.
  case endsInPunctuation(String)
  /// Gold marks the name under several labels and none has the agreed share.
  case contestedLabel(summary: String)
  /// No matchable token, or a character the TSV format reserves (tab, `|`, a `#` token).
  case unusable(reason: String)

  /// A short name for the reason, for the `reason` column.
  public var code: String {
    switch self {
    case .lowRatio: "ratio"
    case .rare: "count"
    case .stoplisted: "stoplist"
    case .endsInPostposition: "postposition"
    case .endsInPunctuation: "punctuation"
    case .contestedLabel: "contested-label"
    case .unusable: "unusable"
    }
  }

  public var description: String {
    switch self {
    case .lowRatio(let minimum):
      "marked less often than --min-ratio \(HarvestExclusion.format(minimum)) of its occurrences"
    case .rare(let minimum): "marked fewer than --min-count \(minimum) times"
    case .stoplisted(let word): "the ordinary word '\(word)' of the stoplist"
    case .endsInPostposition(let word): "ends in the postposition '\(word)'"
    case .endsInPunctuation(let token): "starts or ends with the punctuation '\(token)'"
    case .contestedLabel(let summary): "its label is contested (\(summary))"
    case .unusable(let reason): reason
    }
  }

  /// `ratio` with at most three decimals.
  static func format(_ ratio: Double) -> String {
    let rounded = (ratio * 1000).rounded() / 1000
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
