/// A text token that can take part in a match (not a separator), with its interned key.
struct KeyedToken: Sendable {
  /// The token's range in the original text, in UTF-8 bytes.
  var utf8Range: Range<Int>
  /// The id of the token's key in the trie's vocabulary, or -1 when no pattern has the key.
  var keyID: Int32
  /// The token's key when the token can fill a designator slot (`11`, `२३ए` → `23ए`).
  var designator: String?
}
