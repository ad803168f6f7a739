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
