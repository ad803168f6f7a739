/// What a ``DocumentWriter`` reads of a document besides its source and spans, so that a caller
/// computes only that.
public struct DocumentNeeds: OptionSet, Hashable, Sendable {
  public let rawValue: Int

  public init(rawValue: Int) {
    self.rawValue = rawValue
  }

  /// The document's text (``TaggedDocument/text``).
  public static let text = DocumentNeeds(rawValue: 1 << 0)
  /// The tokenizer's tokens (``TaggedDocument/tokens``).
  public static let tokens = DocumentNeeds(rawValue: 1 << 1)
  /// Every document of an output at once: the writer writes an output only through
  /// ``DocumentWriter/writeOutput(_:to:)`` (an HTML page whose legend counts all its
  /// documents).
  public static let allDocuments = DocumentNeeds(rawValue: 1 << 2)
}
