import Foundation
import Testing

@testable import Gazetag

/// What a gazetteer author gets wrong in a manifest or a data file, each reported once, at its
/// line, with the fix.
@Suite struct GazetteerManifestTests {
  let location = SourceLocation(file: "manifest.json", line: 0)

  func parseError(_ text: String) -> String {
    do {
      _ = try GazetteerManifest.parse(text, location: location)
    } catch {
      return error.description
    }
    Issue.record("the manifest parsed")
    return ""
  }

  static let manifest = """
    {"format": 1, "labels": [{"name": "PLACE"}], "files": [{"path": "places.tsv", "label": "PLACE"}]}
    """

  @Test("a TSV file that starts with a byte order mark loads")
  func byteOrderMark() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("gazetag-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    try Self.manifest.write(
      to: url.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
    try "\u{FEFF}id\tname\nplace:a\tमॉस्को\n".write(
      to: url.appendingPathComponent("places.tsv"), atomically: true, encoding: .utf8)
    let gazetteer = try Gazetteer(contentsOf: url)
    #expect(gazetteer.entries.map(\.id) == ["place:a"])
  }

  @Test("a header that names a column twice is refused at its line")
  func repeatedColumn() throws {
    let message = try gazetteerLoadError([
      "manifest.json": Self.manifest, "places.tsv": "# places\nid\tname\tname\nx\tक\tख\n",
    ])
    #expect(
      message
        == "places.tsv:2: the header names the column 'name' twice; remove or rename one of them")
  }

  @Test("a label declared twice is refused at the second declaration")
  func labelDeclaredTwice() {
    let message = parseError(
      """
      {
        "format": 1,
        "labels": [
          {"name": "PERSON"},
          {"name": "PERSON", "priority": 2}
        ],
        "files": []
      }
      """)
    #expect(
      message
        == "manifest.json:5: label 'PERSON' is declared twice (first at manifest.json:4); declare each label once"
    )
  }

  @Test("an unknown label lists each declared label once")
  func unknownLabelListsEachOnce() {
    let error = GazetteerError.unknownLabel(
      SourceLocation(file: "a.tsv", line: 2), label: "WEAPON", declared: ["PERSON", "PERSON"])
    #expect(error.description.contains("declared labels are PERSON (declare"))
  }

  @Test(
    "JSON syntax errors name the line where the parser stopped",
    arguments: [
      ("{\n  \"format\": 1\n  \"labels\": [],\n  \"files\": []\n}", 3),
      ("{\n  \"format\": 1,\n  \"name\": \"मॉस्को\"\n  \"labels\": []\n}", 4),
      ("{\n  \"format\": 1,\n  \"labels\": [\n", 4),
    ])
  func syntaxError(text: String, line: Int) {
    let message = parseError(text)
    #expect(message.hasPrefix("manifest.json:\(line): invalid manifest: not valid JSON"))
  }

  @Test(
    "valid JSON of the wrong type is called that, at its line",
    arguments: [
      (
        "{\"format\": 1,\n\"labels\": [\n{\"name\": \"PLACE\", \"priority\": 1.5}],\n\"files\": []}",
        "manifest.json:3: invalid manifest: 'labels[0].priority' must be a whole number, not 1.5"
      ),
      (
        "{\"format\": 1,\n\"labels\": [{\"name\": \"PLACE\"}],\n\"files\": [\n\"places.tsv\"]}",
        "manifest.json:4: invalid manifest: 'files[0]' must be an object {…}, not a string"
      ),
      (
        "{\"format\": \"1\",\n\"labels\": [], \"files\": []}",
        "manifest.json:1: invalid manifest: 'format' must be a whole number, not a string"
      ),
      (
        "{\"format\": 1,\n\"labels\": [{\"name\": \"PLACE\"}],\n\"files\": [\n{\"label\": \"PLACE\"}]}",
        "manifest.json:4: invalid manifest: missing key 'files[0].path'; add it"
      ),
      (
        "[1]",
        "manifest.json:1: invalid manifest: not a JSON object; a manifest is {\"format\": 1, \"labels\": […], \"files\": […]}"
      ),
    ])
  func wrongType(text: String, message: String) {
    #expect(parseError(text) == message)
  }

  @Test(
    "an unknown key is refused at its line, naming the keys there are",
    arguments: [
      (
        "{\"format\": 1, \"labels\": [],\n\"files\": [],\n\"stoplst\": \"words.txt\"}",
        "manifest.json:3: invalid manifest: unknown key 'stoplst'; a manifest has the keys format, name, description, profile, labels, files, stoplist"
      ),
      (
        "{\"format\": 1,\n\"labels\": [\n{\"name\": \"PLACE\", \"colour\": \"red\"}], \"files\": []}",
        "manifest.json:3: invalid manifest: unknown key 'labels[0].colour'; a label has the keys name, priority, color, description"
      ),
      (
        "{\"format\": 1, \"labels\": [],\n\"files\": [\n{\"path\": \"a.tsv\",\n \"lable\": \"X\"}]}",
        "manifest.json:4: invalid manifest: unknown key 'files[0].lable'; a file has the keys path, label"
      ),
    ])
  func unknownKey(text: String, message: String) {
    #expect(parseError(text).hasPrefix(message))
  }

  @Test("a manifest with a byte order mark parses")
  func manifestByteOrderMark() throws {
    let manifest = try GazetteerManifest.parse("\u{FEFF}" + Self.manifest, location: location)
    #expect(manifest.labels.map(\.name) == ["PLACE"])
  }

  @Test("a text file is neither a gazetteer directory nor a patterns file: one error")
  func plainTextFile() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("gazetag-test-\(UUID().uuidString).txt")
    try "\nकिम जोंग उन ने कहा\n{\"label\": \"X\"}\nरूस\n".write(
      to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let report = GazetteerLinter().lint(contentsOf: url)
    #expect(report.findings.count == 1)
    let finding = try #require(report.findings.first)
    #expect(
      finding.description
        == "\(url.path): neither a gazetteer directory nor a spaCy patterns file: line 2 is not a JSON object; give a gazetteer directory (with manifest.json) or a .jsonl file with one {\"label\": …, \"pattern\": \"…\"} per line"
    )
    #expect(throws: GazetteerError.notAGazetteer(SourceLocation(file: url.path, line: 2))) {
      try Gazetteer(contentsOf: url)
    }
  }
}
