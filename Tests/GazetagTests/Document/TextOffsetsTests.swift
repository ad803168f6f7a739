import Testing

@testable import Gazetag

@Suite struct TextOffsetsTests {
  @Test("byte offsets translate to code points and UTF-16 units")
  func translate() {
    let text = "a😀क"  // 1 + 4 + 3 bytes; 1 + 1 + 1 code points; 1 + 2 + 1 UTF-16 units
    let table = TextOffsets.translating([8, 0, 5, 1, 5], in: text)
    #expect(table[0] == TextOffsets(utf8: 0, codePoint: 0, utf16: 0))
    #expect(table[1] == TextOffsets(utf8: 1, codePoint: 1, utf16: 1))
    #expect(table[5] == TextOffsets(utf8: 5, codePoint: 2, utf16: 3))
    #expect(table[8] == TextOffsets(utf8: 8, codePoint: 3, utf16: 4))
  }

  @Test("ranges translate in one pass, in order or not, to the same offsets as single ones")
  func ranges() {
    // Long enough for the eight-byte steps, with 1-, 2-, 3- and 4-byte scalars.
    var text = String(repeating: "aé किम😀 ", count: 50)
    let starts = text.utf8.indices.map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }
      .filter { text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: $0)] & 0xC0 != 0x80 }
    let ranges = (0..<300).map { index in
      let a = starts[(index * 37) % starts.count]
      let b = starts[(index * 53 + 11) % starts.count]
      return min(a, b)..<max(a, b)
    }
    let table = TextOffsets.translating(
      ranges.flatMap { [$0.lowerBound, $0.upperBound] }, in: text)
    for ordered in [ranges, ranges.sorted { $0.lowerBound < $1.lowerBound }] {
      let translated = text.withUTF8 { TextOffsets.translating(ordered, in: $0) }
      #expect(translated.map(\.start) == ordered.map { table[$0.lowerBound]! })
      #expect(translated.map(\.end) == ordered.map { table[$0.upperBound]! })
    }
    let end = text.utf8.count
    #expect(table[end] == nil || table[end]!.codePoint == text.unicodeScalars.count)
    let whole = text.withUTF8 { TextOffsets.translating([0..<end], in: $0) }
    #expect(whole[0].end.codePoint == text.unicodeScalars.count)
    #expect(whole[0].end.utf16 == text.utf16.count)
  }

  @Test(
    "invalid UTF-8 is found at its first bad byte",
    arguments: [
      ([0x61, 0xFF], 1), ([0xE0, 0x80, 0x80], 0), ([0x61, 0xED, 0xA0, 0x80], 1),
      ([0xF4, 0x90, 0x80, 0x80], 0), ([0x61, 0x62, 0xE0, 0xA4], 2), ([0xC0, 0xAF], 0),
    ] as [([UInt8], Int)])
  func invalid(bytes: [UInt8], offset: Int) {
    #expect(UTF8Validation.firstInvalidOffset(in: bytes) == offset)
  }

  @Test("valid UTF-8 passes")
  func valid() {
    #expect(UTF8Validation.firstInvalidOffset(in: Array("किम 😀 é".utf8)) == nil)
  }
}
