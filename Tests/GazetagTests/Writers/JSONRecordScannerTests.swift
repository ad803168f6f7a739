import Testing

@testable import Gazetag

@Suite struct JSONRecordScannerTests {
  let scanner = JSONRecordScanner(field: "text")

  func scan(_ line: String) throws(JSONLRecordAnnotator.Failure) -> JSONRecordScanner.Record {
    let bytes = Array(line.utf8)
    return try bytes.withUnsafeBufferPointer { bytes in
      Result { () throws(JSONLRecordAnnotator.Failure) in try scanner.scan(bytes) }
    }.get()
  }

  /// The text field's contents, as written in the line.
  func text(_ line: String) throws -> String? {
    let record = try scan(line)
    return record.text.map { String(decoding: Array(line.utf8)[$0], as: UTF8.self) }
  }

  @Test("the text field and the closing brace are found")
  func finds() throws {
    let line = #" {"id": 7, "text": "रूस\"", "x": {"text": "inner"}} "# + "\r"
    let record = try scan(line)
    #expect(try text(line) == #"रूस\""#)
    #expect(!record.hasSpans)
    #expect(Array(line.utf8)[record.closingBrace...].elementsEqual("} \r".utf8))
  }

  @Test("valid JSON that other parsers accept is accepted")
  func validJSON() throws {
    #expect(
      try text(#"{"a": 1e400, "b": -0.5E-7, "c": [true, false, null, {}, []], "text": ""}"#) == "")
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(try text(#"{"a": \#(deep), "text": "x"}"#) == "x")
    let objects =
      String(repeating: #"{"a":"#, count: 10_000) + "1"
      + String(repeating: "}", count: 10_000)
    #expect(try text(#"{"text": "x", "n": \#(objects)}"#) == "x")
  }

  @Test("keys are compared decoded, and the last of two equal keys counts, as in Python")
  func keys() throws {
    #expect(try text(#"{"t\u0065xt": "a"}"#) == "a")
    #expect(try text(#"{"text": "a", "text": "b"}"#) == "b")
    #expect(try text(#"{"text": "a", "text": 1}"#) == nil)
    #expect(try scan(#"{"text": "a", "sp\u0061ns": 1}"#).hasSpans)
    #expect(try !scan(#"{"text": "a", "x": {"spans": 1}}"#).hasSpans)
  }

  @Test(
    "invalid JSON is refused with the byte and the reason",
    arguments: [
      (#"[1]"#, JSONLRecordAnnotator.Failure.notAnObject),
      ("{", .invalidJSON(byte: 1, problem: "expected a string key")),
      (
        #"{"text": "a"} x"#,
        .invalidJSON(byte: 14, problem: "expected the end of the line after the object")
      ),
      (
        #"{"text": "a", "x": NaN}"#,
        .invalidJSON(byte: 19, problem: "NaN is not a JSON number; write null or a string")
      ),
      (
        #"{"x": -Infinity}"#,
        .invalidJSON(byte: 7, problem: "Infinity is not a JSON number; write null or a string")
      ),
      (
        "{\"text\": \"a\tb\"}",
        .invalidJSON(byte: 11, problem: "control character in a string; write it as an escape")
      ),
      (#"{"text": "\x"}"#, .invalidJSON(byte: 10, problem: "invalid escape in a string")),
      (
        #"{"text": "\u12"}"#,
        .invalidJSON(byte: 10, problem: #"expected four hexadecimal digits after \u"#)
      ),
      (#"{"text": "a}"#, .invalidJSON(byte: 9, problem: "string not closed")),
      (#"{"a": 01}"#, .invalidJSON(byte: 7, problem: "expected ',' or '}'")),
      (#"{"a": [1 2]}"#, .invalidJSON(byte: 9, problem: "expected ',' or ']'")),
      (#"{"a" 1}"#, .invalidJSON(byte: 5, problem: "expected ':' after the key")),
      (#"{"a": 1.}"#, .invalidJSON(byte: 8, problem: "expected a digit after '.'")),
      (#"{"a": 1e}"#, .invalidJSON(byte: 8, problem: "expected a digit in the exponent")),
      (#"{"a": tru}"#, .invalidJSON(byte: 6, problem: "expected a value")),
    ])
  func invalid(line: String, failure: JSONLRecordAnnotator.Failure) {
    #expect(throws: failure) { try scan(line) }
  }
}
