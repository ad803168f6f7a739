/// The keys of one context rule's words, as a compiled gazetteer stores them beside the rule
/// (``CompiledGazetteer/Metadata/ruleKeys``): the words compiled against the file's own
/// vocabulary when it was written, so that a tagger starts without looking thousands of words
/// up again (a name rule's given names and surnames).
///
/// Each list is kept as one string, words apart by `|` and a word's token keys apart by a
/// space (`12|40 7|9`), which decodes much faster than nested arrays.
struct CompiledRuleKeys: Codable, Hashable, Sendable {
  /// ``RuleStage/Compiled/words``.
  var words: String
  /// ``RuleStage/Compiled/context``: the context words compared by key.
  var context: String

  init(words: [RuleStage.Word], context: [RuleStage.Word]) {
    self.words = Self.encoded(words)
    self.context = Self.encoded(context)
  }

  /// The words of `text`, or `nil` when it is not such a list.
  static func decoded(_ text: String) -> [RuleStage.Word]? {
    var words: [RuleStage.Word] = []
    var word: RuleStage.Word = []
    var value: Int64 = 0
    var digits = 0
    func endKey() -> Bool {
      guard digits > 0, value <= Int64(Int32.max) else { return false }
      word.append(Int32(value))
      (value, digits) = (0, 0)
      return true
    }
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        digits += 1
        if digits > 10 { return nil }
      case UInt8(ascii: " "):
        guard endKey() else { return nil }
      case UInt8(ascii: "|"):
        guard endKey() else { return nil }
        words.append(word)
        word = []
      default:
        return nil
      }
    }
    // A list ends with a key, unless it is empty.
    if text.isEmpty { return [] }
    guard endKey() else { return nil }
    words.append(word)
    return words
  }

  static func encoded(_ words: [RuleStage.Word]) -> String {
    words.map { $0.map(String.init).joined(separator: " ") }.joined(separator: "|")
  }
}
