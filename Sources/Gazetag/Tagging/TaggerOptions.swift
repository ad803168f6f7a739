/// Choices that shape what a ``Tagger`` reports.
public struct TaggerOptions: Hashable, Sendable {
  /// Only entries with these labels are matched; `nil` matches all. Filtering happens before
  /// overlaps are resolved, so a longer entity of an excluded label never hides a shorter one.
  public var labels: Set<String>?
  /// What to do with overlapping candidates.
  public var overlaps: OverlapPolicy
  /// Overrides the gazetteer's matching profile.
  public var profile: MatchingProfile?

  public init(
    labels: Set<String>? = nil, overlaps: OverlapPolicy = .none, profile: MatchingProfile? = nil
  ) {
    self.labels = labels
    self.overlaps = overlaps
    self.profile = profile
  }
}
