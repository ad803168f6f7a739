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
  var resolver: Resolver
  let tokenizer = Tokenizer()
  /// The entries spans name: the gazetteer's, with the labels renamed by
  /// ``TaggerOptions/renamedLabels``; empty with a compiled gazetteer.
  let spanEntries: [GazetteerEntry]
  /// The compiled gazetteer the tagger reads entries from, one by one as spans name them;
  /// `nil` when ``gazetteer`` holds every entry.
  let compiled: CompiledGazetteer?
  /// The steps between matching and overlap resolution, in order (``CandidateStage``).
  var stages: [any CandidateStage] = []
  /// The context rules applied, the first of ``stages``, if any.
  private(set) var ruleStage: RuleStage?

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
    let rules = options.rules.apply(to: gazetteer.rules)
    // Rules read matches of every label: then the label filter comes after them.
    let labels = rules.isEmpty ? options.labels : nil
    spanEntries = options.renaming(entries)
    matcher = try Matcher(
      entries: entries, profile: options.profile ?? gazetteer.profile,
      words: RuleStage.words(of: rules),
      include: { labels?.contains(entries[$0].label) ?? true },
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
    if !rules.isEmpty {
      let labelNames = gazetteer.labels.map(\.name)
      let labelIndex = Dictionary(
        labelNames.enumerated().map { ($0.element, UInt16($0.offset)) },
        uniquingKeysWith: { first, _ in first })
      addRules(
        RuleStage(
          rules: rules, matcher: matcher, labelNames: labelNames,
          entryLabels: .table(entries.map { labelIndex[$0.label] ?? UInt16.max })))
    }
  }

  /// Registers `stage` as the first stage and gives the resolver its rules' priorities.
  mutating func addRules(_ stage: RuleStage) {
    ruleStage = stage
    stages.insert(stage, at: 0)
    let priorities = Dictionary(
      gazetteer.labels.map { ($0.name, $0.priority) }, uniquingKeysWith: { first, _ in first })
    resolver.rulePriorities = stage.rules.map { rule in rule.label.map { priorities[$0] ?? 0 } }
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
    var namedEntries: [GazetteerEntry] = []
    if let compiled {
      namedEntries = compiled.entries(namedBy: &chosen)
      batch = SpanBatch(entries: options.renaming(namedEntries), capacity: chosen.count)
    } else {
      batch = SpanBatch(entries: spanEntries, capacity: chosen.count)
    }
    func add(_ candidate: Candidate, _ range: Range<Int>, _ start: TextOffsets, _ end: TextOffsets)
    {
      let text = UnsafeBufferPointer(rebasing: bytes[range])
      if candidate.rule >= 0 {
        batch.append(start: start, end: end, made: made(candidate, text: text), text: text)
        return
      }
      guard candidate.designatorToken >= 0 else {
        batch.append(start: start, end: end, entry: candidate.entry, text: text, designator: nil)
        return
      }
      let designator = keyed[Int(candidate.designatorToken)].utf8Range
      matcher.normalizer.withKey(ofUTF8: UnsafeBufferPointer(rebasing: bytes[designator])) {
        batch.append(start: start, end: end, entry: candidate.entry, text: text, designator: $0)
      }
    }
    /// The entity a context rule's candidate names.
    func made(_ candidate: Candidate, text: UnsafeBufferPointer<UInt8>) -> SpanBatch.Made {
      let rule = ruleStage!.rules[Int(candidate.rule)]
      let inner: GazetteerEntry? =
        candidate.entry < 0
        ? nil
        : compiled == nil
          ? gazetteer.entries[Int(candidate.entry)] : namedEntries[Int(candidate.entry)]
      let name = String(decoding: text, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        .joined(separator: " ")
      let id = [rule.entity, inner?.id].compactMap { $0 }.joined(separator: "+")
      let label = rule.label ?? inner?.label ?? ""
      let entry = GazetteerEntry(
        id: id, label: options.renamedLabels[label] ?? label, name: name, source: "rule",
        location: rule.location)
      return SpanBatch.Made(entry: entry, rule: rule.id, isGuessed: rule.isGuess)
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
