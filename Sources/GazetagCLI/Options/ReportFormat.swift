import ArgumentParser
import Gazetag

/// The formats `gazetag coverage` writes its report in.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
  /// An aligned table and lists, for people.
  case text
  /// One JSON object, for scripts.
  case json
  /// JUnit XML, for CI test reports.
  case junit
  /// The text report plus GitHub Actions workflow commands (annotations).
  case github

  func writer(limit: Int) -> any ReportWriter {
    switch self {
    case .text: TextReportWriter(limit: limit)
    case .json: JSONReportWriter(limit: limit)
    case .junit: JUnitReportWriter(limit: limit)
    case .github: GitHubReportWriter(limit: limit)
    }
  }
}

extension GoldFormat: ExpressibleByArgument {}
extension TagScheme: ExpressibleByArgument {}
