/// Writes a coverage report for a GitHub Actions log: the text report, then workflow commands
/// that GitHub shows as annotations: an error for each unmet threshold (and, under
/// `--strict`, for the malformed gold lines), a warning at the first place of each missed
/// name, a notice at the first place of each entry's false positives, and a warning for each
/// malformed gold line. Each kind is cut to ``limit`` annotations (GitHub itself shows at most
/// 10 of each kind per step).
public struct GitHubReportWriter: ReportWriter {
  /// The most annotations of each kind.
  public var limit: Int

  public init(limit: Int = 10) {
    self.limit = limit
  }

  public func write(_ report: CoverageReport, to output: inout String) {
    TextReportWriter(limit: limit).write(report, to: &output)
    for result in report.thresholds where !result.passed {
      output += command(
        "error", title: "gazetag coverage", message: ReportFormatting.outcome(result, in: report))
    }
    if report.strict && !report.diagnostics.isEmpty {
      output += command(
        "error", title: "gazetag coverage",
        message: "\(report.diagnostics.count) malformed gold lines (--strict)")
    }
    for missed in report.missed.prefix(limit) {
      let times = missed.count == 1 ? "" : " (\(missed.count) times)"
      output += command(
        "warning", at: missed.mentions[0].location, title: "missed \(missed.label)",
        message: "\(missed.text)\(times): \(ReportFormatting.predicted(missed.counterpart))")
    }
    for group in report.falsePositives.prefix(limit) {
      let times = group.count == 1 ? "" : " (\(group.count) times)"
      let entry =
        group.entry.id.isEmpty
        ? "\(group.entry.location)" : "\(group.entry.id), \(group.entry.location)"
      output += command(
        "notice", at: group.mentions[0].location, title: "false positive \(group.entry.label)",
        message:
          "\(group.text)\(times) from entry \(entry): \(ReportFormatting.gold(group.counterpart))")
    }
    for diagnostic in report.diagnostics.prefix(limit) {
      output += command(
        "warning", at: diagnostic.location, title: "malformed gold line",
        message: diagnostic.description)
    }
  }

  private func command(
    _ kind: String, at location: SourceLocation? = nil, title: String, message: String
  ) -> String {
    var properties: [String] = []
    if let location {
      properties.append("file=" + Self.escapedProperty(location.file))
      if location.line > 0 { properties.append("line=\(location.line)") }
    }
    properties.append("title=" + Self.escapedProperty(title))
    return "::\(kind) \(properties.joined(separator: ","))::\(Self.escapedData(message))\n"
  }

  /// A command's message with `%`, CR and LF escaped, as the runner expects.
  static func escapedData(_ text: String) -> String {
    text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll(
      "\n", with: "%0A")
  }

  /// A command's property value: its message escapes plus `:` and `,`.
  static func escapedProperty(_ text: String) -> String {
    escapedData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
  }
}

extension String {
  /// The string with every `target` scalar replaced by `replacement`.
  fileprivate func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
    var result = ""
    for scalar in unicodeScalars {
      if scalar == target { result += replacement } else { result.unicodeScalars.append(scalar) }
    }
    return result
  }
}
