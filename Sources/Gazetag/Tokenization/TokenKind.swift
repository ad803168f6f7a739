/// What a token is made of. Decided from the token's characters, not from ICU's rule status
/// (ICU reports `23ए` as a letter and `A11` as a number).
public enum TokenKind: String, Hashable, Sendable, CaseIterable {
  /// Letters, marks or digits that do not start with a digit: `किम`, `A11`, `किमJong`.
  case word
  /// Starts with a decimal digit of any script: `11`, `२०२४`, `23ए`, `३.५`.
  case number
  /// Punctuation only: `।`, `॥`, `,`, `-`, `(`.
  case punctuation
  /// Anything else that is not whitespace: emoji, currency and math symbols, lone format
  /// characters.
  case symbol
  /// White space of any kind and length: space, tab, newline, NBSP, runs of them.
  case whitespace

  /// The kind of the token at `range` (UTF-8 byte offsets) of well-formed UTF-8 `bytes`.
  static func of(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> TokenKind {
    let lead = bytes[range.lowerBound]
    if lead < 0x80 && range.count == 1 {
      switch lead {
      case 0x30...0x39: return .number
      case 0x41...0x5A, 0x61...0x7A: return .word
      case 0x09...0x0D, 0x20: return .whitespace
      default: break
      }
    }
    var index = range.lowerBound
    return TokenKind(
      classifying: AnyIterator<Unicode.Scalar> {
        guard index < range.upperBound else { return nil }
        let (scalar, length) = bytes.scalar(at: index)
        index += length
        return scalar
      })
  }

  /// Classifies the scalars of one token.
  init(classifying scalars: some Sequence<Unicode.Scalar>) {
    var first = true
    var allWhitespace = true
    var allPunctuation = true
    var hasWordCharacter = false
    for scalar in scalars {
      let properties = scalar.properties
      let category = properties.generalCategory
      if first, category == .decimalNumber {
        self = .number
        return
      }
      first = false
      if !properties.isWhitespace { allWhitespace = false }
      switch category {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber,
        .otherNumber:
        hasWordCharacter = true
        allPunctuation = false
      case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation:
        break
      default:
        allPunctuation = false
      }
    }
    if allWhitespace {
      self = .whitespace
    } else if hasWordCharacter {
      self = .word
    } else if allPunctuation {
      self = .punctuation
    } else {
      self = .symbol
    }
  }
}
