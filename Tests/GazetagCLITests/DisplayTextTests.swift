import Testing

@testable import GazetagCLI

/// The one rule by which names are shown in messages and in `source`.
@Suite struct DisplayTextTests {
  @Test(
    "control characters are written \\u{…}, bytes outside UTF-8 \\x{…}, the rest as it is",
    arguments: [
      (Array("news/a.txt".utf8), "news/a.txt"),
      (Array("समाचार/रूस.txt".utf8), "समाचार/रूस.txt"),
      (
        Array("a\u{1B}[31m\tb\nc\u{7F}\u{85}.txt".utf8), #"a\u{1B}[31m\u{9}b\u{A}c\u{7F}\u{85}.txt"#
      ),
      ([0x62, 0xFF, 0x2E], #"b\x{FF}."#),
      // A sequence cut short is one ill-formed run: each of its bytes is shown.
      ([0xE0, 0xA4, 0x41], #"\x{E0}\x{A4}A"#),
      ([0xC0, 0xAF, 0xED, 0xA0, 0x80], #"\x{C0}\x{AF}\x{ED}\x{A0}\x{80}"#),
      (Array("\\u{1B}".utf8), #"\u{1B}"#),
    ])
  func path(bytes: [UInt8], shown: String) {
    #expect(DisplayText.path(bytes) == shown)
  }

  @Test("a message keeps its text and loses its control characters")
  func message() {
    #expect(DisplayText.escapingControls("a.txt: byte 3: रूस") == "a.txt: byte 3: रूस")
    #expect(DisplayText.escapingControls("x\u{1B}]0;t\u{7}") == #"x\u{1B}]0;t\u{7}"#)
  }
}
