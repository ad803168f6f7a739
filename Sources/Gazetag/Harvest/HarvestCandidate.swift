/// One name of a gold corpus as ``GazetteerHarvester`` weighs it: every spelling gold marks
/// with one matching key, how often it is marked under each label, and how often the same
/// token sequence stands in the text unmarked.
public struct HarvestCandidate: Hashable, Sendable {
  /// The spellings gold marks, most frequent first (ties: first seen), in NFC.
  public var spellings: [String]
  /// The label the entry takes: the most frequent of ``labelCounts`` (after the label map).
  public var label: String
  /// How often the name is marked under each label.
  public var labelCounts: [String: Int]
  /// How often the same token sequence (by matching key) occurs overlapping no gold span.
  public var unannotatedCount: Int
  /// The gold line that marks it first.
  public var location: SourceLocation
  /// The gold files that mark it, in the order read.
  public var files: [String]
  /// Why it is left out of the gazetteer, or `nil` when it is kept.
  public var exclusion: HarvestExclusion?

  public init(
    spellings: [String], label: String, labelCounts: [String: Int], unannotatedCount: Int,
    location: SourceLocation, files: [String] = [], exclusion: HarvestExclusion? = nil
  ) {
    self.files = files
    self.spellings = spellings
    self.label = label
    self.labelCounts = labelCounts
    self.unannotatedCount = unannotatedCount
    self.location = location
    self.exclusion = exclusion
  }

  /// The canonical name: the most frequent spelling.
  public var name: String { spellings[0] }

  /// How often the name is marked, under any label.
  public var entityCount: Int { labelCounts.values.reduce(0, +) }

  /// The share of the name's occurrences that gold marks: 1 for a name never seen unmarked,
  /// 0.25 for one marked once and left as an ordinary word three times.
  public var ratio: Double {
    Double(entityCount) / Double(entityCount + unannotatedCount)
  }

  /// The share of the marks that carry ``label``.
  public var labelShare: Double {
    Double(labelCounts[label] ?? 0) / Double(max(entityCount, 1))
  }

  /// The label counts as `NEP 3, NEL 1`, most frequent first.
  public var labelSummary: String {
    labelCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
      .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
  }
}
