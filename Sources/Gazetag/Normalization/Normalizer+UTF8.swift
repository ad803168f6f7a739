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
  /// equal exactly when their bytes are.
  ///
  /// ASCII and Devanagari without a nukta are NFC already and are passed as they are; with a
  /// nukta they are normalized here (``devanagariNFC(_:into:)``); anything else goes to ICU.
  static func withCanonicalUTF8<Result>(
    _ text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    var index = 0
    var nukta = false
    while index < text.count {
      let lead = text[index]
      if lead < 0x80 {
        index &+= 1
        continue
      }
      guard lead == 0xE0, index &+ 2 < text.count, text[index &+ 1] & 0xFE == 0xA4 else { break }
      // Offsets from U+0900 in two halves of 64: bit n of the first word is U+0900 + n, of
      // the second U+0940 + n. Stress marks U+0951–U+0954 go to ICU; the nukta, ऩ ऱ ऴ and
      // क़ … य़ are normalized here.
      let stress: UInt64 = 0xF << 0x11
      let nuktaLetters: UInt64 = 1 << 0x29 | 1 << 0x31 | 1 << 0x34 | 1 << 0x3C
      let nuktaForms: UInt64 = 0xFF << 0x18
      if text[index &+ 1] == 0xA4 {
        nukta = nukta || (nuktaLetters >> (UInt64(text[index &+ 2] & 0x3F))) & 1 != 0
      } else {
        let bit = UInt64(text[index &+ 2] & 0x3F)
        if (stress >> bit) & 1 != 0 { break }
        nukta = nukta || (nuktaForms >> bit) & 1 != 0
      }
      index &+= 3
    }
    if index == text.count {
      guard nukta else { return body(text) }
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.count * 2) { buffer in
        body(UnsafeBufferPointer(rebasing: buffer[..<devanagariNFC(text, into: buffer)]))
      }
    }
    var normalized = nfc(String(decoding: text, as: UTF8.self))
    return normalized.withUTF8(body)
  }

  /// NFC of ASCII and Devanagari without stress marks, written into `buffer` (twice the
  /// length of `text` is enough); returns the length. The canonical decompositions are क़ … य़
  /// (U+0958–U+095F, never recomposed) and ऩ ऱ ऴ (recomposed); the only marks with a non-zero
  /// combining class are the nukta (7), which NFC puts before the virama (9).
  static func devanagariNFC(
    _ text: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>
  ) -> Int {
    // Decompose, as code points.
    var points: [UInt32] = []
    points.reserveCapacity(text.count)
    var index = 0
    while index < text.count {
      let (scalar, length) = text.scalar(at: index)
      index &+= length
      switch scalar.value {
      case 0x0958...0x095F:
        let bases: [UInt32] = [0x0915, 0x0916, 0x0917, 0x091C, 0x0921, 0x0922, 0x092B, 0x092F]
        points.append(contentsOf: [bases[Int(scalar.value - 0x0958)], 0x093C])
      case 0x0929, 0x0931, 0x0934: points.append(contentsOf: [scalar.value - 1, 0x093C])
      default: points.append(scalar.value)
      }
    }
    // Order each run of nukta and virama: nuktas first.
    var runStart = 0
    while runStart < points.count {
      guard points[runStart] == 0x093C || points[runStart] == 0x094D else {
        runStart += 1
        continue
      }
      var runEnd = runStart
      var nuktas = 0
      while runEnd < points.count && (points[runEnd] == 0x093C || points[runEnd] == 0x094D) {
        if points[runEnd] == 0x093C { nuktas += 1 }
        runEnd += 1
      }
      for position in runStart..<runEnd {
        points[position] = position - runStart < nuktas ? 0x093C : 0x094D
      }
      runStart = runEnd
    }
    // Compose न ऩ, र ऱ, ळ ऴ with the nukta right after them, and write UTF-8.
    var count = 0
    var position = 0
    while position < points.count {
      var value = points[position]
      if position + 1 < points.count && points[position + 1] == 0x093C
        && (value == 0x0928 || value == 0x0930 || value == 0x0933)
      {
        value += 1
        position += 1
      }
      position += 1
      Self.write(value, to: buffer, at: &count)
    }
    return count
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
  /// Writes `value`, an ASCII or Devanagari-block scalar (one or three UTF-8 bytes), into
  /// `buffer` at `count` and advances `count`.
  @inline(__always)
  private static func write(
    _ value: UInt32, to buffer: UnsafeMutableBufferPointer<UInt8>, at count: inout Int
  ) {
    if value < 0x80 {
      buffer[count] = UInt8(value)
      count += 1
    } else {
      buffer[count] = 0xE0
      buffer[count + 1] = 0x80 | UInt8(value >> 6 & 0x3F)
      buffer[count + 2] = 0x80 | UInt8(value & 0x3F)
      count += 3
    }
  }

  private func fold(
    _ token: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>
  )
    -> Int
  {
    var count = 0
    var last: UInt32 = 0
    var index = 0
    func append(_ value: UInt32) {
      Self.write(value, to: buffer, at: &count)
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
