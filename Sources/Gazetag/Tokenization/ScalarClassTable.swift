import CGazetagICU

/// What the fast tokenizer needs to know about each code point it handles itself: the UAX #29
/// word-break class (from the ICU library's data, so that it agrees with ICU's break iterator)
/// and the facts that decide a token's ``TokenKind`` and whether it can be a designator (from
/// the same Swift properties that ``TokenKind/init(classifying:)`` reads).
///
/// The table covers Latin (U+0000–U+036F, with the combining diacritics), Devanagari
/// (U+0900–U+097F), General Punctuation (U+2000–U+206F) and the currency signs (U+20A0–U+20CF).
/// Every other code point is ``complex``: text around it is segmented by ICU itself. So are two
/// characters that ICU 72's word rules treat unlike their Unicode property: `@`, which ICU keeps
/// inside words (`x@y.com`), and the colon, which ICU's root rules remove from MidLetter (so it
/// is ``other`` here).
struct ScalarClassTable: @unchecked Sendable {
  /// The shared table, built on first use.
  static let shared = ScalarClassTable()

  /// Code points at or above this are never in the table.
  static var limit: UInt32 { 0x20D0 }

  // Word-break classes, in the low five bits of an entry (values of the C bridge's GZ_WB_*).
  static var other: UInt16 { UInt16(GZ_WB_OTHER) }
  static var cr: UInt16 { UInt16(GZ_WB_CR) }
  static var lf: UInt16 { UInt16(GZ_WB_LF) }
  static var newline: UInt16 { UInt16(GZ_WB_NEWLINE) }
  static var extend: UInt16 { UInt16(GZ_WB_EXTEND) }
  static var zwj: UInt16 { UInt16(GZ_WB_ZWJ) }
  static var format: UInt16 { UInt16(GZ_WB_FORMAT) }
  static var aLetter: UInt16 { UInt16(GZ_WB_ALETTER) }
  static var numeric: UInt16 { UInt16(GZ_WB_NUMERIC) }
  static var midLetter: UInt16 { UInt16(GZ_WB_MIDLETTER) }
  static var midNum: UInt16 { UInt16(GZ_WB_MIDNUM) }
  static var midNumLet: UInt16 { UInt16(GZ_WB_MIDNUMLET) }
  static var singleQuote: UInt16 { UInt16(GZ_WB_SINGLE_QUOTE) }
  static var doubleQuote: UInt16 { UInt16(GZ_WB_DOUBLE_QUOTE) }
  static var extendNumLet: UInt16 { UInt16(GZ_WB_EXTENDNUMLET) }
  static var wSegSpace: UInt16 { UInt16(GZ_WB_WSEGSPACE) }
  static var complex: UInt16 { UInt16(GZ_WB_COMPLEX) }
  static var classMask: UInt16 { 0x1F }

  // Facts about the code point's general category, above the class bits.
  /// A decimal digit (Nd): a token that starts with one is a ``TokenKind/number``.
  static var decimal: UInt16 { 1 << 5 }
  /// White space (the White_Space property).
  static var whitespace: UInt16 { 1 << 6 }
  /// A letter, mark or number (L*, M*, Nd, Nl, No).
  static var wordCharacter: UInt16 { 1 << 7 }
  /// Punctuation (P*).
  static var punctuation: UInt16 { 1 << 8 }
  /// May follow the digits of a designator: Lu, Ll, Lo, Mn or Mc.
  static var designatorTail: UInt16 { 1 << 9 }
  /// An ASCII or Devanagari decimal digit: may start a designator.
  static var designatorDigit: UInt16 { 1 << 10 }

  // Hints for keying a token straight from its bytes (``Normalizer/withKey(ofUTF8:_:)``): a
  // token none of whose characters has the profile's hint is its own standard or exact key.
  /// The standard key may differ from the character's bytes: an ASCII capital, a hyphen, a
  /// Devanagari letter or sign that folds, a joiner or dash, or any character outside ASCII
  /// and Devanagari.
  static var standardKeyHint: UInt16 { 1 << 11 }
  /// The exact key (NFC) may differ: a nukta, a precomposed nukta letter, a stress mark, or
  /// any character outside ASCII and Devanagari.
  static var exactKeyHint: UInt16 { 1 << 12 }
  /// A nasal consonant (ङ ञ ण न म), which folds with a virama before a consonant.
  static var nasal: UInt16 { 1 << 13 }
  /// The virama.
  static var virama: UInt16 { 1 << 14 }

  /// The entry of every code point outside the table.
  static var complexEntry: UInt16 { complex | standardKeyHint | exactKeyHint }

  /// Entries for code points below ``limit``; allocated once and never freed.
  private let entries: UnsafeMutablePointer<UInt16>

  private init() {
    entries = .allocate(capacity: Int(Self.limit))
    entries.initialize(repeating: Self.complexEntry, count: Int(Self.limit))
    let ranges: [ClosedRange<UInt32>] = [
      0x0000...0x036F, 0x0900...0x097F, 0x2000...0x206F, 0x20A0...0x20CF,
    ]
    for range in ranges {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        entries[Int(value)] = Self.makeEntry(scalar)
      }
    }
  }

  private static func makeEntry(_ scalar: Unicode.Scalar) -> UInt16 {
    var wordBreak = UInt16(gz_word_break_class(scalar.value))
    switch scalar {
    case "@": wordBreak = complex
    case ":": wordBreak = other
    default: break
    }
    let properties = scalar.properties
    var entry = wordBreak
    if properties.isWhitespace { entry |= whitespace }
    switch properties.generalCategory {
    case .decimalNumber:
      entry |= decimal | wordCharacter
    case .uppercaseLetter, .lowercaseLetter, .otherLetter, .nonspacingMark, .spacingMark:
      entry |= wordCharacter | designatorTail
    case .titlecaseLetter, .modifierLetter, .enclosingMark, .letterNumber, .otherNumber:
      entry |= wordCharacter
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      entry |= punctuation
    default:
      break
    }
    if (0x30...0x39).contains(scalar.value) || (0x0966...0x096F).contains(scalar.value) {
      entry |= designatorDigit
    }
    return entry | keyHints(scalar.value)
  }

  /// The key hints of a code point, following ``DevanagariFolds`` and the standard folds.
  private static func keyHints(_ value: UInt32) -> UInt16 {
    switch value {
    case 0x41...0x5A, 0x2D: return standardKeyHint
    case 0x00..<0x80: return 0
    case 0x0919, 0x091E, 0x0923, 0x0928, 0x092E: return nasal
    case 0x094D: return virama
    case 0x093C, 0x0958...0x095F, 0x0951...0x0954: return standardKeyHint | exactKeyHint
    case 0x0901, 0x0911, 0x0929, 0x0931, 0x0934, 0x0949, 0x0966...0x096F: return standardKeyHint
    case 0x0900...0x097F: return 0
    case 0x200C, 0x200D, 0x2010...0x2015: return standardKeyHint
    default: return standardKeyHint | exactKeyHint
    }
  }

  /// The entry of code point `value`.
  @inline(__always)
  func entry(_ value: UInt32) -> UInt16 {
    value < Self.limit ? entries[Int(value)] : Self.complexEntry
  }

  /// The entry of the scalar that starts at byte `index` of well-formed UTF-8, and its length
  /// in bytes.
  @inline(__always)
  func entry(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (entry: UInt16, length: Int) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (entries[Int(lead)], 1) }
    if lead == 0xE0 {
      // U+0800–U+0FFF, Devanagari among them: always inside the table.
      return (
        entries[Int(UInt32(bytes[index &+ 1] & 0x3F) << 6 | UInt32(bytes[index &+ 2] & 0x3F))], 3
      )
    }
    if lead < 0xE0 {
      return (entries[Int((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))], 2)
    }
    if lead < 0xF0 {
      let value =
        (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
        | UInt32(bytes[index + 2] & 0x3F)
      return (entry(value), 3)
    }
    return (Self.complexEntry, 4)
  }
}
