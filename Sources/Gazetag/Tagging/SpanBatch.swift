/// The spans found in a text or a piece of one, ordered by start and stored compactly: a plain
/// record per span and one byte buffer holding the spans' texts, where an array of
/// ``EntitySpan`` holds two strings and a gazetteer entry per span.
///
/// Writers serialize a batch straight from its records (``SpanWriter/write(_:first:source:to:)``).
/// It is also a collection of ``EntitySpan`` values, each made when it is read.
public struct SpanBatch: RandomAccessCollection, Sendable {
  /// One span: its offsets, its entry, and where its text lies in ``texts``.
  struct Record: Sendable {
    /// Where the span starts in the whole text.
    var start: TextOffsets
    /// Where the span ends (exclusive) in the whole text.
    var end: TextOffsets
    /// Where the span's original text starts in ``texts``, in bytes.
    var textStart: Int
    /// The length of the span's text in UTF-8 bytes.
    var textLength: Int32
    /// The length in bytes of the designator's key, stored right after the text in ``texts``;
    /// -1 for a span without a designator.
    var designatorLength: Int32
    /// The entry's index in ``entries``, or for a span a context rule made, -1 minus its
    /// index in ``made``.
    var entry: Int32
  }

  /// What a context rule made a span name: its own entry, and the rule.
  struct Made: Sendable {
    var entry: GazetteerEntry
    var rule: String
    var isGuessed: Bool
  }

  /// The spans, ordered by start.
  private(set) var records: [Record] = []
  /// The UTF-8 of every span's text (and designator key), one after the other.
  private(set) var texts: [UInt8] = []
  /// The gazetteer entries that ``Record/entry`` indexes: all of the gazetteer's, or, from a
  /// compiled gazetteer, only those the spans name.
  private(set) var entries: [GazetteerEntry]
  /// The entities of the spans that context rules made.
  private(set) var made: [Made] = []

  /// An empty batch of spans that name `entries`.
  init(entries: [GazetteerEntry], capacity: Int = 0) {
    self.entries = entries
    records.reserveCapacity(capacity)
    texts.reserveCapacity(capacity * 24)
  }

  /// The batch of `spans`, each naming its own entry: how writers serialize spans that were
  /// made one by one, through the same code as a batch from the tagger.
  init(_ spans: some Collection<EntitySpan>) {
    self.init(entries: spans.map(\.entry), capacity: spans.count)
    for (index, span) in spans.enumerated() {
      var text = span.text
      var entry = Int32(index)
      if let rule = span.rule {
        entry = -1 - Int32(made.count)
        made.append(Made(entry: span.entry, rule: rule, isGuessed: span.isGuessed))
      }
      text.withUTF8 { text in
        guard var designator = span.designator else {
          append(start: span.start, end: span.end, entry: entry, text: text, designator: nil)
          return
        }
        designator.withUTF8 {
          append(start: span.start, end: span.end, entry: entry, text: text, designator: $0)
        }
      }
    }
  }

  /// Adds a span after the ones already added.
  ///
  /// - Parameters:
  ///   - text: the span's original UTF-8.
  ///   - designator: the UTF-8 of the designator's key, or `nil`.
  mutating func append(
    start: TextOffsets, end: TextOffsets, entry: Int32, text: UnsafeBufferPointer<UInt8>,
    designator: UnsafeBufferPointer<UInt8>?
  ) {
    records.append(
      Record(
        start: start, end: end, textStart: texts.count, textLength: Int32(text.count),
        designatorLength: designator.map { Int32($0.count) } ?? -1, entry: entry))
    texts.append(contentsOf: text)
    if let designator { texts.append(contentsOf: designator) }
  }

  /// Adds a span that a context rule made, naming `made`'s entry, after the ones already
  /// added.
  mutating func append(
    start: TextOffsets, end: TextOffsets, made: Made, text: UnsafeBufferPointer<UInt8>
  ) {
    self.made.append(made)
    append(start: start, end: end, entry: -Int32(self.made.count), text: text, designator: nil)
  }

  /// Adds the spans of `other`, which all come after the ones already here.
  mutating func append(contentsOf other: SpanBatch) {
    if records.isEmpty && texts.isEmpty {
      records = other.records
      texts = other.texts
      entries = other.entries
      made = other.made
      return
    }
    let madeShift = Int32(made.count)
    made += other.made
    let shift = texts.count
    // Batches of a compiled gazetteer each hold the entries they name: join the lists.
    let sameEntries = entries.withUnsafeBufferPointer { mine in
      other.entries.withUnsafeBufferPointer { $0.baseAddress == mine.baseAddress }
    }
    // (A batch whose spans rules all made may name no entry: its list is empty, and the
    // other's still joins it.)
    let joins = !sameEntries && !other.records.isEmpty
    let entryShift = joins ? Int32(entries.count) : 0
    if joins { entries += other.entries }
    records.reserveCapacity(records.count + other.records.count)
    for var record in other.records {
      record.textStart += shift
      record.entry = record.entry >= 0 ? record.entry + entryShift : record.entry - madeShift
      records.append(record)
    }
    texts.append(contentsOf: other.texts)
  }

  /// Moves every span by `base`: from a piece's start to the start of the whole text.
  mutating func shift(by base: TextOffsets) {
    guard base != .zero else { return }
    for index in records.indices {
      records[index].start = records[index].start.shifted(by: base)
      records[index].end = records[index].end.shifted(by: base)
    }
  }

  /// The entries of a batch's records, read in place (``withParts(_:)``).
  struct Entries {
    let entries: UnsafeBufferPointer<GazetteerEntry>
    let made: UnsafeBufferPointer<Made>

    /// The entry a record's ``Record/entry`` names.
    @inline(__always)
    subscript(index: Int32) -> GazetteerEntry {
      index >= 0 ? entries[Int(index)] : made[Int(-1 - index)].entry
    }

    /// What made the span of a record, if a context rule did.
    @inline(__always)
    func made(_ index: Int32) -> Made? {
      index >= 0 ? nil : made[Int(-1 - index)]
    }
  }

  /// Calls `body` with the records, the texts' bytes and the entries, read in place.
  func withParts<Result>(
    _ body: (
      _ records: UnsafeBufferPointer<Record>, _ texts: UnsafeBufferPointer<UInt8>,
      _ entries: Entries
    ) -> Result
  ) -> Result {
    records.withUnsafeBufferPointer { records in
      texts.withUnsafeBufferPointer { texts in
        entries.withUnsafeBufferPointer { entries in
          made.withUnsafeBufferPointer { made in
            body(records, texts, Entries(entries: entries, made: made))
          }
        }
      }
    }
  }

  /// Calls `body` with the UTF-8 of the span text (and designator key, if any) of `record`.
  func withText<Result>(
    of record: Record,
    _ body: (_ text: UnsafeBufferPointer<UInt8>, _ designator: UnsafeBufferPointer<UInt8>?)
      -> Result
  ) -> Result {
    texts.withUnsafeBufferPointer { texts in
      let textEnd = record.textStart + Int(record.textLength)
      let text = UnsafeBufferPointer(rebasing: texts[record.textStart..<textEnd])
      guard record.designatorLength >= 0 else { return body(text, nil) }
      let designatorEnd = textEnd + Int(record.designatorLength)
      return body(text, UnsafeBufferPointer(rebasing: texts[textEnd..<designatorEnd]))
    }
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { records.count }

  /// The span at `position`, made from its record.
  public subscript(position: Int) -> EntitySpan {
    let record = records[position]
    return withText(of: record) { text, designator in
      let made = record.entry < 0 ? made[Int(-1 - record.entry)] : nil
      return EntitySpan(
        start: record.start, end: record.end, text: String(decoding: text, as: UTF8.self),
        entry: made?.entry ?? entries[Int(record.entry)],
        designator: designator.map { String(decoding: $0, as: UTF8.self) }, rule: made?.rule,
        isGuessed: made?.isGuessed ?? false)
    }
  }
}
