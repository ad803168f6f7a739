extension String {
  /// The string as a JSON string literal, quotes included. Non-ASCII text stays as it is
  /// (readable Devanagari); quotes, backslashes and control characters are escaped.
  var jsonQuoted: String {
    if !needsJSONEscaping { return "\"" + self + "\"" }
    return escapedJSONQuoted
  }

  /// ``jsonQuoted`` for a string with characters to escape.
  fileprivate var escapedJSONQuoted: String {
    var result = "\""
    result.reserveCapacity(utf8.count + 2)
    for scalar in unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{2028}": result += "\\u2028"
      case "\u{2029}": result += "\\u2029"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    result += "\""
    return result
  }

  /// Whether any character of the string must be escaped in a JSON string literal.
  fileprivate var needsJSONEscaping: Bool {
    var copy = self
    return copy.withUTF8(UnsafeBufferPointer.needsJSONEscaping)
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// Whether any character of the UTF-8 must be escaped in a JSON string literal: a quote, a
  /// backslash, a control character, U+2028 or U+2029 (E2 80 A8, E2 80 A9).
  static func needsJSONEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    let raw = UnsafeRawPointer(base)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var index = 0
    // Eight bytes at a time, skipping words with no byte below 0x20 and no ", \ or E2.
    while index &+ 8 <= bytes.count {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      let quote = word ^ (ones &* 0x22)
      let backslash = word ^ (ones &* 0x5C)
      let e2 = word ^ (ones &* 0xE2)
      let suspects =
        ((word &- ones &* 0x20) & ~word) | ((quote &- ones) & ~quote)
        | ((backslash &- ones) & ~backslash) | ((e2 &- ones) & ~e2)
      if suspects & highs != 0 { break }
      index &+= 8
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
      if byte == 0xE2 && index &+ 2 < bytes.count && bytes[index &+ 1] == 0x80
        && bytes[index &+ 2] & 0xFE == 0xA8
      {
        return true
      }
      index &+= 1
    }
    return false
  }
}
