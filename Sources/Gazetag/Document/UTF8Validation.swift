/// Checks that bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
public enum UTF8Validation {
  /// The byte offset of the first ill-formed sequence in `bytes`, or `nil` when all of it is
  /// well-formed UTF-8.
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  public static func firstInvalidOffset<Bytes: Collection<UInt8>>(in bytes: Bytes) -> Int?
  where Bytes.Index == Int {
    if let offset = bytes.withContiguousStorageIfAvailable(firstInvalidOffset(inBuffer:)) {
      return offset
    }
    return Array(bytes).withUnsafeBufferPointer(firstInvalidOffset(inBuffer:))
  }

  /// ``firstInvalidOffset(in:)`` for contiguous bytes, with fast paths for runs of ASCII (eight
  /// bytes at a time) and for Devanagari (U+0900–U+097F: E0 A4/A5 80–BF).
  static func firstInvalidOffset(inBuffer bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    let raw = UnsafeRawPointer(base)
    let end = bytes.count
    var index = 0
    while index < end {
      let lead = bytes[index]
      if lead < 0x80 {
        index &+= 1
        while index &+ 8 <= end
          && raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080
            == 0
        {
          index &+= 8
        }
        continue
      }
      if lead == 0xE0 && index &+ 2 < end && bytes[index &+ 1] & 0xFE == 0xA4
        && bytes[index &+ 2] & 0xC0 == 0x80
      {
        index &+= 3
        continue
      }
      let length: Int
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; upper = 0x9F
      case 0xF0: length = 4; lower = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; upper = 0x8F
      default: return index
      }
      guard end - index >= length else { return index }
      let second = bytes[index &+ 1]
      guard second >= lower && second <= upper else { return index }
      for offset in 2..<length where bytes[index &+ offset] & 0xC0 != 0x80 {
        return index
      }
      index &+= length
    }
    return nil
  }
}
