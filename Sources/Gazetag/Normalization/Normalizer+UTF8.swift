/// Keys computed straight from a token's UTF-8, without making a `String`.
///
/// Tokens of ASCII and Devanagari (with ZWJ, ZWNJ and the dash characters) are keyed here
/// byte by byte; most Hindi words need no fold at all, and then the key is the token's own
/// bytes. Anything else goes through ``Normalizer/key(for:)``. Both give the same key: the
/// folds below are that function's, and NFC can be skipped because for these characters it
/// changes nothing the folds keep (see ``devanagariAction``).
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

  /// `key` in NFC. ``key(for:)`` may leave a key that is not (a dropped joiner can bring a
  /// letter and a mark together); Swift compares strings by canonical equivalence, so byte
  /// comparison needs one form.
  static func canonical(_ key: String) -> String {
    needsNFC(Array(key.unicodeScalars)) ? nfc(key) : key
  }

  private enum ScanResult {
    case unchanged, folded, complex
  }

  /// What one Devanagari code point (U+0900 + index) needs under the standard profile.
  private enum DevanagariAction: UInt8 {
    /// Kept as it is.
    case keep
    /// Replaced by the value in ``devanagariReplacement``.
    case replace
    /// Dropped (the nukta).
    case drop
    /// The virama: folds with a nasal consonant before it and a consonant after it.
    case virama
    /// Needs the full key function (the Vedic stress marks, which NFC reorders around the
    /// virama).
    case complex
  }

  /// NFC can be skipped for ASCII and Devanagari: the only Devanagari marks with a non-zero
  /// combining class are the nukta (7), the virama (9) and the stress marks U+0951–U+0954.
  /// The stress marks go to the full function; the nukta is dropped by the standard profile,
  /// and what NFC does around it (compose न ऩ, र ऱ, ळ ऴ; decompose क़ … य़; move it before a
  /// virama) is undone by the folds that follow. The exact profile keys a token without a
  /// nukta, a precomposed nukta letter or a stress mark as its own bytes.
  private static let devanagariAction: [DevanagariAction] = (0x0900...0x097F).map { value in
    switch value {
    case 0x093C: .drop
    case 0x094D: .virama
    case 0x0951...0x0954: .complex
    case 0x0901, 0x0911, 0x0929, 0x0931, 0x0934, 0x0949, 0x0958...0x095F, 0x0966...0x096F:
      .replace
    default: .keep
    }
  }

  /// The folded code point of each ``DevanagariAction/replace`` code point, by U+0900 + index.
  private static let devanagariReplacement: [UInt32] = (0x0900...0x097F).map { value in
    switch value {
    case 0x0901: 0x0902  // chandrabindu → anusvara
    case 0x0911: 0x0906  // candra O ऑ → आ
    case 0x0929: 0x0928  // ऩ → न
    case 0x0931: 0x0930  // ऱ → र
    case 0x0934: 0x0933  // ऴ → ळ
    case 0x0949: 0x093E  // candra o sign ॉ → ा
    case 0x0958: 0x0915  // क़ → क (NFC's decomposition, then the nukta dropped)
    case 0x0959: 0x0916
    case 0x095A: 0x0917
    case 0x095B: 0x091C
    case 0x095C: 0x0921
    case 0x095D: 0x0922
    case 0x095E: 0x092B
    case 0x095F: 0x092F
    case 0x0966...0x096F: UInt32(value - 0x0966 + 0x30)  // Devanagari digits → ASCII
    default: UInt32(value)
    }
  }

  /// Whether the key may be the token's own bytes, needs ``fold(_:into:)``, or needs the full
  /// key function.
  @inline(__always)
  private func scan(_ token: UnsafeBufferPointer<UInt8>) -> ScanResult {
    let standard = profile == .standard
    var index = 0
    var previousIsNasal = false
    var result = ScanResult.unchanged
    var onlyWhitespace = true
    while index < token.count {
      let lead = token[index]
      if lead < 0x80 {
        switch lead {
        case 0x09...0x0D, 0x20: break
        case 0x41...0x5A, 0x2D:
          if standard { result = .folded }
          onlyWhitespace = false
        default:
          onlyWhitespace = false
        }
        previousIsNasal = false
        index += 1
        continue
      }
      onlyWhitespace = false
      guard lead == 0xE0 || lead == 0xE2, index + 2 < token.count else { return .complex }
      let second = token[index + 1]
      let third = token[index + 2]
      index += 3
      if lead == 0xE2 {
        // ZWNJ, ZWJ (U+200C, U+200D), hyphens and dashes (U+2010–U+2015), minus (U+2212).
        let value = UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
        switch value {
        case 0x00C...0x00D, 0x010...0x015, 0x212:
          if standard { result = .folded }
          previousIsNasal = false
          continue
        default:
          return .complex
        }
      }
      guard second == 0xA4 || second == 0xA5 else { return .complex }
      let offset = Int(second & 1) << 6 | Int(third & 0x3F)
      switch Self.devanagariAction[offset] {
      case .keep:
        previousIsNasal = Self.isNasal(UInt32(0x0900 + offset))
        continue
      case .virama:
        if standard && previousIsNasal { result = .folded }
      case .complex:
        return .complex
      case .drop, .replace:
        if standard {
          result = .folded
        } else if offset == 0x3C || (0x58...0x5F).contains(offset) {
          return .complex  // NFC composes or decomposes around a nukta
        }
      }
      previousIsNasal = false
    }
    if onlyWhitespace { return .complex }
    return result
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
      switch Self.devanagariAction[offset] {
      case .keep: append(UInt32(0x0900 + offset))
      case .drop: continue
      case .replace: append(Self.devanagariReplacement[offset])
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
