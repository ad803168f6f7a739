import Testing

@testable import Gazetag

@Suite struct JSONStringDecoderTests {
  /// The decoded text of the JSON string contents `raw`, as a String.
  func decoded(_ raw: String) -> String {
    let bytes = Array(raw.utf8)
    let text = bytes.withUnsafeBufferPointer { JSONStringDecoder.decode($0) }
    return String(decoding: text, as: UTF8.self)
  }

  @Test(
    "a string decodes as Python's json.loads decodes it",
    arguments: [
      // (contents between the quotes, what json.loads returns, why)
      (#"\n\#u{FEFF} रूस"#, "\n\u{FEFF} रूस", "a raw U+FEFF after an escape is a character"),
      ("\u{FEFF}रूस", "\u{FEFF}रूस", "a raw U+FEFF at the start is a character"),
      (#"\ufeffरूस"#, "\u{FEFF}रूस", "an escaped U+FEFF is a character"),
      (#"\"\\\/\b\f\n\r\t"#, "\"\\/\u{8}\u{C}\n\r\t", "the two-character escapes"),
      (#"\u0930\u0942\u0938"#, "रूस", "\\u escapes, either case of hex digit"),
      (#"\uD83D\uDE00"#, "😀", "a surrogate pair is one scalar"),
      (#"\ud83d\ude00x"#, "😀x", "a surrogate pair in lower case"),
      (#"\ud800"#, "\u{FFFD}", "a lone high surrogate becomes U+FFFD"),
      (#"\udc00a"#, "\u{FFFD}a", "a lone low surrogate becomes U+FFFD"),
      (#"\ud800\u0041"#, "\u{FFFD}A", "a high surrogate not followed by a low one stands alone"),
      (#"\ud800\ud800\udc00"#, "\u{FFFD}𐀀", "a high surrogate pairs with the low one after it"),
      (#"\ude00\ud83d"#, "\u{FFFD}\u{FFFD}", "a low then a high surrogate are two lone ones"),
      (#"\u0000"#, "\u{0}", "NUL is a character"),
      ("", "", "the empty string"),
    ])
  func decodes(raw: String, expected: String, why: String) {
    #expect(decoded(raw) == expected, "\(why)")
  }

  @Test("pieces end at scalar boundaries and join to the whole", arguments: [1, 2, 3, 5, 7, 64])
  func pieces(size: Int) {
    let raw = Array(#"रूस \n मॉस्को \uD83D\uDE00 "प्योंगयांग" \ud800 end"#.utf8)
    var pieces: [[UInt8]] = []
    raw.withUnsafeBufferPointer { raw in
      JSONStringDecoder.decode(raw, pieceSize: size) { pieces.append(Array($0)) }
    }
    let whole = raw.withUnsafeBufferPointer { JSONStringDecoder.decode($0) }
    #expect(pieces.joined().elementsEqual(whole))
    for piece in pieces {
      #expect(String(validating: piece, as: UTF8.self) != nil)
      #expect(piece.count < size + 4)
    }
  }
}
