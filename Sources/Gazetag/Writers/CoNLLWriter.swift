/// Writes CoNLL: one line per token, `TOKEN<TAB>TAG`, the tokenizer's tokens without white
/// space, a blank line after each sentence (ICU sentence break, ``SentenceBreaker``), and a
/// `-DOCSTART-<TAB>O` line and a blank line between documents.
///
/// Tags follow ``scheme``. A sentence never ends inside a span: where ICU breaks inside a
/// name, the two sentences are one. CoNLL cannot nest: of overlapping spans (overlap policy
/// `all`), each one that overlaps a span written before it is left out.
public struct CoNLLWriter: DocumentWriter {
  /// How the tags mark where entities begin and end.
  public var scheme: TagScheme

  public init(scheme: TagScheme = .iob2) {
    self.scheme = scheme
  }

  public var fileExtension: String { "conll" }

  public var needs: DocumentNeeds { [.tokens, .sentences] }

  public func separate(to output: inout [UInt8]) {
    output += "-DOCSTART-\tO\n\n".utf8
  }

  public func write(_ document: TaggedDocument, to output: inout [UInt8]) {
    let tokens = document.tokens ?? Tokenizer().tokens(in: document.text)
    var text = document.text
    let sentences =
      document.sentences ?? text.withUTF8 { SentenceBreaker.sentences(inUTF8: $0) }
    // Spans in UTF-8 offsets, none overlapping another.
    var spans: [(range: Range<Int>, label: String)] = []
    for span in document.spans where span.start.utf8 >= (spans.last?.range.upperBound ?? 0) {
      spans.append((span.start.utf8..<span.end.utf8, span.label))
    }
    // Sentence ends, except those inside a span.
    var ends: [Int] = []
    var spanIndex = 0
    for sentence in sentences {
      let end = sentence.upperBound
      while spanIndex < spans.count, spans[spanIndex].range.upperBound <= end { spanIndex += 1 }
      if spanIndex < spans.count, spans[spanIndex].range.lowerBound < end { continue }
      ends.append(end)
    }
    text.withUTF8 { bytes in
      var sentence: [(token: Range<Int>, span: Int?)] = []
      var endIndex = 0
      var spanIndex = 0
      for token in tokens {
        while endIndex < ends.count, ends[endIndex] <= token.utf8Range.lowerBound {
          write(sentence, spans: spans, bytes: bytes, to: &output)
          sentence.removeAll(keepingCapacity: true)
          endIndex += 1
        }
        guard token.kind != .whitespace else { continue }
        while spanIndex < spans.count,
          spans[spanIndex].range.upperBound <= token.utf8Range.lowerBound
        {
          spanIndex += 1
        }
        let inside =
          spanIndex < spans.count && spans[spanIndex].range.lowerBound < token.utf8Range.upperBound
        sentence.append((token.utf8Range, inside ? spanIndex : nil))
      }
      write(sentence, spans: spans, bytes: bytes, to: &output)
    }
  }

  /// Writes a sentence's token lines and the blank line after them; nothing for no tokens.
  private func write(
    _ sentence: [(token: Range<Int>, span: Int?)], spans: [(range: Range<Int>, label: String)],
    bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]
  ) {
    guard !sentence.isEmpty else { return }
    for (position, item) in sentence.enumerated() {
      output += UnsafeBufferPointer(rebasing: bytes[item.token])
      output.append(UInt8(ascii: "\t"))
      guard let span = item.span else {
        output.append(UInt8(ascii: "O"))
        output.append(UInt8(ascii: "\n"))
        continue
      }
      let first = position == 0 || sentence[position - 1].span != span
      let last = position == sentence.count - 1 || sentence[position + 1].span != span
      let prefix: String
      switch scheme {
      case .iob1:
        // B only where the entity follows another of the same type.
        let previous = position > 0 ? sentence[position - 1].span : nil
        prefix =
          first && previous != nil && spans[previous!].label == spans[span].label ? "B" : "I"
      case .iob2: prefix = first ? "B" : "I"
      case .bioes: prefix = first && last ? "S" : first ? "B" : last ? "E" : "I"
      case .bilou: prefix = first && last ? "U" : first ? "B" : last ? "L" : "I"
      }
      output += "\(prefix)-\(spans[span].label)\n".utf8
    }
    output.append(UInt8(ascii: "\n"))
  }
}
