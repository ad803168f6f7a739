/// Wording and number formats the report writers share.
enum ReportFormatting {
  /// A score with four decimals: `0.8571`.
  static func decimal(_ value: Double) -> String {
    let scaled = Int((value * 10_000).rounded())
    let fraction = String(scaled % 10_000)
    return "\(scaled / 10_000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
  }

  /// What was predicted where a gold name was missed.
  static func predicted(_ counterpart: Counterpart) -> String {
    switch counterpart {
    case .none: "not found"
    case .sameRange(let label): "tagged \(label)"
    case .overlapping(let text, let label): "overlaps \(label) '\(text)'"
    }
  }

  /// What the gold has where a false positive was predicted.
  static func gold(_ counterpart: Counterpart) -> String {
    switch counterpart {
    case .none: "no gold span"
    case .sameRange(let label): "gold says \(label)"
    case .overlapping(let text, let label): "overlaps gold \(label) '\(text)'"
    }
  }

  /// The outcome of a threshold: `recall PER is 0.8000, below 0.9000`.
  static func outcome(_ result: Threshold.Result, in report: CoverageReport) -> String {
    let threshold = result.threshold
    guard let value = result.value else {
      let label = threshold.label ?? ""
      if let spans = report.unscoredLabels[label] {
        return
          "\(threshold.subject): \(label) is not scored (\(spans) gold spans), no label of the gazetteer counts as it; see --label-map"
      }
      return "\(threshold.subject): no gold or predicted span has the label \(label)"
    }
    let relation = result.passed ? "at least" : "below"
    return "\(threshold.subject) is \(decimal(value)), \(relation) \(decimal(threshold.minimum))"
  }

  /// The one-line summary of the run: `passed` or what failed.
  static func verdict(_ report: CoverageReport) -> String {
    var failures: [String] = []
    let failed = report.thresholds.filter { !$0.passed }.count
    if failed > 0 {
      failures.append("\(failed) of \(report.thresholds.count) thresholds not met")
    }
    if report.strict && !report.diagnostics.isEmpty {
      failures.append("\(report.diagnostics.count) malformed gold lines (--strict)")
    }
    return failures.isEmpty ? "passed" : "FAILED: " + failures.joined(separator: "; ")
  }
}

extension String {
  /// The number of terminal columns the string takes, roughly: combining marks, joiners and
  /// other format characters take none.
  var displayWidth: Int {
    unicodeScalars.reduce(0) { width, scalar in
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .enclosingMark, .format: width
      default: width + 1
      }
    }
  }

  /// The string padded with spaces to `width` columns, on the right or the left.
  func padded(to width: Int, left: Bool = false) -> String {
    let padding = String(repeating: " ", count: Swift.max(0, width - displayWidth))
    return left ? padding + self : self + padding
  }
}
