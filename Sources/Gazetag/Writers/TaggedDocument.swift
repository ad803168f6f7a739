/// A tagged input: where it came from, its text and the spans found in it, and what else a
/// ``DocumentWriter`` asked for (``DocumentNeeds``).
public struct TaggedDocument: Sendable {
  /// The input's path as the user gave it, or `-` for standard input.
  public var source: String
  /// The document's original text.
  public var text: String
  /// The spans found, ordered by start.
  public var spans: [EntitySpan]
  /// The tokenizer's tokens of ``text`` (offsets in UTF-8 bytes), white space included, when a
  /// writer needs them (``DocumentNeeds/tokens``); `nil` otherwise.
  public var tokens: [Token]?
  /// The sentences of ``text`` as ranges of UTF-8 byte offsets (``SentenceBreaker``), when a
  /// writer needs them (``DocumentNeeds/sentences``); `nil` otherwise.
  public var sentences: [Range<Int>]?

  public init(
    source: String, text: String, spans: [EntitySpan], tokens: [Token]? = nil,
    sentences: [Range<Int>]? = nil
  ) {
    self.source = source
    self.text = text
    self.spans = spans
    self.tokens = tokens
    self.sentences = sentences
  }
}
