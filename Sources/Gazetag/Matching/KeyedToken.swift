/// A text token that can take part in a match (not a separator), with its interned key.
///
/// Plain data, so that the hundreds of thousands of them in a large text cost no reference
/// counting; a designator's key is computed again from the text for the few spans that use it.
struct KeyedToken: Sendable {
  /// Where the token starts in the text, in UTF-8 bytes.
  var start: Int32
  /// Where the token ends (exclusive) in the text, in UTF-8 bytes.
  var end: Int32
  /// The id of the token's key in the trie's vocabulary, or -1 when no pattern has the key.
  var keyID: Int32
  /// Whether the token can fill a designator slot (`11`, `२३ए`).
  var isDesignator: Bool

  init(utf8Range: Range<Int>, keyID: Int32, isDesignator: Bool = false) {
    start = Int32(truncatingIfNeeded: utf8Range.lowerBound)
    end = Int32(truncatingIfNeeded: utf8Range.upperBound)
    self.keyID = keyID
    self.isDesignator = isDesignator
  }

  /// The token's range in the text, in UTF-8 bytes.
  var utf8Range: Range<Int> { Int(start)..<Int(end) }
}
