/// Finds places where a text can be cut so that tagging the parts separately yields exactly the
/// spans of tagging it whole. Streaming and parallel tagging both cut only there.
///
/// A cut is *safe* at the start of a token that follows white space (ICU breaks there whatever
/// comes before or after, so both parts tokenize as the whole does) when no candidate match
/// crosses it (so the overlap resolution of each part is independent of the other). Candidates
/// are at most ``Matcher/longestPattern`` keyed tokens long, so looking at a window of text
/// around the wanted place is enough.
struct SplitPlanner: Sendable {
  /// The tagger whose tokenizer and matcher decide.
  let tagger: Tagger
  /// How many bytes on each side of the wanted place are searched.
  let window: Int

  init(tagger: Tagger, window: Int = 1 << 16) {
    self.tagger = tagger
    self.window = window
  }

  /// A safe cut near `target`, as a UTF-8 byte offset into `bytes`, or `nil` when the window
  /// around `target` holds none.
  ///
  /// - Parameters:
  ///   - bytes: well-formed UTF-8, except that it may end inside a scalar when `isWhole` is
  ///     false.
  ///   - target: the wanted byte offset.
  ///   - isWhole: whether `bytes` is the whole rest of the text (nothing follows it).
  /// - Complexity: O(*w*) in the window size.
  func cut(in bytes: UnsafeBufferPointer<UInt8>, near target: Int, isWhole: Bool) -> Int? {
    let count = bytes.count
    var start = max(0, min(target, count) - window)
    while start > 0 && !Self.isSafeBoundary(start, in: bytes) { start -= 1 }
    var end = min(count, target + window)
    if end == count && !isWhole {
      // The text may stop inside a scalar: leave out an unfinished last one.
      var lead = end - 1
      while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
      if lead >= start && lead + Self.length(ofScalarStartingWith: bytes[lead]) > end { end = lead }
    }
    while end < count && end > start && bytes[end] & 0xC0 == 0x80 { end -= 1 }
    let reachesEnd = isWhole && end == count
    guard end > start else { return nil }
    let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
    let keyed = tagger.matcher.keyedTokens(inUTF8: piece, tokenizer: tagger.tokenizer)
    var crossed = [Bool](repeating: false, count: keyed.count + 1)
    for candidate in tagger.matcher.candidates(in: keyed) {
      for index in candidate.tokens.dropFirst() { crossed[index] = true }
    }
    // A candidate crossing index i starts at most `longest - 1` tokens before it; the last
    // tokens of an unfinished window may still change once more text arrives.
    let longest = max(1, tagger.matcher.longestPattern)
    let first = start == 0 ? 1 : longest + 1
    let last = keyed.count - (reachesEnd ? 1 : longest + 3)
    guard first <= last else { return nil }
    var best: Int?
    for index in first...last where !crossed[index] {
      let offset = start + keyed[index].utf8Range.lowerBound
      guard Self.isSafeBoundary(offset, in: bytes) else { continue }
      if best.map({ abs($0 - target) > abs(offset - target) }) ?? true { best = offset }
    }
    return best
  }

  /// Whether ICU's word break has a boundary at `offset` whatever text surrounds it: the scalar
  /// before is white space and the scalar at `offset` is neither white space nor a mark or
  /// format character that would attach to it (UAX #29 WB3a–WB4, WB999).
  static func isSafeBoundary(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard offset > 0, offset < bytes.count, bytes[offset] & 0xC0 != 0x80 else { return false }
    var previous = offset - 1
    while previous > 0 && bytes[previous] & 0xC0 == 0x80 { previous -= 1 }
    guard offset - previous == Self.length(ofScalarStartingWith: bytes[previous]) else {
      return false
    }
    let length = Self.length(ofScalarStartingWith: bytes[offset])
    guard offset + length <= bytes.count else { return false }
    let before = bytes.scalar(at: previous).scalar
    let after = bytes.scalar(at: offset).scalar.properties
    guard before.properties.isWhitespace, !after.isWhitespace else { return false }
    switch after.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format: return false
    default: return true
    }
  }

  private static func length(ofScalarStartingWith lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }
}
