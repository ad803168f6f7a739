/// A gazetteer entry that cannot match anywhere in the corpus: every one of its names has a
/// token whose matching key is never the key of a whole token of the corpus.
public struct UnmatchableEntry: Hashable, Sendable {
  /// The entry.
  public var entry: GazetteerEntry
  /// For each of the entry's names, the first token key that never occurs, without repeats.
  public var absentTokens: [String]
  /// Up to three tokens of the corpus that begin with an absent token less its final vowel
  /// sign, most frequent first (`रूसी` for an absent `रूस`, `अमेरिकी` for `अमेरिका`): the name
  /// occurs, but only inflected or inside longer words. Filled for the first entries only (see ``CoverageEvaluator/findingsLimit``).
  public var containingTokens: [String]

  public init(entry: GazetteerEntry, absentTokens: [String], containingTokens: [String]) {
    self.entry = entry
    self.absentTokens = absentTokens
    self.containingTokens = containingTokens
  }
}
