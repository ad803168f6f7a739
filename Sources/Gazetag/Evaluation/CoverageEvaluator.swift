/// Compares what a tagger finds in a gold corpus with what the gold marks: precision, recall
/// and F1 per gold label, thresholds, and how well the gazetteer covers the corpus.
///
/// Scoring follows CoNLL and seqeval: a predicted span is right when its range and label
/// equal a gold span's, spans are counted as sets per document, and micro averages add up the
/// counts of all labels while macro averages take the unweighted mean of the per-label scores.
/// In a CoNLL sentence a predicted span is first widened to the whole tokens it touches, as if
/// it had been written back as tags.
///
/// ```swift
/// let corpus = try GoldCorpus(contentsOf: ["gold.conll"])
/// let evaluator = CoverageEvaluator(tagger: try Tagger(gazetteer: .bundled))
/// let report = evaluator.evaluate(corpus)
/// print(report.exact.micro.f1)
/// ```
public struct CoverageEvaluator: Sendable {
  /// The tagger whose spans are scored.
  public var tagger: Tagger
  /// Which of the tagger's labels count as which gold label.
  public var labelMap: LabelMap
  /// Whether to compute overlap scores too.
  public var partial: Bool
  /// The minimum scores to test.
  public var thresholds: [Threshold]
  /// Whether a problem in the gold files fails the run.
  public var strict: Bool
  /// How many unmatchable entries get their ``UnmatchableEntry/containingTokens`` searched.
  public var findingsLimit: Int

  public init(
    tagger: Tagger, labelMap: LabelMap = .identity, partial: Bool = false,
    thresholds: [Threshold] = [], strict: Bool = false, findingsLimit: Int = 20
  ) {
    self.tagger = tagger
    self.labelMap = labelMap
    self.partial = partial
    self.thresholds = thresholds
    self.strict = strict
    self.findingsLimit = findingsLimit
  }

  /// The gold label each of the tagger's labels counts as; labels without one are ignored.
  var goldLabels: [String: String] {
    let active = tagger.options.labels ?? Set(tagger.gazetteer.labels.map(\.name))
    var result: [String: String] = [:]
    for label in active {
      if let gold = labelMap.goldLabel(for: label) { result[label] = gold }
    }
    return result
  }

  /// Tags every document of `corpus` and compares the spans with the gold.
  ///
  /// - Complexity: O(*n*) in the length of the corpus's text, plus the tagger's cost.
  public func evaluate(_ corpus: GoldCorpus) -> CoverageReport {
    var tally = CoverageTally(goldLabels: goldLabels, partial: partial)
    for document in corpus.documents {
      tally.add(document, tagger: tagger)
    }
    let exact = ScoreTable(labels: tally.exact)
    var report = CoverageReport(
      files: corpus.files, schemes: corpus.schemes, documentCount: corpus.documents.count,
      exact: exact, partial: partial ? ScoreTable(labels: tally.partialScores) : nil,
      unscoredLabels: tally.unscored,
      thresholds: thresholds.map { Threshold.Result(threshold: $0, value: exact.value(for: $0)) },
      diagnostics: corpus.diagnostics, strict: strict,
      missed: Self.mostFrequentFirst(tally.missed, count: \.count),
      falsePositives: Self.mostFrequentFirst(tally.falsePositives, count: \.count))
    addGazetteerFindings(
      to: &report, matchedEntries: tally.matchedEntries, corpusKeys: tally.corpusKeys)
    return report
  }

  /// `items` by decreasing count; equal counts keep their order.
  static func mostFrequentFirst<Item>(_ items: [Item], count: (Item) -> Int) -> [Item] {
    items.enumerated().sorted { a, b in
      count(a.element) != count(b.element)
        ? count(a.element) > count(b.element) : a.offset < b.offset
    }.map(\.element)
  }
}
