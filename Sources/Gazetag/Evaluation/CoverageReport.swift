/// What `gazetag coverage` found: scores per gold label, the thresholds tested, and how well
/// the gazetteer covers the gold corpus.
public struct CoverageReport: Sendable {
  /// The gold files read, in order.
  public var files: [String]
  /// The tag scheme of each CoNLL file, by path.
  public var schemes: [String: TagScheme]
  /// The number of documents (JSON Lines records, CoNLL sentences, brat texts).
  public var documentCount: Int
  /// Exact scores: a predicted span counts when its range and label equal a gold span's.
  public var exact: ScoreTable
  /// Overlap scores (`--partial`): a predicted span counts when it overlaps a gold span of
  /// its label, each gold span matched once.
  public var partial: ScoreTable?
  /// Gold labels that no label of ours counts as, with their numbers of gold spans; they are
  /// not scored.
  public var unscoredLabels: [String: Int]
  /// The thresholds, tested against the exact scores.
  public var thresholds: [Threshold.Result]
  /// The lines of the gold files that were skipped or repaired.
  public var diagnostics: [GoldError]
  /// Whether a diagnostic fails the run (`--strict`).
  public var strict: Bool
  /// Gold names the tagger missed, most frequent first.
  public var missed: [MissedMention]
  /// False positives by gazetteer entry, most frequent first.
  public var falsePositives: [FalsePositiveGroup]
  /// The number of gazetteer entries whose labels are scored.
  public var scoredEntryCount: Int
  /// Scored entries that never matched in the corpus, in gazetteer order (overlapping matches
  /// that lost to a longer name count as matched).
  public var neverMatched: [GazetteerEntry]
  /// Entries of ``neverMatched`` that cannot match at all, in gazetteer order.
  public var unmatchable: [UnmatchableEntry]
  /// Names shared by entries of different labels, in gazetteer order.
  public var sharedAliases: [SharedAlias]

  public init(
    files: [String] = [], schemes: [String: TagScheme] = [:], documentCount: Int = 0,
    exact: ScoreTable = ScoreTable(labels: [:]), partial: ScoreTable? = nil,
    unscoredLabels: [String: Int] = [:], thresholds: [Threshold.Result] = [],
    diagnostics: [GoldError] = [], strict: Bool = false, missed: [MissedMention] = [],
    falsePositives: [FalsePositiveGroup] = [], scoredEntryCount: Int = 0,
    neverMatched: [GazetteerEntry] = [], unmatchable: [UnmatchableEntry] = [],
    sharedAliases: [SharedAlias] = []
  ) {
    self.files = files
    self.schemes = schemes
    self.documentCount = documentCount
    self.exact = exact
    self.partial = partial
    self.unscoredLabels = unscoredLabels
    self.thresholds = thresholds
    self.diagnostics = diagnostics
    self.strict = strict
    self.missed = missed
    self.falsePositives = falsePositives
    self.scoredEntryCount = scoredEntryCount
    self.neverMatched = neverMatched
    self.unmatchable = unmatchable
    self.sharedAliases = sharedAliases
  }

  /// Whether every threshold is met and, under `--strict`, the gold files had no problem.
  public var passed: Bool {
    thresholds.allSatisfy(\.passed) && !(strict && !diagnostics.isEmpty)
  }
}
