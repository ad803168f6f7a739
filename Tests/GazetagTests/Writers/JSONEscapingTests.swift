import Foundation
import Testing

@testable import Gazetag

@Suite struct JSONEscapingTests {
  func quoted(_ text: String) -> String {
    var buffer = ByteBuffer(capacity: 0)
    buffer.appendJSONQuoted(text)
    return buffer.withBytes { String(decoding: $0, as: UTF8.self) }
  }

  @Test(
    "strings come out as JSON literals that parse back to themselves",
    arguments: [
      "", "a", "किम जोंग उन", "\"", "\\", "a\"b\\c", "line\nbreak", "\t\r", "\u{0}", "\u{1F}",
      "\u{7F}", "\u{2028}", "x\u{2029}y", "–—’", "\u{2027}", "😀 \"quoted\" 😀",
      "आठ बाइट से लंबा \"उद्धरण\" यहाँ", "12345678\"", "1234567\\8", "abcdefgh\u{1}",
    ])
  func roundTrip(text: String) throws {
    let literal = quoted(text)
    #expect(literal == text.jsonQuoted)
    let parsed =
      try JSONSerialization.jsonObject(
        with: Data("[\(literal)]".utf8)) as? [String]
    #expect(parsed == [text])
    #expect(!literal.contains("\u{2028}") && !literal.contains("\u{2029}"))
  }

  @Test("decimal numbers", arguments: [0, 7, 10, 99, 100, 123_456_789, Int.max, -1, -42, Int.min])
  func decimals(value: Int) {
    var buffer = ByteBuffer(capacity: 0)
    buffer.append("[")
    buffer.appendDecimal(value)
    buffer.append("]")
    #expect(buffer.withBytes { String(decoding: $0, as: UTF8.self) } == "[\(value)]")
  }

  @Test("the buffer grows past its first capacity")
  func growth() {
    var buffer = ByteBuffer(capacity: 1)
    for index in 0..<10_000 { buffer.appendDecimal(index % 10) }
    #expect(buffer.count == 10_000)
    #expect(buffer.withBytes { $0.last } == UInt8(ascii: "9"))
  }
}
