import CGazetagICU

/// Splits text into ICU word-break segments (UAX #29, locale `hi`), each with its kind and its
/// range in the original text.
///
/// Every byte of the input belongs to exactly one token, so tokens tile the text. Hyphens and
/// dashes, `।`, `॥` and NBSP are tokens of their own; `23ए` and `ह्वासोंग` with a nukta or ZWJ
/// inside stay one token (see Documentation/Architecture.md for the measured ICU behaviour).
public struct Tokenizer: Sendable {
  public init() {}

  /// The tokens of `text`, in order. Ranges are in UTF-8 bytes of `text`.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public func tokens(in text: String) -> [Token] {
    var text = text
    return text.withUTF8 { tokens(inUTF8: $0) }
  }

  /// The tokens of well-formed UTF-8 `bytes`, in order. Ranges are in UTF-8 bytes.
  ///
  /// The break loop runs in C over the caller's buffer, which is only read while this call runs.
  /// - Precondition: `bytes` is well-formed UTF-8 shorter than 2 GiB.
  /// - Complexity: O(*n*) in the number of bytes.
  public func tokens(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
    precondition(bytes.count < Int(Int32.max), "a text for the tokenizer must be under 2 GiB")
    var error: Int32 = 0
    guard let breaker = gz_word_breaker_open(base, Int32(bytes.count), &error) else {
      preconditionFailure("ICU word break failed to open (UErrorCode \(error))")
    }
    defer { gz_word_breaker_close(breaker) }

    var tokens: [Token] = []
    tokens.reserveCapacity(bytes.count / 4)
    let batchSize: Int32 = 1024
    var boundaries = [Int32](repeating: 0, count: Int(batchSize))
    var start = 0
    while true {
      let count = boundaries.withUnsafeMutableBufferPointer {
        Int(gz_word_breaker_next(breaker, $0.baseAddress!, batchSize))
      }
      if count == 0 { break }
      for index in 0..<count {
        let end = Int(boundaries[index])
        tokens.append(Token(utf8Range: start..<end, kind: Self.kind(of: start..<end, in: bytes)))
        start = end
      }
    }
    return tokens
  }

  @inline(__always)
  static func kind(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> TokenKind {
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
}
