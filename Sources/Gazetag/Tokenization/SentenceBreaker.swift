import CGazetagICU

/// ICU's sentence break (UAX #29, locale `hi`), which ends a sentence after `।`, `.`, `?`, `!`
/// and their like followed by white space, and at a paragraph separator (a line break).
public enum SentenceBreaker {
  /// The sentences of well-formed UTF-8 `bytes`, in order and together covering them all, as
  /// ranges of UTF-8 byte offsets; a sentence includes the white space that follows it.
  ///
  /// - Precondition: `bytes` is shorter than 2 GiB.
  public static func sentences(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    guard !bytes.isEmpty else { return [] }
    precondition(bytes.count < Int(Int32.max), "a text for sentence break must be under 2 GiB")
    // Room for a sentence per 16 bytes first (a short Hindi sentence has more), then, if the
    // text has more, for as many as it has bytes.
    var ends: [Int32] = []
    for capacity in [bytes.count / 16 + 1, bytes.count] {
      var error: Int32 = 0
      ends = [Int32](unsafeUninitializedCapacity: capacity) { buffer, count in
        let found = gz_sentence_boundaries(
          bytes.baseAddress!, Int32(bytes.count), buffer.baseAddress!, Int32(capacity), &error)
        count = max(0, Int(found))
      }
      precondition(error == 0, "ICU sentence break failed (UErrorCode \(error))")
      if ends.last == Int32(bytes.count) { break }
    }
    var start = 0
    return ends.map { end in
      defer { start = Int(end) }
      return start..<Int(end)
    }
  }
}
