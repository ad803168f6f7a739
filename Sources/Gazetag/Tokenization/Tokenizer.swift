/// Splits text into ICU word-break segments (UAX #29, locale `hi`), each with its kind and its
/// range in the original text.
///
/// Every byte of the input belongs to exactly one token, so tokens tile the text. Hyphens and
/// dashes, `।`, `॥` and NBSP are tokens of their own; `23ए` and `ह्वासोंग` with a nukta or ZWJ
/// inside stay one token (see Documentation/Architecture.md for the measured ICU behaviour).
public struct Tokenizer: Sendable {
  /// How the segments are found. Both strategies give the same tokens.
  public enum Strategy: Sendable, Hashable {
    /// Segments Latin, Devanagari, digits, white space and punctuation without calling ICU
    /// (with ICU's rules and ICU's character data), and hands any stretch of text with other
    /// characters to ICU. The default.
    case fast
    /// Runs ICU's break iterator over the whole text.
    case icu
  }

  /// How the segments are found.
  public var strategy: Strategy

  public init(strategy: Strategy = .fast) {
    self.strategy = strategy
  }

  /// The tokens of `text`, in order. Ranges are in UTF-8 bytes of `text`.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public func tokens(in text: String) -> [Token] {
    var text = text
    return text.withUTF8 { tokens(inUTF8: $0) }
  }

  /// The tokens of well-formed UTF-8 `bytes`, in order. Ranges are in UTF-8 bytes.
  ///
  /// ICU, where it is called, reads the caller's buffer only while this call runs.
  /// - Precondition: `bytes` is well-formed UTF-8 shorter than 2 GiB.
  /// - Complexity: O(*n*) in the number of bytes.
  public func tokens(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(bytes.count / 8 + 16)
    appendTokens(inUTF8: bytes, to: &tokens)
    return tokens
  }

  /// Appends the tokens of well-formed UTF-8 `bytes` to `tokens`, so that a caller tokenizing
  /// many short texts can reuse one array. Ranges are in UTF-8 bytes of `bytes`.
  ///
  /// - Precondition: `bytes` is well-formed UTF-8 shorter than 2 GiB.
  func appendTokens(inUTF8 bytes: UnsafeBufferPointer<UInt8>, to tokens: inout [Token]) {
    guard !bytes.isEmpty else { return }
    precondition(bytes.count < Int(Int32.max), "a text for the tokenizer must be under 2 GiB")
    switch strategy {
    case .fast:
      FastWordBreaker(bytes).appendTokens(to: &tokens)
    case .icu:
      ICUWordBreaker(over: bytes).appendTokens(of: 0..<bytes.count, to: &tokens)
    }
  }
}
