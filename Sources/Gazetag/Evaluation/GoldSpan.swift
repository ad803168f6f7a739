/// An entity a person marked in a gold-annotated text.
public struct GoldSpan: Hashable, Sendable {
  /// Where the span starts in its document's text, in code points.
  public var start: Int
  /// Where the span ends (exclusive) in its document's text, in code points.
  public var end: Int
  /// The gold label, e.g. `LOC`.
  public var label: String
  /// The line that marks the span: the JSON Lines record, the CoNLL line of its first token or
  /// the brat `T` line.
  public var location: SourceLocation

  public init(start: Int, end: Int, label: String, location: SourceLocation) {
    self.start = start
    self.end = end
    self.label = label
    self.location = location
  }

  /// The span's range in code points of its document's text, end exclusive.
  public var range: Range<Int> { start..<end }
}
