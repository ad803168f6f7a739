/// A match of one entry's pattern, before overlaps are resolved.
struct Candidate: Hashable, Sendable {
  /// The matched keyed tokens, as indices into the document's keyed tokens (separators are
  /// not counted), end exclusive.
  var tokens: Range<Int>
  /// The entry's index in the gazetteer.
  var entry: Int32
  /// The index of the keyed token that filled the designator slot, or -1.
  var designatorToken: Int32
}
