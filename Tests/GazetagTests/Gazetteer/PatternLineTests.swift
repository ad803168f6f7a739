import Foundation
import Testing

@testable import Gazetag

/// The hand-written pattern-line parser must read what JSONSerialization reads, and leave
/// everything else to it.
@Suite struct PatternLineTests {
  func fields(_ line: String) -> [String?]? {
    var line = line
    return line.withUTF8 { bytes in
      PatternLine.parse(bytes).map { parsed in
        [parsed.label, parsed.pattern, parsed.id].map { $0.map(parsed.string) }
      }
    }
  }

  func serialized(_ line: String) -> [String?]? {
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    else { return nil }
    return ["label", "pattern", "id"].map { object[$0] as? String }
  }

  @Test(
    "lines of strings parse as JSONSerialization parses them",
    arguments: [
      #"{"label": "PLACE", "pattern": "डोनबास", "id": "place:donbas"}"#,
      #"{"pattern":"रूस","label":"COUNTRY"}"#,
      #"  { "label" : "X" , "pattern" : "a b" , "extra" : "ignored" }  "#,
      #"{"label": "X", "pattern": "\u0915\u093f\u092e", "id": "\ud83d\ude00"}"#,
      #"{"label": "X", "pattern": "say \"hi\" \\ \/ \b\f\n\r\t"}"#,
      #"{"label": "X", "pattern": "first", "pattern": "last wins"}"#,
      #"{"label": "X", "\u0070attern": "escaped key"}"#,
      "{\"label\": \"X\", \"pattern\": \"crlf\"}\r",
      #"{}"#,
      #"{"label": ""}"#,
    ])
  func likeJSONSerialization(line: String) {
    let parsed = fields(line)
    #expect(parsed != nil)
    #expect(parsed == serialized(line))
  }

  @Test(
    "anything else is left to JSONSerialization",
    arguments: [
      #"{"label": "X", "pattern": "a", "id": 42}"#, #"{"label": "X", "pattern": ["a"]}"#,
      #"{"label": "X", "pattern": null}"#, #"["label"]"#, #"{"label": "X""#,
      #"{"label": "X",}"#, #"{"label": "X"} trailing"#, "\u{FEFF}{\"label\": \"X\"}",
      #"{"label": "\ud800"}"#, #"{"label": "\x"}"#, "{\"label\": \"tab\there\"}", "",
    ])
  func leftToJSONSerialization(line: String) {
    #expect(fields(line) == nil)
  }

  @Test("a pattern file with CRLF lines, blank lines and an unusual line loads")
  func reader() throws {
    let text =
      "{\"label\": \"PLACE\", \"pattern\": \"मॉस्को\", \"id\": \"moscow\"}\r\n\r\n"
      + "{\"label\": \"PLACE\", \"pattern\": \"Moscow\", \"id\": \"moscow\"}\r\n"
      + "{\"label\": \"COUNTRY\", \"pattern\": \"रूस\", \"id\": 7}\n"
      + "{\"label\": \"COUNTRY\", \"pattern\": \"रूस\"}\n \u{00A0}\n"
    let gazetteer = try SpacyPatternReader(file: "p.jsonl").gazetteer(from: text)
    #expect(gazetteer.entries.map(\.name) == ["मॉस्को", "रूस", "रूस"])
    #expect(gazetteer.entries.map(\.id) == ["moscow", "7", ""])
    #expect(gazetteer.entries[0].aliases == ["Moscow"])
    #expect(gazetteer.entries.map(\.location.line) == [1, 4, 5])
    #expect(gazetteer.labels.map(\.name) == ["PLACE", "COUNTRY"])
  }

  @Test("patterns without an id merge only when label and pattern are canonically equal")
  func merging() throws {
    let text = """
      {"label": "PLACE", "pattern": "\u{095B}"}
      {"label": "PLACE", "pattern": "\u{091C}\u{093C}"}
      {"label": "OTHER", "pattern": "\u{095B}"}
      """
    let gazetteer = try SpacyPatternReader(file: "p.jsonl").gazetteer(from: text)
    #expect(gazetteer.entries.count == 2)
    #expect(gazetteer.entries[0].aliases.count == 1)
  }

  @Test(
    "problems are reported with file:line",
    arguments: [
      (#"{"pattern": "x"}"#, #"p.jsonl:2: not a JSON object: "label" must be a non-empty string"#),
      (
        #"{"label": "X", "pattern": ""}"#,
        #"p.jsonl:2: not a JSON object: "pattern" must be a non-empty string"#
      ),
      (#"{"label": "X""#, "p.jsonl:2: not a JSON object: malformed JSON"),
      (#"["x"]"#, "p.jsonl:2: not a JSON object: not an object"),
    ])
  func errors(line: String, message: String) {
    let text = "{\"label\": \"X\", \"pattern\": \"ok\"}\n" + line
    do {
      _ = try SpacyPatternReader(file: "p.jsonl").gazetteer(from: text)
      Issue.record("no error for \(line)")
    } catch {
      #expect(error.description.hasPrefix(message))
    }
  }

  @Test("twenty thousand lines merge as a dictionary of label and id (or pattern) merges them")
  func mergingAtScale() throws {
    var generator = GeneratedText.Generator(state: 23)
    var lines: [String] = []
    for _ in 0..<20_000 {
      let label = ["PLACE", "PERSON"].randomElement(using: &generator)!
      // Few ids and few patterns, so that many lines share a key; spellings that are equal
      // only canonically (ज़ precomposed or not) must merge too.
      let pattern =
        ["रूस", "मास्को", "\u{095B}रूर", "\u{091C}\u{093C}रूर", "कीव"].randomElement(using: &generator)!
        + String(Int.random(in: 0..<2_000, using: &generator))
      let id =
        Int.random(in: 0..<3, using: &generator) == 0
        ? "" : "id\(Int.random(in: 0..<3_000, using: &generator))"
      lines.append(#"{"label": "\#(label)", "pattern": "\#(pattern)", "id": "\#(id)"}"#)
    }
    let gazetteer = try SpacyPatternReader(file: "p.jsonl").gazetteer(
      from: lines.joined(separator: "\n"))
    // The reference: the original single pass, with Swift's string keys.
    var names: [String] = []
    var aliases: [[String]] = []
    var indexByKey: [String: Int] = [:]
    for line in lines {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: String]
      let (label, pattern, id) = (object["label"]!, object["pattern"]!, object["id"]!)
      let key = id.isEmpty ? "\u{0}\(label)\u{0}\(pattern)" : "\(label)\u{0}\(id)"
      if let index = indexByKey[key] {
        aliases[index].append(pattern)
      } else {
        indexByKey[key] = names.count
        names.append(pattern)
        aliases.append([])
      }
    }
    #expect(names.count < 15_000)
    #expect(gazetteer.entries.map(\.name) == names)
    #expect(gazetteer.entries.map(\.aliases) == aliases)
  }
}
