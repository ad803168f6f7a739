import Foundation
import Testing

@Suite struct GazetteerExportTests {
  typealias G = GazetagProcess

  /// The regression corpus's texts as `{"text": …}` records, for `tag --input jsonl`.
  static func regressionRecords() throws -> String {
    let corpus = try String(
      contentsOf: G.repositoryRoot.appendingPathComponent("corpus/regression.jsonl"),
      encoding: .utf8)
    return try G.jsonLines(corpus).map { record in
      let text = try #require(record["text"] as? String)
      let data = try JSONSerialization.jsonObject(
        with: JSONSerialization.data(
          withJSONObject: ["text": text]))
      return String(
        decoding: try JSONSerialization.data(withJSONObject: data), as: UTF8.self)
    }.joined(separator: "\n") + "\n"
  }

  /// `gazetag tag --input jsonl` of the regression texts with `arguments` before them.
  static func tagRegression(_ arguments: [String], in directory: URL) throws -> G.Result {
    let records = directory.appendingPathComponent("regression-texts.jsonl")
    if !FileManager.default.fileExists(atPath: records.path) {
      try regressionRecords().write(to: records, atomically: true, encoding: .utf8)
    }
    return try G.run(["tag", "--input", "jsonl"] + arguments + [records.path])
  }

  @Test("export --format spacy → tag --gazetteer gives the bundled gazetteer's spans")
  func spacyRoundTrip() throws {
    let scratch = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let exported = scratch.appendingPathComponent("exported.jsonl")
    let export = try G.run(["gazetteer", "export", "--format", "spacy", "-o", exported.path])
    #expect(export.status == 0)
    #expect(export.stderr.isEmpty)
    let patterns = try String(contentsOf: exported, encoding: .utf8)
    #expect(patterns.contains(#"{"label": "COUNTRY", "pattern": "रूस", "id": "RU"}"#))
    // Families are token patterns with a designator slot, in split and glued forms.
    #expect(
      patterns.contains(
        #"{"label": "WEAPON", "pattern": [{"LOWER": "ह्वासोंग"}, {"ORTH": "-", "OP": "?"}, {"TEXT": {"REGEX": "^[0-9\\u0966-\\u096F]+[A-Za-z\\u0900-\\u0963\\u0971-\\u097F]{0,4}$"}}], "id": "weapon:hwasong"}"#
      ))
    #expect(patterns.contains(#"[{"LOWER": {"REGEX": "^hwasong[\\-\\u2010-\\u2015\\u2212]"#))
    #expect(!patterns.contains(#"-#""#))

    // A patterns file carries no context rules: compare with the bundled gazetteer's matches.
    let bundled = try Self.tagRegression(["--rules", "none"], in: scratch)
    let roundTrip = try Self.tagRegression(["--gazetteer", exported.path], in: scratch)
    #expect(bundled.status == 0)
    #expect(roundTrip.status == 0)
    #expect(roundTrip.stderr.isEmpty)
    #expect(bundled.stdout.contains(#""designator":"17""#))
    // The same spans, except joined compounds (`उत्तरप्रदेश` for `उत्तर प्रदेश`), which a
    // patterns file does not make (GazetteerFormat.md, "Exporting").
    let bundledLines = try G.jsonLines(bundled.stdout)
    let roundTripLines = try G.jsonLines(roundTrip.stdout)
    #expect(bundledLines.count == roundTripLines.count)
    var joined = 0
    for (expected, found) in zip(bundledLines, roundTripLines) {
      let expectedSpans = try #require(expected["spans"] as? [[String: Any]])
      let foundSpans = try #require(found["spans"] as? [[String: Any]])
      let foundKeys = Set(foundSpans.map(Self.spanKey))
      let expectedKeys = Set(expectedSpans.map(Self.spanKey))
      #expect(foundKeys.isSubset(of: expectedKeys), "\(foundKeys.subtracting(expectedKeys))")
      for span in expectedSpans where !foundKeys.contains(Self.spanKey(span)) {
        let text = try #require(span["text"] as? String)
        let name = try #require(span["name"] as? String)
        #expect(
          !text.contains(" ") && !text.contains("-") && name.contains(" "),
          "\(text) (\(name)) is missing after the round trip and is no joined compound")
        joined += 1
      }
    }
    #expect(joined <= 5)
  }

  /// A span's start, end, label, text, id and designator, as one string.
  static func spanKey(_ span: [String: Any]) -> String {
    ["start", "end", "label", "text", "id", "name", "designator"].map {
      "\(span[$0] ?? "-")"
    }.joined(separator: "|")
  }

  @Test("export --format tsv with a manifest → tag --gazetteer gives the same spans")
  func tsvRoundTrip() throws {
    let scratch = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let directory = scratch.appendingPathComponent("gazetteer")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let export = try G.run(
      [
        "gazetteer", "export", "--format", "tsv", "-o",
        directory.appendingPathComponent("all.tsv").path,
      ])
    #expect(export.status == 0)
    let table = try String(
      contentsOf: directory.appendingPathComponent("all.tsv"), encoding: .utf8)
    #expect(table.hasPrefix("id\tlabel\tname\taliases\tenglish\twikidata\tsource\t"))
    #expect(table.contains("\nweapon:hwasong\tWEAPON\tह्वासोंग\tह्वासोंग-#|"))
    // The bundled manifest's labels (priorities decide ties), with the one exported file.
    let manifestURL = G.repositoryRoot.appendingPathComponent("gazetteer/manifest.json")
    var manifest = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any])
    manifest["files"] = [["path": "all.tsv"]]
    try JSONSerialization.data(withJSONObject: manifest).write(
      to: directory.appendingPathComponent("manifest.json"))
    // The manifest names the context rules, which are not a data file: copy them beside it.
    try FileManager.default.copyItem(
      at: G.repositoryRoot.appendingPathComponent("gazetteer/rules.tsv"),
      to: directory.appendingPathComponent("rules.tsv"))

    let bundled = try Self.tagRegression([], in: scratch)
    let roundTrip = try Self.tagRegression(["--gazetteer", directory.path], in: scratch)
    #expect(roundTrip.status == 0)
    #expect(roundTrip.stderr.isEmpty)
    #expect(roundTrip.stdout == bundled.stdout)
  }

  @Test("export of a fixture gazetteer: every family dash form round-trips through patterns")
  func familyForms() throws {
    let scratch = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let source = scratch.appendingPathComponent("families")
    try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
    try """
    {"format": 1, "labels": [{"name": "WEAPON"}], "files": [{"path": "w.tsv", "label": "WEAPON"}]}
    """.write(to: source.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
    try """
    id\tname\taliases
    weapon:su\tसुखोई\tसुखोई एसयू–#|Su-#|Sukhoi Su #
    weapon:mig\tमिग\tमिग-#|MiG.x-#

    """.write(to: source.appendingPathComponent("w.tsv"), atomically: true, encoding: .utf8)
    let exported = scratch.appendingPathComponent("p.jsonl")
    #expect(try G.run(["gazetteer", "export", source.path, "-o", exported.path]).status == 0)
    let text = "सुखोई एसयू–30MKI, Su-27, sukhoi su 35 और मिग-२९ तथा MiG.x-21 उड़े।"
    let direct = try G.run(["tag", "--gazetteer", source.path], input: text)
    let viaPatterns = try G.run(["tag", "--gazetteer", exported.path], input: text)
    #expect(direct.stdout.components(separatedBy: "\"id\"").count == 6)
    #expect(viaPatterns.stdout == direct.stdout)
    #expect(viaPatterns.stderr.isEmpty)
  }

  @Test("export: a bad gazetteer is fatal (2) and writes no output file")
  func badGazetteer() throws {
    let scratch = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let output = scratch.appendingPathComponent("out.jsonl")
    let result = try G.run(["gazetteer", "export", "no-such-dir", "-o", output.path])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("gazetag: no-such-dir: "))
    #expect(!FileManager.default.fileExists(atPath: output.path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
  }
}
