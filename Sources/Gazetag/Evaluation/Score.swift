/// Counts of one comparison of predicted with gold spans, and the precision, recall and F1
/// they give.
///
/// As in seqeval (and scikit-learn's default), a ratio whose denominator is zero is 0.
public struct Score: Hashable, Sendable {
  /// Predicted spans that match a gold span.
  public var truePositives: Int
  /// Predicted spans that match none.
  public var falsePositives: Int
  /// Gold spans that no predicted span matches.
  public var falseNegatives: Int

  public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
    self.truePositives = truePositives
    self.falsePositives = falsePositives
    self.falseNegatives = falseNegatives
  }

  /// The number of gold spans.
  public var gold: Int { truePositives + falseNegatives }
  /// The number of predicted spans.
  public var predicted: Int { truePositives + falsePositives }

  /// The share of predicted spans that are right.
  public var precision: Double {
    predicted == 0 ? 0 : Double(truePositives) / Double(predicted)
  }

  /// The share of gold spans that were found.
  public var recall: Double {
    gold == 0 ? 0 : Double(truePositives) / Double(gold)
  }

  /// The harmonic mean of precision and recall, computed as 2·tp / (2·tp + fp + fn).
  public var f1: Double {
    truePositives == 0
      ? 0 : Double(2 * truePositives) / Double(2 * truePositives + falsePositives + falseNegatives)
  }

  /// The value of `metric`.
  public subscript(metric: Threshold.Metric) -> Double {
    switch metric {
    case .precision: precision
    case .recall: recall
    case .f1: f1
    }
  }

  /// Adds the counts of `other`.
  public static func + (lhs: Score, rhs: Score) -> Score {
    Score(
      truePositives: lhs.truePositives + rhs.truePositives,
      falsePositives: lhs.falsePositives + rhs.falsePositives,
      falseNegatives: lhs.falseNegatives + rhs.falseNegatives)
  }
}
