/// A match of one entry's pattern, before overlaps are resolved.
struct Candidate: Hashable, Sendable {
  /// The matched keyed tokens, as indices into the document's keyed tokens (separators are
  /// not counted), end exclusive.
  var tokens: Range<Int>
  /// The entry's index in the gazetteer.
  var entry: Int32
  /// The index of the keyed token that filled the designator slot, or -1.
  var designatorToken: Int32
  /// The index of the context rule that made the candidate among the tagger's rules, or -1
  /// for a match of the gazetteer. A rule-made candidate's ``entry`` is the match it was
  /// made from (-1 for a title rule's guess).
  var rule: Int32 = -1
}
