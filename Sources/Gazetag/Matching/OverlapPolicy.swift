/// What to do with candidate spans that overlap.
public enum OverlapPolicy: String, CaseIterable, Sendable {
  /// Keep a non-overlapping set: longest first (in tokens), then earliest start, then higher
  /// label priority, then gazetteer order.
  case none
  /// Keep every candidate.
  case all
}
