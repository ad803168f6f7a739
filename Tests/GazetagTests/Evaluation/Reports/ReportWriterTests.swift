import Foundation
import FoundationXML
import Testing

@testable import Gazetag

@Suite struct ReportWriterTests {
  typealias F = EvaluationFixtures

  /// The damaged news corpus scored with overlap scores and three thresholds, one unmet.
  static let report: CoverageReport = {
    let evaluator = CoverageEvaluator(
      tagger: F.tagger, labelMap: F.newsLabelMap, partial: true,
      thresholds: [
        Threshold(metric: .f1, minimum: 0.99),
        Threshold(metric: .recall, label: "PER", minimum: 0.6),
        Threshold(metric: .precision, minimum: 0.8),
      ], findingsLimit: 5)
    return evaluator.evaluate(try! F.conll("news-damaged.conll"))
  }()

  func written(_ writer: some ReportWriter) -> String {
    var output = ""
    writer.write(Self.report, to: &output)
    return output
  }

  @Test("the text report matches its golden file")
  func text() throws {
    try expectGolden(written(TextReportWriter(limit: 5)), named: "coverage.txt")
  }

  @Test("the JSON report matches its golden file and has the documented shape")
  func json() throws {
    let output = written(JSONReportWriter(limit: 5))
    try expectGolden(output, named: "coverage.json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    let labels = try #require(object["labels"] as? [String: [String: Any]])
    #expect(labels.keys.sorted() == ["LOC", "NORP", "ORG", "PER"])
    #expect(labels["LOC"]?["tp"] as? Int == 13)
    #expect(Set(labels["LOC"]!.keys) == ["precision", "recall", "f1", "tp", "fp", "fn"])
    let micro = try #require(object["micro"] as? [String: Any])
    #expect(micro["fn"] as? Int == 10)
    #expect((object["macro"] as? [String: Any])?.keys.sorted() == ["f1", "precision", "recall"])
    let thresholds = try #require(object["thresholds"] as? [[String: Any]])
    #expect(thresholds.map { $0["passed"] as? Bool } == [false, true, true])
    #expect(thresholds[1]["label"] as? String == "PER")
    #expect(object["passed"] as? Bool == false)
    #expect(object["malformed"] as? Int == 4)
    #expect((object["missed"] as? [Any])?.count == 5)
    #expect(object["missed_count"] as? Int == 10)
    #expect((object["partial"] as? [String: Any])?["micro"] != nil)
  }

  @Test("the JUnit report matches its golden file, parses as XML and carries the failure")
  func junit() throws {
    let output = written(JUnitReportWriter(limit: 5))
    try expectGolden(output, named: "coverage.junit.xml")
    let document = try XMLDocument(data: Data(output.utf8))
    let suite = try #require(
      try document.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement)
    #expect(suite.attribute(forName: "tests")?.stringValue == "7")
    #expect(suite.attribute(forName: "failures")?.stringValue == "1")
    let failures = try document.nodes(forXPath: "//testcase/failure")
    #expect(failures.count == 1)
    let failure = try #require(failures.first as? XMLElement)
    #expect(
      failure.attribute(forName: "message")?.stringValue == "f1 (micro) is 0.7541, below 0.9900")
    #expect(failure.stringValue?.contains("missed 1× PER news-damaged.conll:26: सर्गेई") == true)
    let cases = try document.nodes(forXPath: "//testcase/@name").compactMap(\.stringValue)
    #expect(
      cases == [
        "LOC", "NORP", "ORG", "PER", "f1 (micro) >= 0.9900", "recall PER >= 0.6000",
        "precision (micro) >= 0.8000",
      ])
  }

  @Test("the GitHub report matches its golden file: text plus capped annotations")
  func github() throws {
    let output = written(GitHubReportWriter(limit: 3))
    try expectGolden(output, named: "coverage.github.txt")
    let lines = output.split(separator: "\n")
    #expect(lines.filter { $0.hasPrefix("::error ") }.count == 1)
    #expect(lines.filter { $0.hasPrefix("::warning file=news-damaged.conll,line=") }.count == 6)
    #expect(lines.filter { $0.hasPrefix("::notice ") }.count == 3)
    #expect(GitHubReportWriter.escapedProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
  }

  @Test("XML escapes the special characters and drops what XML cannot hold")
  func xmlEscapes() {
    #expect(
      JUnitReportWriter.escaped("<a & \"b\" 'c'>\u{1}")
        == "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;\u{FFFD}")
  }
}
