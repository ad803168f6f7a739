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
  /// The text's sentences (``TaggedDocument/sentences``).
  public static let sentences = DocumentNeeds(rawValue: 1 << 3)
  /// A copy of the document's text in a file of its own beside the output's (brat's `.txt`
  /// beside its `.ann`), written by the caller, where each document has an output of its own.
  public static let textCopy = DocumentNeeds(rawValue: 1 << 4)
  /// Every document of an output at once: the writer writes an output only through
  /// ``DocumentWriter/writeOutput(_:to:)`` (an HTML page whose legend counts all its
  /// documents).
  public static let allDocuments = DocumentNeeds(rawValue: 1 << 2)
}
