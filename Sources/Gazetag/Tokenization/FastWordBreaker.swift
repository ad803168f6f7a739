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
    var icu: ICUWordBreaker?
    var start = 0
    while start < bytes.count {
      if let (end, kind) = segment(at: start) {
        tokens.append(Token(utf8Range: start..<end, kind: kind))
        start = end
      } else {
        let end = nextCertainBoundary(after: start)
        if icu == nil { icu = ICUWordBreaker(over: bytes) }
        icu!.appendTokens(of: start..<end, to: &tokens)
        start = end
      }
    }
  }

  @inline(__always)
  private static func wordBreakClass(_ entry: UInt16) -> UInt16 { entry & Table.classMask }

  /// Extend, Format or ZWJ: characters that attach to the one before them (WB4).
  @inline(__always)
  private static func isExtendOrFormat(_ wordBreak: UInt16) -> Bool {
    wordBreak &- Table.extend <= Table.format - Table.extend
  }

  /// The end of the segment that starts at `start` (a boundary) and its kind, or `nil` when
  /// the segment or the character after it is one that only ICU's full rules can place.
  @inline(__always)
  private func segment(at start: Int) -> (end: Int, kind: TokenKind)? {
    let count = bytes.count
    let (first, firstLength) = table.entry(at: start, in: bytes)
    var end = start + firstLength
    var all = first
    var any = first
    switch Self.wordBreakClass(first) {
    case Table.complex:
      return nil
    case Table.cr:
      if end < count && bytes[end] == 0x0A {
        end += 1
        all &= table.entry(0x0A)
        any |= table.entry(0x0A)
      }
    case Table.lf, Table.newline:
      break
    case Table.aLetter, Table.numeric, Table.extendNumLet:
      guard let wordEnd = wordEnd(after: end, first: first, all: &all, any: &any) else {
        return nil
      }
      end = wordEnd
    case Table.wSegSpace:
      while end < count {
        let (entry, length) = table.entry(at: end, in: bytes)
        guard Self.wordBreakClass(entry) == Table.wSegSpace else { break }
        all &= entry
        any |= entry
        end += length
      }
      end = extendEnd(after: end, all: &all, any: &any)
    default:
      // Other, Extend/Format/ZWJ at the start of a segment, and a Mid* or quote character
      // that did not join two letters or numbers: the character and what attaches to it.
      end = extendEnd(after: end, all: &all, any: &any)
    }
    if end < count
      && Self.wordBreakClass(table.entry(at: end, in: bytes).entry) == Table.complex
    {
      return nil
    }
    return (end, Self.kind(first: first, all: all, any: any))
  }

  /// Skips the Extend, Format and ZWJ characters from `index` on (WB4).
  @inline(__always)
  private func extendEnd(after index: Int, all: inout UInt16, any: inout UInt16) -> Int {
    var index = index
    while index < bytes.count {
      let (entry, length) = table.entry(at: index, in: bytes)
      guard Self.isExtendOrFormat(Self.wordBreakClass(entry)) else { break }
      all &= entry
      any |= entry
      index += length
    }
    return index
  }

  /// The end of a word that started with a letter, number or connector before `index`
  /// (WB5–WB13b), or `nil` when a character whose rules the table lacks decides it.
  @inline(__always)
  private func wordEnd(after index: Int, first: UInt16, all: inout UInt16, any: inout UInt16)
    -> Int?
  {
    let count = bytes.count
    var last = Self.wordBreakClass(first)
    var index = index
    while index < count {
      let (entry, length) = table.entry(at: index, in: bytes)
      let wordBreak = Self.wordBreakClass(entry)
      switch wordBreak {
      case Table.aLetter, Table.numeric, Table.extendNumLet:
        last = wordBreak
      case Table.extend, Table.format, Table.zwj:
        break
      case Table.midLetter, Table.midNumLet, Table.singleQuote, Table.midNum:
        // WB6/7 and WB11/12: the middle character joins only between two letters or two
        // numbers, ignoring Extend/Format/ZWJ on either side.
        var midAll = entry
        var midAny = entry
        let after = extendEnd(after: index + length, all: &midAll, any: &midAny)
        guard after < count else { return index }
        let (next, _) = table.entry(at: after, in: bytes)
        let nextClass = Self.wordBreakClass(next)
        if nextClass == Table.complex { return nil }
        let betweenLetters =
          last == Table.aLetter && nextClass == Table.aLetter && wordBreak != Table.midNum
        let betweenNumbers =
          last == Table.numeric && nextClass == Table.numeric && wordBreak != Table.midLetter
        guard betweenLetters || betweenNumbers else { return index }
        all &= midAll
        any |= midAny
        index = after
        continue
      case Table.complex:
        return nil
      default:
        return index
      }
      all &= entry
      any |= entry
      index += length
    }
    return index
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
