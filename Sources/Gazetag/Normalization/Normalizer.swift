import CGazetagICU

/// Computes matching keys: the one function through which gazetteer aliases and text tokens
/// alike pass before they are compared.
///
/// A key is computed per token and never changes the text itself, so no offset ever shifts.
/// A token whose key is empty (whitespace, and under ``MatchingProfile/standard`` hyphens,
/// dashes and lone joiners) is a separator: it never takes part in a match and any number of
/// separators may stand between the tokens of a name.
public struct Normalizer: Sendable {
  /// The profile the keys follow.
  public var profile: MatchingProfile
  /// The Devanagari folds for keying tokens from their bytes, held here so that hot loops do
  /// not go through a lazily initialized global.
  let folds = DevanagariFolds.shared

  public init(profile: MatchingProfile) {
    self.profile = profile
  }

  /// The matching key of one token's text; empty for a separator.
  ///
  /// - Complexity: O(*n*) in the length of `token`.
  public func key(for token: some StringProtocol) -> String {
    var scalars = Array(token.unicodeScalars)
    if scalars.allSatisfy({ $0.properties.isWhitespace }) { return "" }
    if Self.needsNFC(scalars) {
      scalars = Array(Self.nfc(String(String.UnicodeScalarView(scalars))).unicodeScalars)
    }
    if profile == .exact { return String(String.UnicodeScalarView(scalars)) }
    var folded = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      switch scalar.value {
      case 0x200C, 0x200D, 0x00AD, 0x2060, 0xFEFF, 0x093C:
        continue  // joiners, soft hyphen, word joiner, BOM, nukta
      case 0x002D, 0x2010...0x2015, 0x2212:
        continue  // hyphens and dashes separate like whitespace
      case 0x0966...0x096F:
        folded.append(Unicode.Scalar(scalar.value - 0x0966 + 0x30)!)
      case 0x0929: folded.append("\u{0928}")  // ऩ → न
      case 0x0931: folded.append("\u{0930}")  // ऱ → र
      case 0x0934: folded.append("\u{0933}")  // ऴ → ळ
      case 0x0901: folded.append("\u{0902}")  // chandrabindu → anusvara
      case 0x0949: folded.append("\u{093E}")  // candra o sign ॉ → ा
      case 0x0911: folded.append("\u{0906}")  // candra o letter ऑ → आ
      case 0x094D where Self.isNasal(folded.last) && Self.consonantFollows(scalars, from: index):
        folded.removeLast()
        folded.append("\u{0902}")  // हिन्दी → हिंदी
      case 0x41...0x5A:
        folded.append(Unicode.Scalar(scalar.value + 0x20)!)
      case 0xC0..<0x250:
        folded.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      default:
        folded.append(scalar)
      }
    }
    return String(folded)
  }

  /// Whether `token` is a separator under this profile: its key is empty.
  public func isSeparator(_ token: some StringProtocol) -> Bool {
    key(for: token).isEmpty
  }

  /// A cheap test that lets plain Devanagari, Latin and ASCII skip ICU: only scalars that take
  /// part in canonical composition or reordering need NFC.
  static func needsNFC(_ scalars: [Unicode.Scalar]) -> Bool {
    for scalar in scalars {
      switch scalar.value {
      case 0..<0x300: continue
      case 0x0900...0x0928, 0x092A...0x0930, 0x0932, 0x0933, 0x0935...0x093B, 0x093D...0x094C,
        0x094E...0x0950, 0x0955...0x0957, 0x0960...0x097F:
        continue
      case 0x200C, 0x200D, 0x2010...0x2015, 0x2212, 0x2060, 0xFEFF:
        continue
      default:
        return true
      }
    }
    return false
  }

  static func nfc(_ text: String) -> String {
    var text = text
    return text.withUTF8 { source -> String in
      var error: Int32 = 0
      var capacity = source.count * 3 + 16
      while true {
        var result: String?
        var needed: Int32 = 0
        result = String(unsafeUninitializedCapacity: capacity) { destination in
          needed = gz_nfc_utf8(
            source.baseAddress!, Int32(source.count), destination.baseAddress!,
            Int32(capacity), &error)
          return needed >= 0 && Int(needed) <= capacity ? Int(needed) : 0
        }
        precondition(needed >= 0, "ICU NFC failed on valid UTF-8 (UErrorCode \(error))")
        if Int(needed) <= capacity { return result! }
        capacity = Int(needed)
      }
    }
  }

  static func isNasal(_ scalar: Unicode.Scalar?) -> Bool {
    switch scalar?.value {
    case 0x0919, 0x091E, 0x0923, 0x0928, 0x092E: true  // ङ ञ ण न म
    default: false
    }
  }

  /// Whether the next scalar that is not a joiner or nukta is a Devanagari consonant.
  static func consonantFollows(_ scalars: [Unicode.Scalar], from index: Int) -> Bool {
    var index = index
    while index < scalars.count {
      switch scalars[index].value {
      case 0x200C, 0x200D, 0x093C: index += 1
      case 0x0915...0x0939, 0x0958...0x095F: return true
      default: return false
      }
    }
    return false
  }
}
