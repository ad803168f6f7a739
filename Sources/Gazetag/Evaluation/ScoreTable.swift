/// Scores per gold label with their micro and macro averages, as seqeval's classification
/// report gives them.
public struct ScoreTable: Hashable, Sendable {
  /// Unweighted means of the per-label precision, recall and F1.
  public struct Averages: Hashable, Sendable {
    public var precision: Double
    public var recall: Double
    public var f1: Double

    public init(precision: Double, recall: Double, f1: Double) {
      self.precision = precision
      self.recall = recall
      self.f1 = f1
    }

    /// The value of `metric`.
    public subscript(metric: Threshold.Metric) -> Double {
      switch metric {
      case .precision: precision
      case .recall: recall
      case .f1: f1
      }
    }
  }

  /// The score of each gold label that has gold or predicted spans.
  public var labels: [String: Score]

  public init(labels: [String: Score]) {
    self.labels = labels
  }

  /// The labels in sorted order, as seqeval lists them.
  public var sortedLabels: [String] { labels.keys.sorted() }

  /// The counts of all labels added up: micro averages.
  public var micro: Score { labels.values.reduce(Score(), +) }

  /// The unweighted means of the per-label scores: macro averages (0 without labels). The
  /// labels are added in sorted order, so that the last bit never depends on hashing.
  public var macro: Averages {
    let scores = sortedLabels.map { labels[$0]! }
    guard !scores.isEmpty else { return Averages(precision: 0, recall: 0, f1: 0) }
    func mean(_ value: (Score) -> Double) -> Double {
      scores.map(value).reduce(0, +) / Double(scores.count)
    }
    return Averages(precision: mean(\.precision), recall: mean(\.recall), f1: mean(\.f1))
  }

  /// The value a threshold tests: a label's score, or the micro average; `nil` for a label
  /// with no gold and no predicted span.
  public func value(for threshold: Threshold) -> Double? {
    guard let label = threshold.label else { return micro[threshold.metric] }
    return labels[label]?[threshold.metric]
  }
}
