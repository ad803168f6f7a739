/// Finds the entities of a gazetteer in text: the library's entry point.
///
/// ```swift
/// let tagger = try Tagger(gazetteer: .bundled)
/// for span in tagger.spans(in: "किम जोंग उन ने प्योंगयांग में कहा") {
///   print(span.range(in: .codePoint), span.label, span.text)
/// }
/// ```
///
/// A tagger is immutable and `Sendable`: build it once and share it across threads.
public struct Tagger: Sendable {
  /// The gazetteer whose entries are matched.
  public let gazetteer: Gazetteer
  /// The options the tagger was built with.
  public let options: TaggerOptions
  let matcher: Matcher
  let resolver: Resolver
  let tokenizer = Tokenizer()
  /// The compiled gazetteer the tagger reads entries from, one by one as spans name them;
  /// `nil` when ``gazetteer`` holds every entry.
  let compiled: CompiledGazetteer?
  /// The steps between matching and overlap resolution, in order (``CandidateStage``).
  var stages: [any CandidateStage] = []

  /// Compiles `gazetteer` for matching.
  ///
  /// - Throws: ``GazetteerError`` for an alias that cannot be matched.
  /// - Complexity: O(*p*) in the total length of the gazetteer's patterns.
  public init(gazetteer: Gazetteer, options: TaggerOptions = TaggerOptions())
    throws(GazetteerError)
  {
    self.gazetteer = gazetteer
    self.options = options
    compiled = nil
    let entries = gazetteer.entries
    matcher = try Matcher(
      entries: entries, profile: options.profile ?? gazetteer.profile,
      include: { options.labels?.contains(entries[$0].label) ?? true },
      joiningCompoundsExcept: gazetteer.compoundExceptions)
    let priorities = Dictionary(
      gazetteer.labels.map { ($0.name, $0.priority) }, uniquingKeysWith: { first, _ in first })
    // Entries of one label usually come together: look a label up only when it changes.
    var lastLabel = ""
    var lastPriority = 0
    resolver = Resolver(
      priorities: entries.map { entry in
        if entry.label != lastLabel {
          lastLabel = entry.label
          lastPriority = priorities[lastLabel] ?? 0
        }
        return lastPriority
      })
  }

  /// The entities in `text`, ordered by start.
  ///
  /// - Complexity: O(*n*) in the length of `text` for a gazetteer of bounded pattern length.
  public func spans(in text: String) -> [EntitySpan] {
    var text = text
    return text.withUTF8 { spans(inUTF8: $0) }
  }

  /// The entities in well-formed UTF-8 `bytes`, ordered by start.
  public func spans(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [EntitySpan] {
    Array(spanBatch(inUTF8: bytes))
  }

  /// The entities in well-formed UTF-8 `bytes`, ordered by start, as a compact ``SpanBatch``
  /// (what writers serialize fastest).
  ///
  /// - Complexity: O(*n*) in the number of bytes for a gazetteer of bounded pattern length.
  public func spanBatch(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> SpanBatch {
    let keyed = keyedTokens(inUTF8: bytes)
    var chosen = chosenCandidates(in: keyed, bytes: bytes)
    var batch: SpanBatch
    if let compiled {
      batch = SpanBatch(entries: compiled.entries(namedBy: &chosen), capacity: chosen.count)
    } else {
      batch = SpanBatch(entries: gazetteer.entries, capacity: chosen.count)
    }
    func add(_ candidate: Candidate, _ range: Range<Int>, _ start: TextOffsets, _ end: TextOffsets)
    {
      let text = UnsafeBufferPointer(rebasing: bytes[range])
      guard candidate.designatorToken >= 0 else {
        batch.append(start: start, end: end, entry: candidate.entry, text: text, designator: nil)
        return
      }
      let designator = keyed[Int(candidate.designatorToken)].utf8Range
      matcher.normalizer.withKey(ofUTF8: UnsafeBufferPointer(rebasing: bytes[designator])) {
        batch.append(start: start, end: end, entry: candidate.entry, text: text, designator: $0)
      }
    }
    func range(of candidate: Candidate) -> Range<Int> {
      Int(
        keyed[candidate.tokens.lowerBound].start)..<Int(keyed[candidate.tokens.upperBound - 1].end)
    }
    if options.overlaps == .none {
      // Disjoint and ordered by start: the offsets come from one walk along the text.
      var counter = TextOffsets.Counter(bytes)
      for candidate in chosen {
        let range = range(of: candidate)
        let start = counter.offsets(at: range.lowerBound)
        add(candidate, range, start, counter.offsets(at: range.upperBound))
      }
    } else {
      let ranges = chosen.map(range(of:))
      let offsets = TextOffsets.translating(ranges, in: bytes)
      for (index, candidate) in chosen.enumerated() {
        add(candidate, ranges[index], offsets[index].start, offsets[index].end)
      }
    }
    return batch
  }

  /// The candidates to report among the matches in `keyed`; the unresolved ones are freed on
  /// return, before the spans are made.
  private func chosenCandidates(in keyed: [KeyedToken], bytes: UnsafeBufferPointer<UInt8>)
    -> [Candidate]
  {
    resolver.resolve(candidates(in: keyed, bytes: bytes), policy: options.overlaps)
  }
}
