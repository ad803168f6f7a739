extension Tagger {
  /// The tagged document of `bytes`, with what `needs` asks for besides its spans.
  ///
  /// - Parameter bytes: the document's text, valid UTF-8.
  public func document(
    source: String, utf8 bytes: UnsafeBufferPointer<UInt8>, needs: DocumentNeeds = [.text]
  ) -> TaggedDocument {
    let text = String(decoding: bytes, as: UTF8.self)
    var document = TaggedDocument(source: source, text: text, spans: spans(inUTF8: bytes))
    if needs.contains(.tokens) { document.tokens = tokenizer.tokens(inUTF8: bytes) }
    return document
  }
}
