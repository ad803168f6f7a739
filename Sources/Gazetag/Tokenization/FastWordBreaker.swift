/// Splits UTF-8 text into exactly the segments of ICU's word-break iterator without calling ICU
/// for the common scripts: Latin, Devanagari, digits, white space and punctuation.
///
/// It implements the UAX #29 word rules that those characters can trigger (WB3–WB13b: CR LF,
/// newlines, white-space runs, Extend/Format/ZWJ attaching to the character before them,
/// letters and numbers joining, and the MidLetter/MidNum look-ahead of WB6/7 and WB11/12),
/// with the word-break classes taken from the ICU library's own data
/// (``ScalarClassTable``). A segment that touches any other character (emoji, regional
/// indicators, Hebrew, Katakana, the scripts ICU splits with a dictionary, `@`) is handed to
/// ICU together with the rest of the text up to the next place where ICU must break whatever
/// comes before it (see ``nextCertainBoundary(after:)``); the fast path resumes there.
///
/// `Tests/GazetagTests/Tokenization/FastPathDifferentialTests.swift` proves the segments and
/// kinds equal those of ``Tokenizer/Strategy/icu`` on a large generated corpus and on every
/// code point of the table in every context class.
struct FastWordBreaker {
  typealias Table = ScalarClassTable

  let bytes: UnsafeBufferPointer<UInt8>
  private let table = ScalarClassTable.shared

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Appends the tokens of the text to `tokens`, in order; ranges in UTF-8 bytes.
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  func appendTokens(to tokens: inout [Token]) {
    forEachToken { range, kind, _ in tokens.append(Token(utf8Range: range, kind: kind)) }
  }

  /// Calls `body` with each token in order: its range in UTF-8 bytes, its kind, and the OR of
  /// the ``ScalarClassTable`` entries of its characters, or ``ScalarClassTable/complexEntry``
  /// for a token that ICU made (whose characters the table may not know).
  ///
  /// Each scalar is decoded once: the one that ends a segment is carried into the next.
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  @inline(__always)
  func forEachToken(_ body: (Range<Int>, TokenKind, UInt16) -> Void) {
    let count = bytes.count
    var icu: ICUWordBreaker?
    var icuTokens: [Token] = []
    var start = 0
    var (first, firstLength) = scalar(at: 0)
    while start < count {
      var end = start &+ firstLength
      var all = first
      var any = first
      var next: UInt16
      var nextLength: Int
      var needsICU = false
      switch Self.wordBreakClass(first) {
      case Table.complex:
        needsICU = true
        (next, nextLength) = (Self.endOfText, 0)
      case Table.cr:
        (next, nextLength) = scalar(at: end)
        if Self.wordBreakClass(next) == Table.lf {
          all &= next
          any |= next
          end &+= 1
          (next, nextLength) = scalar(at: end)
        }
      case Table.lf, Table.newline:
        (next, nextLength) = scalar(at: end)
      case Table.aLetter, Table.numeric, Table.extendNumLet:
        (end, next, nextLength, needsICU) = wordEnd(
          after: end, first: first, all: &all, any: &any)
      case Table.wSegSpace:
        // WB3d: white space runs stay together; then WB4.
        (next, nextLength) = scalar(at: end)
        while Self.wordBreakClass(next) == Table.wSegSpace {
          all &= next
          any |= next
          end &+= nextLength
          (next, nextLength) = scalar(at: end)
        }
        (end, next, nextLength) = extendEnd(end, next, nextLength, all: &all, any: &any)
      default:
        // Other, Extend/Format/ZWJ at the start of a segment, and a Mid* or quote character
        // that did not join two letters or numbers: the character and what attaches to it.
        (next, nextLength) = scalar(at: end)
        (end, next, nextLength) = extendEnd(end, next, nextLength, all: &all, any: &any)
      }
      if needsICU || Self.wordBreakClass(next) == Table.complex {
        // The segment or the character after it needs ICU's full rules: ICU segments the
        // text from here to a place where it must break whatever precedes.
        let stop = nextCertainBoundary(after: start)
        if icu == nil { icu = ICUWordBreaker(over: bytes) }
        icuTokens.removeAll(keepingCapacity: true)
        icu!.appendTokens(of: start..<stop, to: &icuTokens)
        for token in icuTokens {
          body(token.utf8Range, token.kind, Table.complexEntry)
        }
        start = stop
        (first, firstLength) = scalar(at: start)
        continue
      }
      body(start..<end, Self.kind(first: first, all: all, any: any), any)
      start = end
      (first, firstLength) = (next, nextLength)
    }
  }

  /// The entry given for the end of the text: no class that joins, no flags.
  private static var endOfText: UInt16 { Table.other }

  /// The entry and length of the scalar at byte `index`, or ``endOfText`` and 0 at the end.
  @inline(__always)
  private func scalar(at index: Int) -> (entry: UInt16, length: Int) {
    guard index < bytes.count else { return (Self.endOfText, 0) }
    return table.entry(at: index, in: bytes)
  }

  @inline(__always)
  private static func wordBreakClass(_ entry: UInt16) -> UInt16 { entry & Table.classMask }

  @inline(__always)
  private static func bit(_ wordBreak: UInt16) -> UInt32 { 1 &<< UInt32(wordBreak) }

  /// Extend, Format or ZWJ: characters that attach to the one before them (WB4).
  private static var extendOrFormat: UInt32 {
    bit(Table.extend) | bit(Table.zwj) | bit(Table.format)
  }
  /// Letters, numbers and connectors: they join each other (WB5, WB8–WB10, WB13a/b).
  private static var joining: UInt32 {
    bit(Table.aLetter) | bit(Table.numeric) | bit(Table.extendNumLet)
  }
  /// The characters that join two letters or two numbers (WB6/7, WB11/12).
  private static var middle: UInt32 {
    bit(Table.midLetter) | bit(Table.midNumLet) | bit(Table.singleQuote) | bit(Table.midNum)
  }

  /// Skips the Extend, Format and ZWJ characters from `next`, which starts at `index` (WB4).
  /// - Returns: the end of the skipped run and the scalar after it.
  @inline(__always)
  private func extendEnd(
    _ index: Int, _ next: UInt16, _ nextLength: Int, all: inout UInt16, any: inout UInt16
  ) -> (end: Int, next: UInt16, nextLength: Int) {
    var (index, next, nextLength) = (index, next, nextLength)
    while Self.bit(Self.wordBreakClass(next)) & Self.extendOrFormat != 0 {
      all &= next
      any |= next
      index &+= nextLength
      (next, nextLength) = scalar(at: index)
    }
    return (index, next, nextLength)
  }

  /// The end of a word that started with a letter, number or connector before `index`
  /// (WB5–WB13b), the scalar after it, and whether a character whose rules the table lacks
  /// decides it.
  @inline(__always)
  private func wordEnd(after index: Int, first: UInt16, all: inout UInt16, any: inout UInt16)
    -> (end: Int, next: UInt16, nextLength: Int, needsICU: Bool)
  {
    let continuing = Self.joining | Self.extendOrFormat
    var last = Self.wordBreakClass(first)
    var index = index
    while true {
      let (entry, length) = scalar(at: index)
      let wordBreak = Self.wordBreakClass(entry)
      let bit = Self.bit(wordBreak)
      if bit & continuing != 0 {
        if bit & Self.joining != 0 { last = wordBreak }
        all &= entry
        any |= entry
        index &+= length
        continue
      }
      if bit & Self.middle != 0 {
        // WB6/7 and WB11/12: the middle character joins only between two letters or two
        // numbers, ignoring Extend/Format/ZWJ on either side.
        var midAll = entry
        var midAny = entry
        let (afterMid, afterMidLength) = scalar(at: index &+ length)
        let (after, next, _) = extendEnd(
          index &+ length, afterMid, afterMidLength, all: &midAll, any: &midAny)
        let nextClass = Self.wordBreakClass(next)
        if nextClass == Table.complex { return (index, entry, length, true) }
        let betweenLetters =
          last == Table.aLetter && nextClass == Table.aLetter && wordBreak != Table.midNum
        let betweenNumbers =
          last == Table.numeric && nextClass == Table.numeric && wordBreak != Table.midLetter
        if betweenLetters || betweenNumbers {
          all &= midAll
          any |= midAny
          index = after
          continue
        }
      }
      return (index, entry, length, wordBreak == Table.complex)
    }
  }

  /// The kind of a token from the entries of its first scalar, the AND of all its entries and
  /// their OR, following ``TokenKind/init(classifying:)``.
  @inline(__always)
  private static func kind(first: UInt16, all: UInt16, any: UInt16) -> TokenKind {
    if first & Table.decimal != 0 { return .number }
    if all & Table.whitespace != 0 { return .whitespace }
    if any & Table.wordCharacter != 0 { return .word }
    if all & Table.punctuation != 0 { return .punctuation }
    return .symbol
  }

  /// The first position after `start` at which ICU breaks whatever precedes it: after a line
  /// feed (WB3a), before a line feed that does not follow a carriage return (WB3b), or before
  /// a space that follows an ASCII character other than a space or a Devanagari character (no
  /// rule joins such a pair: only WB3d joins a space to what precedes it, and only to white
  /// space). The end of the text if there is none.
  func nextCertainBoundary(after start: Int) -> Int {
    var index = start + 1
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      let previous = bytes[index - 1]
      if previous == 0x0A { return index }
      if byte == 0x0A && previous != 0x0D { return index }
      if byte == 0x20 {
        if previous < 0x80 && previous != 0x20 { return index }
        if index >= 3 && bytes[index - 3] == 0xE0 && (bytes[index - 2] & 0xFE) == 0xA4 {
          return index
        }
      }
      index += 1
    }
    return count
  }
}
