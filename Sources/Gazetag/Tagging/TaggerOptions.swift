/// Choices that shape what a ``Tagger`` reports.
public struct TaggerOptions: Hashable, Sendable {
  /// Only entries with these labels are matched; `nil` matches all. Filtering happens before
  /// overlaps are resolved, so a longer entity of an excluded label never hides a shorter one.
  public var labels: Set<String>?
  /// What to do with overlapping candidates.
  public var overlaps: OverlapPolicy
  /// Overrides the gazetteer's matching profile.
  public var profile: MatchingProfile?
  /// Which of the gazetteer's context rules apply (Documentation/Rules.md). Rules read the
  /// matches of every label; ``labels`` then filters what they and the matches yield.
  public var rules: RuleSelection

  public init(
    labels: Set<String>? = nil, overlaps: OverlapPolicy = .none, profile: MatchingProfile? = nil,
    rules: RuleSelection = .enabled
  ) {
    self.labels = labels
    self.overlaps = overlaps
    self.profile = profile
    self.rules = rules
  }
}
