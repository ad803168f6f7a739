/// Keys computed straight from a token's UTF-8, without making a `String`.
///
/// Tokens of ASCII and Devanagari (with ZWJ, ZWNJ and the dash characters) are keyed here
/// byte by byte; most Hindi words need no fold at all, and then the key is the token's own
/// bytes. Anything else goes through ``Normalizer/key(for:)``. Both give the same key: the
/// folds below are that function's, and NFC can be skipped because for these characters it
/// changes nothing the folds keep (see ``DevanagariFolds``).
extension Normalizer {
  /// Calls `body` with the UTF-8 of the matching key of the token whose UTF-8 is `token`
  /// (empty for a separator), in canonical form: two keys are equal as strings exactly when
  /// their bytes are equal.
  ///
  /// - Complexity: O(*n*) in the length of `token`.
  @inline(__always)
  func withKey<Result>(
    ofUTF8 token: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    switch scan(token) {
    case .unchanged:
      return body(token)
    case .folded:
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: token.count) { buffer in
        body(UnsafeBufferPointer(rebasing: buffer[..<fold(token, into: buffer)]))
      }
    case .complex:
      var key = Self.canonical(key(for: String(decoding: token, as: UTF8.self)))
      return key.withUTF8(body)
    }
  }

  /// Calls `body` with `text` (well-formed UTF-8) in NFC, the form in which two strings are
  /// equal exactly when their bytes are. ASCII and Devanagari without a nukta or stress mark
  /// are NFC already and are passed as they are.
  static func withCanonicalUTF8<Result>(
    _ text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    var index = 0
    while index < text.count {
      let lead = text[index]
      if lead < 0x80 {
        index &+= 1
        continue
      }
      guard lead == 0xE0, index &+ 2 < text.count, text[index &+ 1] & 0xFE == 0xA4 else { break }
      let offset = (text[index &+ 1] & 1) << 6 | (text[index &+ 2] & 0x3F)
      // Not the nukta, a stress mark or a precomposed nukta letter.
      guard offset != 0x3C && offset &- 0x51 > 0x54 - 0x51 && offset &- 0x58 > 0x5F - 0x58
      else { break }
      index &+= 3
    }
    if index == text.count { return body(text) }
    var normalized = nfc(String(decoding: text, as: UTF8.self))
    return normalized.withUTF8(body)
  }

  /// `key` in NFC. ``key(for:)`` may leave a key that is not (a dropped joiner can bring a
  /// letter and a mark together); Swift compares strings by canonical equivalence, so byte
  /// comparison needs one form.
  static func canonical(_ key: String) -> String {
    needsNFC(Array(key.unicodeScalars)) ? nfc(key) : key
  }

  private enum ScanResult {
    case unchanged, folded, complex
  }

  /// Whether the key may be the token's own bytes, needs ``fold(_:into:)``, or needs the full
  /// key function.
  @inline(__always)
  private func scan(_ token: UnsafeBufferPointer<UInt8>) -> ScanResult {
    typealias Flags = DevanagariFolds
    let standard = profile == .standard
    var index = 0
    var any: UInt8 = 0
    var all: UInt8 = 0xFF
    var previous: UInt8 = 0
    while index < token.count {
      let lead = token[index]
      let flags: UInt8
      if lead < 0x80 {
        flags = folds.scanFlags(Int(lead), standard: standard)
        index += 1
      } else if lead == 0xE0 && index + 2 < token.count && token[index + 1] & 0xFE == 0xA4 {
        let offset = Int(token[index + 1] & 1) << 6 | Int(token[index + 2] & 0x3F)
        flags = folds.scanFlags(128 + offset, standard: standard)
        index += 3
      } else if lead == 0xE2 && index + 2 < token.count {
        // ZWNJ, ZWJ (U+200C, U+200D), hyphens and dashes (U+2010–U+2015), minus (U+2212).
        switch UInt32(token[index + 1] & 0x3F) << 6 | UInt32(token[index + 2] & 0x3F) {
        case 0x00C...0x00D, 0x010...0x015, 0x212: flags = standard ? Flags.folds : 0
        default: return .complex
        }
        index += 3
      } else {
        return .complex
      }
      if flags & Flags.virama != 0 && previous & Flags.nasal != 0 { any |= Flags.folds }
      any |= flags
      all &= flags
      previous = flags
    }
    if any & Flags.complex != 0 || all & Flags.whitespace != 0 { return .complex }
    return any & Flags.folds != 0 ? .folded : .unchanged
  }

  /// Writes the standard key of an ASCII and Devanagari token into `buffer` (at least as long
  /// as the token; no fold lengthens it) and returns its length.
  private func fold(_ token: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>)
    -> Int
  {
    var count = 0
    var last: UInt32 = 0
    var index = 0
    func append(_ value: UInt32) {
      if value < 0x80 {
        buffer[count] = UInt8(value)
        count += 1
      } else {
        buffer[count] = 0xE0
        buffer[count + 1] = 0x80 | UInt8(value >> 6 & 0x3F)
        buffer[count + 2] = 0x80 | UInt8(value & 0x3F)
        count += 3
      }
      last = value
    }
    while index < token.count {
      let lead = token[index]
      if lead < 0x80 {
        index += 1
        switch lead {
        case 0x2D: continue
        case 0x41...0x5A: append(UInt32(lead) + 0x20)
        default: append(UInt32(lead))
        }
        continue
      }
      let second = token[index + 1]
      let third = token[index + 2]
      index += 3
      if lead == 0xE2 { continue }  // joiners, hyphens and dashes (see scan)
      let offset = Int(second & 1) << 6 | Int(third & 0x3F)
      switch folds.action(offset) {
      case .keep: append(UInt32(0x0900 + offset))
      case .drop: continue
      case .replace: append(folds.replacement(offset))
      case .virama:
        if Self.isNasal(last) && Self.consonantFollows(token, from: index) {
          count -= 3
          append(0x0902)  // हिन्दी → हिंदी
        } else {
          append(0x094D)
        }
      case .complex:
        preconditionFailure("scan sends stress marks to the full key function")
      }
    }
    return count
  }

  @inline(__always)
  private static func isNasal(_ value: UInt32) -> Bool {
    switch value {
    case 0x0919, 0x091E, 0x0923, 0x0928, 0x092E: true  // ङ ञ ण न म
    default: false
    }
  }

  /// Whether the next code point from byte `index` that is not a joiner or nukta is a
  /// Devanagari consonant.
  private static func consonantFollows(_ token: UnsafeBufferPointer<UInt8>, from index: Int)
    -> Bool
  {
    var index = index
    while index + 2 < token.count {
      let value =
        UInt32(token[index] & 0x0F) << 12 | UInt32(token[index + 1] & 0x3F) << 6
        | UInt32(token[index + 2] & 0x3F)
      guard token[index] >= 0xE0 else { return false }
      switch value {
      case 0x200C, 0x200D, 0x093C: index += 3
      case 0x0915...0x0939, 0x0958...0x095F: return true
      default: return false
      }
    }
    return false
  }
}
