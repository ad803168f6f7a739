import CGazetagICU

/// Places where ICU's word break puts a boundary whatever text surrounds the two scalars next
/// to them: a text cut there tokenizes, part by part, exactly as the whole does.
///
/// ICU's word rules (UAX #29 with ICU's own sets, chained) join two characters only in these
/// ways: CR LF (WB3), two spaces (WB3d), Extend/Format/ZWJ to whatever precedes them (WB4),
/// ZWJ to a pictograph (WB3c), letters, numbers and connectors to each other (WB5, WB8–WB10,
/// WB13a/b), a MidLetter/MidNumLet/quote between two letters and a MidNum/MidNumLet/quote
/// between two numbers (WB6/7, WB11/12), and rules for Hebrew, Katakana, regional indicators,
/// emoji and the dictionary scripts. So a boundary is certain between:
///
/// - anything after a line feed or newline, or after a CR not followed by a line feed; and
///   anything before a CR, line feed or newline (WB3a/b);
/// - anything and a following character of class Other (punctuation such as `(`, `/`, `+`,
///   `=`, `-`, `।`, tab, NBSP), and such a character and whatever follows it unless that
///   attaches to it;
/// - a space and a following non-space, or the other way round;
/// - two characters of the simple classes (letters, numbers, connectors, Mid*, quotes) that
///   no rule above joins, such as two full stops, a letter and a comma, or a number and a
///   colon.
///
/// A character whose class the table does not settle (emoji, Hebrew, Katakana, the dictionary
/// scripts) or that attaches to the one before it (Extend, Format, ZWJ) makes the boundary
/// uncertain unless the rules above settle it from the other side. The classes are ICU's own
/// (``ScalarClassTable`` and the C bridge's `gz_word_break_class`), so the decision agrees
/// with the library that the tokenizer follows.
enum CertainBoundary {
  typealias Table = ScalarClassTable

  /// Whether ICU's word break has a boundary at byte `offset` of `bytes` whatever text comes
  /// before the scalar that ends there and after the scalar that starts there.
  ///
  /// - Parameter bytes: UTF-8; `offset` must start a scalar that is complete in `bytes`, and
  ///   a complete scalar must end there, for the answer to be `true`.
  static func isCertain(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard offset > 0, offset < bytes.count, bytes[offset] & 0xC0 != 0x80 else { return false }
    var previous = offset - 1
    while previous > 0 && bytes[previous] & 0xC0 == 0x80 && offset - previous < 4 {
      previous -= 1
    }
    guard let before = wordBreakClass(at: previous, in: bytes), before.length == offset - previous,
      let after = wordBreakClass(at: offset, in: bytes)
    else { return false }
    return isCertain(between: before.class, and: after.class)
  }

  /// The word-break class (a ``ScalarClassTable`` class) of the scalar that starts at byte
  /// `index`, and its length in bytes; `nil` when the scalar does not start there or does not
  /// end inside `bytes`.
  @inline(__always)
  static func wordBreakClass(at index: Int, in bytes: UnsafeBufferPointer<UInt8>)
    -> (class: UInt16, length: Int)?
  {
    let lead = bytes[index]
    guard lead & 0xC0 != 0x80 else { return nil }
    let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    guard index + length <= bytes.count else { return nil }
    let (entry, _) = ScalarClassTable.shared.entry(at: index, in: bytes)
    let wordBreak = entry & Table.classMask
    guard wordBreak == Table.complex, length > 1 else { return (wordBreak, length) }
    // Outside the table: ICU's class, which is complex for the characters with rules of their
    // own. `@` is the one character that ICU's sets move (into ALetter); it is in the table.
    var value = UInt32(lead) & (0xFF >> (length + 1))
    for next in 1..<length { value = value << 6 | UInt32(bytes[index + next] & 0x3F) }
    if value < ScalarClassTable.limit { return (wordBreak, length) }
    return (UInt16(gz_word_break_class(value)), length)
  }

  /// Whether no word rule can join a scalar of class `before` to a following scalar of class
  /// `after`, whatever surrounds them (classes of ``ScalarClassTable``).
  @inline(__always)
  static func isCertain(between before: UInt16, and after: UInt16) -> Bool {
    if before == Table.lf || before == Table.newline { return true }
    if before == Table.cr { return after != Table.lf }
    if after == Table.cr || after == Table.lf || after == Table.newline { return true }
    let a = bit(before)
    let b = bit(after)
    if b & attaching != 0 { return false }
    // An attaching character takes the class of an unknown one before it.
    if a & attaching != 0 { return after == Table.other }
    if before == Table.other || after == Table.other { return true }
    if before == Table.wSegSpace || after == Table.wSegSpace { return before != after }
    if a & joining != 0 && b & joining != 0 { return false }
    if before == Table.aLetter && b & betweenLetters != 0 { return false }
    if before == Table.numeric && b & betweenNumbers != 0 { return false }
    if a & betweenLetters != 0 && after == Table.aLetter { return false }
    if a & betweenNumbers != 0 && after == Table.numeric { return false }
    return true
  }

  @inline(__always)
  private static func bit(_ wordBreak: UInt16) -> UInt32 { 1 &<< UInt32(wordBreak & 0x1F) }

  /// Extend, Format, ZWJ, and the classes the table leaves to ICU.
  private static var attaching: UInt32 {
    bit(Table.extend) | bit(Table.format) | bit(Table.zwj) | bit(Table.complex)
  }
  /// Letters, numbers and connectors: they join each other (WB5, WB8–WB10, WB13a/b).
  private static var joining: UInt32 {
    bit(Table.aLetter) | bit(Table.numeric) | bit(Table.extendNumLet)
  }
  /// What may join two letters (WB6/7).
  private static var betweenLetters: UInt32 {
    bit(Table.midLetter) | bit(Table.midNumLet) | bit(Table.singleQuote)
  }
  /// What may join two numbers (WB11/12).
  private static var betweenNumbers: UInt32 {
    bit(Table.midNum) | bit(Table.midNumLet) | bit(Table.singleQuote)
  }
}
