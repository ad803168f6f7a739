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
    if needs.contains(.sentences) { document.sentences = SentenceBreaker.sentences(inUTF8: bytes) }
    return document
  }
}

extension Tagger {
  /// The labels the tagger's spans carry: the gazetteer's, in its order, renamed by
  /// ``TaggerOptions/renamedLabels``, each name once, with the definition (colour, priority,
  /// description) of the first label in the gazetteer's order that has it.
  public var spanLabels: [LabelDefinition] {
    var seen: Set<String> = []
    return gazetteer.labels.compactMap { label in
      var label = label
      label.name = options.renamedLabels[label.name] ?? label.name
      return seen.insert(label.name).inserted ? label : nil
    }
  }
}
