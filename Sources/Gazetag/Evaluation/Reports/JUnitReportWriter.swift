/// Writes a coverage report as JUnit XML, which CI systems show as test results: one
/// test case per gold label (passing, its scores in `system-out`), one per threshold (failing
/// with the numbers and the top misses or false positives when not met) and, under
/// `--strict`, one that fails when the gold files had malformed lines.
public struct JUnitReportWriter: ReportWriter {
  /// The most misses or false positives a failure message lists.
  public var limit: Int

  public init(limit: Int = 20) {
    self.limit = limit
  }

  private struct TestCase {
    var className: String
    var name: String
    var output: String
    var failure: (message: String, detail: String)?
  }

  public func write(_ report: CoverageReport, to output: inout String) {
    var cases: [TestCase] = []
    for label in report.exact.sortedLabels {
      cases.append(
        TestCase(
          className: "gazetag.coverage.labels", name: label,
          output: summary(report.exact.labels[label]!)))
    }
    for result in report.thresholds {
      var failure: (String, String)?
      if !result.passed {
        let message = ReportFormatting.outcome(result, in: report)
        failure = (message, message + "\n" + evidence(for: result.threshold, in: report))
      }
      cases.append(
        TestCase(
          className: "gazetag.coverage.thresholds", name: result.threshold.description,
          output: result.value.map { ReportFormatting.decimal($0) } ?? "", failure: failure))
    }
    if report.strict {
      let problems = report.diagnostics.map(\.description)
      cases.append(
        TestCase(
          className: "gazetag.coverage.gold", name: "gold files are well-formed", output: "",
          failure: problems.isEmpty
            ? nil
            : ("\(problems.count) malformed gold lines", problems.joined(separator: "\n"))))
    }
    let failures = cases.filter { $0.failure != nil }.count
    let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\""
    output += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    output += "<testsuites name=\"gazetag coverage\" \(counts)>\n"
    output += "  <testsuite name=\"gazetag coverage\" \(counts) skipped=\"0\">\n"
    for testCase in cases {
      output += "    <testcase classname=\"\(Self.escaped(testCase.className))\" "
      output += "name=\"\(Self.escaped(testCase.name))\">\n"
      if let failure = testCase.failure {
        output += "      <failure type=\"threshold\" message=\"\(Self.escaped(failure.message))\">"
        output += Self.escaped(failure.detail) + "</failure>\n"
      }
      if !testCase.output.isEmpty {
        output += "      <system-out>\(Self.escaped(testCase.output))</system-out>\n"
      }
      output += "    </testcase>\n"
    }
    output += "  </testsuite>\n</testsuites>\n"
  }

  private func summary(_ score: Score) -> String {
    "precision \(ReportFormatting.decimal(score.precision)), recall \(ReportFormatting.decimal(score.recall)), "
      + "f1 \(ReportFormatting.decimal(score.f1)), tp \(score.truePositives), "
      + "fp \(score.falsePositives), fn \(score.falseNegatives)"
  }

  /// The counts behind a failed threshold, with the misses (recall, F1) and false positives
  /// (precision, F1) of its label.
  private func evidence(for threshold: Threshold, in report: CoverageReport) -> String {
    let score = threshold.label.map { report.exact.labels[$0] ?? Score() } ?? report.exact.micro
    var lines = [summary(score)]
    if threshold.metric != .precision {
      let missed = report.missed.filter { threshold.label == nil || $0.label == threshold.label }
      lines += missed.prefix(limit).map {
        "missed \($0.count)× \($0.label) \($0.mentions[0].location): \($0.text) (\(ReportFormatting.predicted($0.counterpart)))"
      }
    }
    if threshold.metric != .recall {
      let wrong = report.falsePositives.filter {
        threshold.label == nil || $0.label == threshold.label
      }
      lines += wrong.prefix(limit).map {
        "false positive \($0.count)× \($0.entry.label) \($0.entry.location): \($0.text) (\(ReportFormatting.gold($0.counterpart)))"
      }
    }
    return lines.joined(separator: "\n")
  }

  /// `text` with the five XML special characters escaped and characters XML 1.0 forbids
  /// replaced by U+FFFD.
  static func escaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
        result += "\u{FFFD}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
