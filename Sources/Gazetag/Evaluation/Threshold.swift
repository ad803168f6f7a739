/// A minimum score the coverage must reach: `--min-f1 0.9` (micro average) or
/// `--min-recall PERSON=0.9` (one gold label).
public struct Threshold: Hashable, Sendable, CustomStringConvertible {
  /// The score a threshold tests.
  public enum Metric: String, CaseIterable, Sendable {
    case precision, recall, f1
  }

  /// The result of testing one threshold against the scores.
  public struct Result: Hashable, Sendable {
    /// The threshold tested.
    public var threshold: Threshold
    /// The score found, or `nil` when its label has no gold and no predicted span.
    public var value: Double?

    public init(threshold: Threshold, value: Double?) {
      self.threshold = threshold
      self.value = value
    }

    /// Whether the score reaches the minimum. A label without spans fails, so that a
    /// misspelt label cannot pass unnoticed.
    public var passed: Bool {
      guard let value else { return false }
      return value >= threshold.minimum - 1e-12
    }
  }

  /// What is measured.
  public var metric: Metric
  /// The gold label, or `nil` for the micro average over all scored labels.
  public var label: String?
  /// The least acceptable value, from 0 to 1.
  public var minimum: Double

  public init(metric: Metric, label: String? = nil, minimum: Double) {
    precondition((0...1).contains(minimum), "a threshold lies between 0 and 1")
    self.metric = metric
    self.label = label
    self.minimum = minimum
  }

  /// Reads `0.9` or `LABEL=0.9`; `nil` unless the number lies between 0 and 1.
  public init?(metric: Metric, parsing text: String) {
    var label: String?
    var number = Substring(text)
    if let equals = text.lastIndex(of: "=") {
      label = String(text[..<equals])
      number = text[text.index(after: equals)...]
      if label!.isEmpty { return nil }
    }
    guard let minimum = Double(number), (0...1).contains(minimum) else { return nil }
    self.init(metric: metric, label: label, minimum: minimum)
  }

  /// `recall PERSON >= 0.9000`, or `f1 (micro) >= 0.8000`.
  public var description: String {
    "\(subject) >= \(ReportFormatting.decimal(minimum))"
  }

  /// What is tested: `recall PERSON`, or `f1 (micro)`.
  public var subject: String {
    "\(metric.rawValue) \(label ?? "(micro)")"
  }
}
