/// One text of a gold corpus with the entities marked in it: a JSON Lines record, a CoNLL
/// sentence or a brat text file.
public struct GoldDocument: Sendable {
  /// A CoNLL token: where it stands in the sentence's text and on which line of the file.
  public struct Token: Hashable, Sendable {
    /// The token's range in the document's text, in code points, end exclusive.
    public var range: Range<Int>
    /// The line of the CoNLL file the token is on.
    public var line: Int

    public init(range: Range<Int>, line: Int) {
      self.range = range
      self.line = line
    }
  }

  /// Where the document starts: its JSON Lines line, the line of a CoNLL sentence's first
  /// token, or a brat text file (line 1).
  public var location: SourceLocation
  /// The text the tagger reads. A CoNLL sentence is its tokens joined by single spaces.
  public var text: String
  /// The gold spans, in file order.
  public var spans: [GoldSpan]
  /// The tokens of a CoNLL sentence, in order; empty for other formats. When present, a
  /// predicted span is widened to the tokens it touches before it is compared.
  public var tokens: [Token]
  /// Whether lines of the document's file follow the text's own line breaks (brat), so that
  /// an offset's line is counted in the text.
  public var linesFollowText: Bool

  public init(
    location: SourceLocation, text: String, spans: [GoldSpan], tokens: [Token] = [],
    linesFollowText: Bool = false
  ) {
    self.location = location
    self.text = text
    self.spans = spans
    self.tokens = tokens
    self.linesFollowText = linesFollowText
  }

  /// The file and line that hold the code point at `offset` of ``text``.
  public func location(atCodePoint offset: Int) -> SourceLocation {
    locator()(offset)
  }

  /// A function from code-point offsets of ``text`` to the file and line that hold them,
  /// for looking up many offsets of one document.
  ///
  /// - Complexity: O(*n*) to build for a text of *n* code points; O(log *n*) per lookup.
  func locator() -> (Int) -> SourceLocation {
    let file = location.file
    if !tokens.isEmpty {
      let starts = tokens.map(\.range.lowerBound)
      let lines = tokens.map(\.line)
      return { offset in
        SourceLocation(
          file: file, line: lines[max(0, Self.count(of: starts, notAbove: offset) - 1)])
      }
    }
    guard linesFollowText else { return { _ in location } }
    var breaks: [Int] = []
    for (offset, scalar) in text.unicodeScalars.enumerated() where scalar == "\n" {
      breaks.append(offset)
    }
    let first = location.line
    return { offset in
      SourceLocation(file: file, line: first + Self.count(of: breaks, below: offset))
    }
  }

  /// How many of the sorted `values` are at most `limit`.
  private static func count(of values: [Int], notAbove limit: Int) -> Int {
    count(of: values, below: limit + 1)
  }

  /// How many of the sorted `values` are below `limit`.
  private static func count(of values: [Int], below limit: Int) -> Int {
    var low = 0
    var high = values.count
    while low < high {
      let middle = (low + high) / 2
      if values[middle] < limit { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// `range` (code points) widened to the whole tokens it touches; unchanged without tokens.
  func widenedToTokens(_ range: Range<Int>) -> Range<Int> {
    guard !tokens.isEmpty else { return range }
    let first = tokens.last { $0.range.lowerBound <= range.lowerBound } ?? tokens[0]
    let last = tokens.first { $0.range.upperBound >= range.upperBound } ?? tokens[tokens.count - 1]
    return first.range.lowerBound..<last.range.upperBound
  }
}
