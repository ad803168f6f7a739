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
  /// New names of labels in the spans reported (`PLACE` → `GPE`), applied after overlaps are
  /// resolved: resolution's label priorities and ``labels`` see the gazetteer's labels. A
  /// label without a new name keeps its own.
  public var renamedLabels: [String: String]

  public init(
    labels: Set<String>? = nil, overlaps: OverlapPolicy = .none, profile: MatchingProfile? = nil,
    rules: RuleSelection = .enabled, renamedLabels: [String: String] = [:]
  ) {
    self.labels = labels
    self.overlaps = overlaps
    self.profile = profile
    self.rules = rules
    self.renamedLabels = renamedLabels
  }

  /// `entries` with their labels renamed by ``renamedLabels``.
  func renaming(_ entries: [GazetteerEntry]) -> [GazetteerEntry] {
    guard !renamedLabels.isEmpty else { return entries }
    return entries.map { entry in
      var entry = entry
      if let name = renamedLabels[entry.label] { entry.label = name }
      return entry
    }
  }
}
