/// The standard profile's fold of each Devanagari code point (U+0900–U+097F), as a table for
/// keying tokens from their bytes (``Normalizer/withKey(ofUTF8:_:)``).
///
/// NFC can be skipped for ASCII and Devanagari: the only Devanagari marks with a non-zero
/// combining class are the nukta (7), the virama (9) and the stress marks U+0951–U+0954. The
/// stress marks go to the full key function; the nukta is dropped by the standard profile, and
/// what NFC does around it (compose न ऩ, र ऱ, ळ ऴ; decompose क़ … य़; move it before a virama)
/// is undone by the folds that follow. The exact profile keys a token without a nukta, a
/// precomposed nukta letter or a stress mark as its own bytes.
struct DevanagariFolds: @unchecked Sendable {
  /// What one code point needs under the standard profile.
  enum Action: UInt32 {
    /// Kept as it is.
    case keep
    /// Replaced by ``DevanagariFolds/replacement(_:)``.
    case replace
    /// Dropped (the nukta).
    case drop
    /// The virama: folds with a nasal consonant before it and a consonant after it.
    case virama
    /// Needs the full key function (the Vedic stress marks, which NFC reorders around the
    /// virama).
    case complex
  }

  /// The shared table, built on first use.
  static let shared = DevanagariFolds()

  // Scan flags: what a character tells ``Normalizer/withKey(ofUTF8:_:)`` about a token.
  /// The key differs from the token's bytes.
  static var folds: UInt8 { 1 }
  /// The key needs the full key function.
  static var complex: UInt8 { 2 }
  /// The virama: with a nasal consonant before it, the key may differ.
  static var virama: UInt8 { 4 }
  /// A nasal consonant (ङ ञ ण न म).
  static var nasal: UInt8 { 8 }
  /// ASCII white space.
  static var whitespace: UInt8 { 16 }

  /// Per code point: the action in the top byte, the replacement code point below it.
  /// Allocated once and never freed.
  private let entries: UnsafeMutablePointer<UInt32>
  /// Scan flags of each ASCII byte (0–127) and each Devanagari code point (128 + offset from
  /// U+0900), for the standard profile and then for the exact profile.
  private let flags: UnsafeMutablePointer<UInt8>

  private init() {
    entries = .allocate(capacity: 128)
    for offset in 0..<128 {
      let value = UInt32(0x0900 + offset)
      entries[offset] = Self.action(of: value).rawValue << 24 | Self.replacement(of: value)
    }
    flags = .allocate(capacity: 512)
    flags.initialize(repeating: 0, count: 512)
    for byte in 0..<128 {
      switch byte {
      case 0x09...0x0D, 0x20:
        flags[byte] = Self.whitespace
        flags[256 + byte] = Self.whitespace
      case 0x41...0x5A, 0x2D:
        flags[byte] = Self.folds
      default: break
      }
    }
    for offset in 0..<128 {
      let value = 0x0900 + offset
      switch Self.action(of: UInt32(value)) {
      case .keep:
        if [0x0919, 0x091E, 0x0923, 0x0928, 0x092E].contains(value) {
          flags[128 + offset] = Self.nasal
        }
      case .replace, .drop: flags[128 + offset] = Self.folds
      case .virama: flags[128 + offset] = Self.virama
      case .complex: flags[128 + offset] = Self.complex
      }
      if value == 0x093C || (0x0951...0x0954).contains(value) || (0x0958...0x095F).contains(value) {
        flags[384 + offset] = Self.complex  // NFC composes, decomposes or reorders around these
      }
    }
  }

  /// The scan flags of ASCII byte or Devanagari code point `index` (0–127: the byte; 128 +
  /// offset from U+0900) under the standard or the exact profile.
  @inline(__always)
  func scanFlags(_ index: Int, standard: Bool) -> UInt8 {
    flags[standard ? index : 256 + index]
  }

  /// The action for U+0900 + `offset`.
  @inline(__always)
  func action(_ offset: Int) -> Action {
    Action(rawValue: entries[offset] >> 24).unsafelyUnwrapped
  }

  /// The folded code point of U+0900 + `offset` when its action is ``Action/replace``.
  @inline(__always)
  func replacement(_ offset: Int) -> UInt32 {
    entries[offset] & 0xFF_FFFF
  }

  private static func action(of value: UInt32) -> Action {
    switch value {
    case 0x093C: .drop
    case 0x094D: .virama
    case 0x0951...0x0954: .complex
    case 0x0901, 0x0911, 0x0929, 0x0931, 0x0934, 0x0949, 0x0958...0x095F, 0x0966...0x096F:
      .replace
    default: .keep
    }
  }

  private static func replacement(of value: UInt32) -> UInt32 {
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
    case 0x0966...0x096F: value - 0x0966 + 0x30  // Devanagari digits → ASCII
    default: value
    }
  }
}
