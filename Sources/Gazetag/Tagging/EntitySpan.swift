/// A gazetteer entity found in a text.
public struct EntitySpan: Hashable, Sendable {
  /// Where the span starts in the original text, in all three offset units.
  public var start: TextOffsets
  /// Where the span ends (exclusive) in the original text, in all three offset units.
  public var end: TextOffsets
  /// The original text the span covers, exactly as it stands in the input.
  public var text: String
  /// The gazetteer entry the span names.
  public var entry: GazetteerEntry
  /// The matching key of the designator of a weapon family (`11`, `23ए`), else `nil`.
  public var designator: String?
  /// The id of the context rule that made the span, or `nil` for a match of the gazetteer.
  /// The entry of a rule-made span is made by the rule (Documentation/Rules.md).
  public var rule: String?
  /// Whether the span is a guess: a title rule's name, which no gazetteer entry has.
  public var isGuessed: Bool

  public init(
    start: TextOffsets, end: TextOffsets, text: String, entry: GazetteerEntry,
    designator: String? = nil, rule: String? = nil, isGuessed: Bool = false
  ) {
    self.start = start
    self.end = end
    self.text = text
    self.entry = entry
    self.designator = designator
    self.rule = rule
    self.isGuessed = isGuessed
  }

  /// The entry's label, e.g. `PERSON`.
  public var label: String { entry.label }

  /// The span's range in the original text in `unit`, end exclusive.
  public func range(in unit: OffsetUnit) -> Range<Int> {
    start[unit]..<end[unit]
  }
}
