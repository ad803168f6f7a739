/// Reads gold annotations in CoNLL format: one token per line with its tag in the last column,
/// a blank line between sentences, `-DOCSTART-` lines ignored.
///
/// Columns are separated by tabs, or by spaces when a line has no tab (CoNLL-2003). Each
/// sentence becomes one document whose text is its tokens joined by single spaces, so its
/// spans start and end on token boundaries. The tag scheme (IOB1, IOB2, BIOES, BILOU) is
/// detected from the tags unless given; all are decoded as seqeval's default mode does (see
/// ``CoNLLTag/chunks(in:)``). A line without a tag column and a malformed tag (`-`, `I-`) are
/// read as `O` with a diagnostic.
public struct CoNLLGoldReader: Sendable {
  /// The file's path as shown in diagnostics.
  public var file: String
  /// The scheme the tags must follow, or `nil` to detect it.
  public var scheme: TagScheme?

  public init(file: String, scheme: TagScheme? = nil) {
    self.file = file
    self.scheme = scheme
  }

  private struct Line {
    var token: String
    var tag: CoNLLTag
    var number: Int
  }

  /// The sentences of a CoNLL file's text, with the problems found on the way and the scheme
  /// used.
  public func corpus(from text: String) -> GoldCorpus {
    var corpus = GoldCorpus()
    var sentences: [[Line]] = [[]]
    for (index, line) in text.goldLines.enumerated() {
      let fields = Self.fields(of: line)
      guard let token = fields.first, token != "-DOCSTART-" else {
        if !sentences[sentences.count - 1].isEmpty { sentences.append([]) }
        continue
      }
      let location = SourceLocation(file: file, line: index + 1)
      var tag = CoNLLTag.outside
      if fields.count < 2 || fields[fields.count - 1].isEmpty {
        corpus.diagnostics.append(.missingTagColumn(location))
      } else if let parsed = CoNLLTag(fields[fields.count - 1]) {
        tag = parsed
      } else {
        corpus.diagnostics.append(.malformedTag(location, tag: String(fields[fields.count - 1])))
      }
      sentences[sentences.count - 1].append(Line(token: String(token), tag: tag, number: index + 1))
    }
    let used = scheme ?? TagScheme.detect(in: sentences.map { $0.map(\.tag) })
    if let scheme {
      for index in sentences.indices {
        for position in sentences[index].indices {
          let line = sentences[index][position]
          guard case .entity(let prefix, let type) = line.tag, !scheme.prefixes.contains(prefix)
          else { continue }
          corpus.diagnostics.append(
            .tagOutsideScheme(
              SourceLocation(file: file, line: line.number), tag: "\(prefix)-\(type)",
              scheme: scheme))
          sentences[index][position].tag = .outside
        }
      }
    }
    corpus.schemes[file] = used
    corpus.diagnostics.sort { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }
    corpus.documents = sentences.filter { !$0.isEmpty }.map(document(of:))
    return corpus
  }

  /// The sentence's tokens joined by single spaces, with the entities its tags mark.
  private func document(of lines: [Line]) -> GoldDocument {
    var text = ""
    var tokens: [GoldDocument.Token] = []
    var offset = 0
    for line in lines {
      if !tokens.isEmpty {
        text += " "
        offset += 1
      }
      let length = line.token.unicodeScalars.count
      tokens.append(GoldDocument.Token(range: offset..<offset + length, line: line.number))
      text += line.token
      offset += length
    }
    let spans = CoNLLTag.chunks(in: lines.map(\.tag)).map { chunk in
      GoldSpan(
        start: tokens[chunk.tokens.lowerBound].range.lowerBound,
        end: tokens[chunk.tokens.upperBound - 1].range.upperBound, label: chunk.type,
        location: SourceLocation(file: file, line: lines[chunk.tokens.lowerBound].number))
    }
    return GoldDocument(
      location: SourceLocation(file: file, line: lines[0].number), text: text, spans: spans,
      tokens: tokens)
  }

  /// The columns of a line: split at tabs when it has one, otherwise at runs of spaces.
  static func fields(of line: Substring) -> [Substring] {
    if line.contains("\t") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: " ")
      }
      return fields.first?.isEmpty == true && fields.allSatisfy(\.isEmpty) ? [] : fields
    }
    return line.split(whereSeparator: { $0 == " " })
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in character: Character) -> Substring {
    var result = self
    while result.first == character { result.removeFirst() }
    while result.last == character { result.removeLast() }
    return result
  }
}
