/// What the other side has where a span did not match: for a missed gold span, what was
/// predicted there; for a false positive, what the gold says there.
public enum Counterpart: Hashable, Sendable {
  /// Nothing overlaps the span.
  case none
  /// A span with exactly the same range but another label (for a missed gold span: one of our
  /// labels, possibly one the label map ignores).
  case sameRange(label: String)
  /// A span that overlaps without the same range: a boundary disagreement.
  case overlapping(text: String, label: String)

  /// Finds the counterpart of `range` (code points) among `others`: an exact range first, then
  /// the first overlap.
  static func of<Others: Sequence>(
    _ range: Range<Int>, among others: Others
  ) -> Counterpart where Others.Element == (range: Range<Int>, label: String, text: String) {
    var overlap: Counterpart = .none
    for other in others {
      if other.range == range { return .sameRange(label: other.label) }
      if case .none = overlap, other.range.overlaps(range) {
        overlap = .overlapping(text: other.text, label: other.label)
      }
    }
    return overlap
  }

  /// Which kind of counterpart, for ranking kinds by frequency.
  var kind: Int {
    switch self {
    case .none: 0
    case .sameRange: 1
    case .overlapping: 2
    }
  }
}
