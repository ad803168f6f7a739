import CGazetagICU

/// ICU's word-break iterator (UAX #29, locale `hi`) over stretches of one UTF-8 buffer.
///
/// Opening an ICU iterator is costly, so one breaker serves every stretch it is pointed at.
/// ICU keeps the text pointer: a breaker may only be used while the buffer it reads is valid,
/// which is why it lives inside one ``Tokenizer`` call and is never stored.
final class ICUWordBreaker {
  private let breaker: OpaquePointer
  private let bytes: UnsafeBufferPointer<UInt8>

  /// Opens a breaker over `bytes`, which must stay valid while the breaker is used.
  /// - Precondition: `bytes` is non-empty well-formed UTF-8 shorter than 2 GiB.
  init(over bytes: UnsafeBufferPointer<UInt8>) {
    precondition(bytes.count < Int(Int32.max), "a text for the tokenizer must be under 2 GiB")
    var error: Int32 = 0
    guard let breaker = gz_word_breaker_open(bytes.baseAddress!, 0, &error) else {
      preconditionFailure("ICU word break failed to open (UErrorCode \(error))")
    }
    self.breaker = breaker
    self.bytes = bytes
  }

  deinit {
    gz_word_breaker_close(breaker)
  }

  /// Appends the ICU segments of the bytes in `range` to `tokens`.
  ///
  /// - Parameter range: UTF-8 byte offsets into the buffer; both ends must be ICU word
  ///   boundaries of the whole buffer, so that ICU sees the stretch as it would in place.
  func appendTokens(of range: Range<Int>, to tokens: inout [Token]) {
    guard !range.isEmpty else { return }
    let error = gz_word_breaker_reset(
      breaker, bytes.baseAddress! + range.lowerBound, Int32(range.count))
    precondition(error == 0, "ICU word break failed (UErrorCode \(error))")
    let batchSize: Int32 = 256
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: Int(batchSize)) { boundaries in
      var start = range.lowerBound
      while true {
        let count = Int(gz_word_breaker_next(breaker, boundaries.baseAddress!, batchSize))
        if count == 0 { break }
        for index in 0..<count {
          let end = range.lowerBound + Int(boundaries[index])
          tokens.append(
            Token(utf8Range: start..<end, kind: TokenKind.of(start..<end, in: bytes)))
          start = end
        }
      }
    }
  }
}
