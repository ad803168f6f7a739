/// Serializes a coverage report in one format: text, JSON, JUnit XML or GitHub workflow
/// commands.
public protocol ReportWriter: Sendable {
  /// Appends the serialization of `report` to `output`.
  func write(_ report: CoverageReport, to output: inout String)
}
