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
    #expect(throws: JSONLRecordAnnotator.Failure.notAnObject) { try annotator.annotate("{") }
  }
}
