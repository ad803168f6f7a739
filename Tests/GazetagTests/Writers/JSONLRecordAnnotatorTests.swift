import Foundation
import Testing

@testable import Gazetag

@Suite struct JSONLRecordAnnotatorTests {
  let annotator = JSONLRecordAnnotator(
    tagger: try! Tagger(gazetteer: try! Gazetteer(contentsOf: Fixtures.url("gazetteer"))),
    textField: "body")

  @Test("a record comes out byte for byte with spans added")
  func unchanged() throws {
    let line = #"{"id": 7, "meta": {"x": [1, 2.50, null]}, "body": "रूस और \"मॉस्को\"" }  "#
    let output = try annotator.annotate(line)
    #expect(
      output.hasPrefix(
        #"{"id": 7, "meta": {"x": [1, 2.50, null]}, "body": "रूस और \"मॉस्को\"" ,"spans":["#))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    let spans = try #require(object["spans"] as? [[String: Any]])
    #expect(spans.map { $0["text"] as? String } == ["रूस", "मॉस्को"])
    #expect(spans.map { $0["start"] as? Int } == [0, 8])
  }

  @Test("a record without the text field, with spans, or not an object is refused")
  func failures() {
    #expect(throws: JSONLRecordAnnotator.Failure.missingTextField("body")) {
      try annotator.annotate(#"{"text": "रूस"}"#)
    }
    #expect(throws: JSONLRecordAnnotator.Failure.hasSpans) {
      try annotator.annotate(#"{"body": "रूस", "spans": []}"#)
    }
    #expect(throws: JSONLRecordAnnotator.Failure.notAnObject) { try annotator.annotate("[1]") }
    #expect(
      throws: JSONLRecordAnnotator.Failure.invalidJSON(byte: 1, problem: "expected a string key")
    ) {
      try annotator.annotate("{")
    }
  }

  @Test("offsets count the text as Python's json.loads decodes it, U+FEFF included")
  func decodedOffsets() throws {
    // json.loads('{"body":"\\n\ufeff रूस \\ud800 \\ud83d\\ude00 रूस"}')["body"] is
    // "\n\ufeff रूस \ud800 😀 रूस": रूस at 3–6 and 11–14 (code points).
    let output = try annotator.annotate(#"{"body":"\n\#u{FEFF} रूस \ud800 \ud83d\ude00 रूस"}"#)
    // The record keeps its lone surrogate, which JSONSerialization refuses: read the spans alone.
    let array = try #require(output.range(of: #","spans":"#)).upperBound
    let spans = try #require(
      try JSONSerialization.jsonObject(with: Data(output[array...].dropLast().utf8))
        as? [[String: Any]])
    #expect(spans.map { $0["start"] as? Int } == [3, 11])
    #expect(spans.map { $0["end"] as? Int } == [6, 14])
  }

  @Test("valid JSON that other parsers accept is tagged, the line kept byte for byte")
  func validJSON() throws {
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    let line = #"{"n": 1e400, "deep": \#(deep), "body": "रूस"}"# + " \r"
    let output = try annotator.annotate(line)
    #expect(output.hasPrefix(#"{"n": 1e400, "deep": \#(deep), "body": "रूस","spans":[{"start":0"#))
    #expect(output.hasSuffix("]} \r"))
  }

  @Test("a text longer than a chunk is tagged in chunks with the same spans", arguments: [16, 100])
  func chunked(chunkSize: Int) throws {
    let text = Array(repeating: #"रूस \"मॉस्को\"\n\u0930\u0942\u0938 \ud83d\ude00 प्योंगयांग"#, count: 40)
      .joined(separator: " ")
    let line = #"{"body": "\#(text)"}"#
    let chunked = JSONLRecordAnnotator(
      tagger: annotator.tagger, textField: "body", chunkSize: chunkSize, jobs: 2)
    let whole = try annotator.annotate(line)
    #expect(whole.components(separatedBy: #""start":"#).count == 1 + 40 * 3)
    #expect(try chunked.annotate(line) == whole)
  }
}
