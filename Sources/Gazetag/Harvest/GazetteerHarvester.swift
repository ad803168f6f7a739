/// Turns the names a gold corpus marks into gazetteer entries, with the evidence of how safe
/// each is: how often gold marks it, under which labels, and how often the same token
/// sequence stands in the text unmarked. `gazetag gazetteer harvest` runs it.
///
/// Names are grouped by matching key (the standard profile), so `मॉस्को` and `मास्को` are one
/// candidate with two spellings. A candidate is left out, with its reason, when it is
/// unusable as an alias, starts or ends with punctuation, ends in a postposition, is a
/// stoplist word, has a contested label, is marked fewer than ``Options/minimumCount`` times,
/// or is marked in less than ``Options/minimumRatio`` of its occurrences.
public struct GazetteerHarvester: Sendable {
  /// What the harvester keeps.
  public struct Options: Sendable {
    /// The least share of a name's occurrences that gold must mark (0…1).
    public var minimumRatio: Double
    /// The least number of times gold must mark a name.
    public var minimumCount: Int
    /// The share of a name's marks its label must have; below it the label is contested.
    public var labelAgreement: Double
    /// Our label for each gold label; gold labels it does not name are ignored. `nil` keeps
    /// the gold labels.
    public var labelMap: [String: String]?
    /// Ordinary words no name may be.
    public var stoplist: Stoplist?
    /// Whether the gold files are annotated only in part, each label up to some document: a
    /// name's unmarked occurrences are then counted only in the documents of a file up to the
    /// last one that marks a span of the name's label (a corpus whose annotators stopped part
    /// way would otherwise make every name look mostly unmarked).
    public var partialAnnotation: Bool

    public init(
      minimumRatio: Double = 0.5, minimumCount: Int = 1, labelAgreement: Double = 0.8,
      labelMap: [String: String]? = nil, stoplist: Stoplist? = nil,
      partialAnnotation: Bool = false
    ) {
      self.minimumRatio = minimumRatio
      self.minimumCount = minimumCount
      self.labelAgreement = labelAgreement
      self.labelMap = labelMap
      self.stoplist = stoplist
      self.partialAnnotation = partialAnnotation
    }
  }

  /// Words a name cannot end with: Hindi postpositions, and particles and conjunctions that
  /// gold spans catch by mistake (`दिल्ली के`, `भारत और`).
  public static let postpositions: [String] = [
    "का", "की", "के", "को", "में", "से", "ने", "पर", "तक", "द्वारा", "वाला", "वाले", "वाली",
    "लिए", "साथ", "ओर", "बाद", "पास", "भी", "ही", "तो", "और", "एवं", "या", "व",
  ]

  public let options: Options

  public init(options: Options = Options()) {
    self.options = options
  }

  /// What the harvester gathers of one matching key.
  private struct Tally {
    var spellings: [String: Int] = [:]
    var spellingOrder: [String] = []
    var labels: [String: Int] = [:]
    var location: SourceLocation
    var files: [String] = []
    var formProblem: HarvestExclusion?
  }

  /// Every name `corpus` marks, kept or left out, ordered by label, then by how often it is
  /// marked (most first), then by name.
  ///
  /// - Complexity: O(*n*) in the length of the corpus, plus matching its text once against
  ///   every name.
  public func candidates(in corpus: GoldCorpus) -> [HarvestCandidate] {
    let normalizer = Normalizer(profile: .standard)
    let tokenizer = Tokenizer()
    let postpositions = Set(Self.postpositions.map { normalizer.key(for: $0) })
    var stopwords: [String: String] = [:]
    for word in options.stoplist?.words ?? [] {
      let key = Self.key(of: word.text, tokenizer: tokenizer, normalizer: normalizer)
      if !key.isEmpty && stopwords[key] == nil { stopwords[key] = word.text }
    }
    var tallies: [String: Tally] = [:]
    var order: [String] = []
    // The last document of its file that marks each label, by document index.
    var lastMarking: [String: [String: Int]] = [:]
    for (index, document) in corpus.documents.enumerated() {
      let scalars = Array(document.text.unicodeScalars)
      for span in document.spans {
        guard let label = options.labelMap.map({ $0[span.label] }) ?? span.label else {
          continue
        }
        lastMarking[document.location.file, default: [:]][label] = index
        guard span.start >= 0, span.start < span.end, span.end <= scalars.count else { continue }
        var text = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
        text = Normalizer.nfc(text).trimmingWhitespace()
        let key = Self.key(of: text, tokenizer: tokenizer, normalizer: normalizer)
        if tallies[key] == nil {
          order.append(key)
          tallies[key] = Tally(
            location: span.location,
            formProblem: Self.formProblem(
              text, key: key, tokenizer: tokenizer, normalizer: normalizer,
              postpositions: postpositions))
        }
        tallies[key]!.labels[label, default: 0] += 1
        if tallies[key]!.spellings[text] == nil { tallies[key]!.spellingOrder.append(text) }
        tallies[key]!.spellings[text, default: 0] += 1
        if !tallies[key]!.files.contains(span.location.file) {
          tallies[key]!.files.append(span.location.file)
        }
      }
    }
    let unannotated = unannotatedCounts(
      of: order.filter { tallies[$0]!.formProblem == nil }, tallies: tallies, in: corpus,
      lastMarking: options.partialAnnotation ? lastMarking : nil)
    var candidates: [HarvestCandidate] = []
    for key in order {
      let tally = tallies[key]!
      let spellings = tally.spellingOrder.enumerated().sorted {
        (tally.spellings[$1.element]!, $1.offset) < (tally.spellings[$0.element]!, $0.offset)
      }.map(\.element)
      let label = Self.label(of: tally)
      var candidate = HarvestCandidate(
        spellings: spellings, label: label, labelCounts: tally.labels,
        unannotatedCount: unannotated[key] ?? 0, location: tally.location,
        files: tally.files)
      candidate.exclusion =
        tally.formProblem ?? stopwords[key].map { .stoplisted(word: $0) }
        ?? exclusion(of: candidate)
      candidates.append(candidate)
    }
    return candidates.sorted {
      ($0.label, -$0.entityCount, $0.name) < ($1.label, -$1.entityCount, $1.name)
    }
  }

  /// The label gold gives a name most often (the first by name on a tie).
  private static func label(of tally: Tally) -> String {
    tally.labels.sorted { ($1.value, $0.key) < ($0.value, $1.key) }[0].key
  }

  /// Why a candidate with the right form is left out on its counts, if it is.
  private func exclusion(of candidate: HarvestCandidate) -> HarvestExclusion? {
    if candidate.labelCounts.count > 1 && candidate.labelShare < options.labelAgreement {
      return .contestedLabel(summary: candidate.labelSummary)
    }
    if candidate.entityCount < options.minimumCount { return .rare(minimum: options.minimumCount) }
    if candidate.ratio < options.minimumRatio { return .lowRatio(minimum: options.minimumRatio) }
    return nil
  }

  /// The matching key of a name: its token keys joined, separators left out.
  static func key(of text: String, tokenizer: Tokenizer, normalizer: Normalizer) -> String {
    Matcher.steps(of: text, tokenizer: tokenizer, normalizer: normalizer).map {
      switch $0 {
      case .key(let key): key
      case .designator: "#"
      }
    }.joined(separator: " ")
  }

  /// Why a name cannot be an entry whatever its counts, if it cannot.
  private static func formProblem(
    _ text: String, key: String, tokenizer: Tokenizer, normalizer: Normalizer,
    postpositions: Set<String>
  ) -> HarvestExclusion? {
    if key.isEmpty { return .unusable(reason: "has no matchable token") }
    if text.contains(where: { $0 == "\t" || $0 == "|" || $0.isNewline }) {
      return .unusable(reason: "has a tab, line break or '|', which the TSV format reserves")
    }
    let tokens = tokenizer.tokens(in: text).filter { $0.kind != .whitespace }
    var utf8 = text
    let words = utf8.withUTF8 { bytes in tokens.map { bytes.string(in: $0.utf8Range) } }
    if words.contains("#") {
      return .unusable(reason: "has the token '#', the designator slot of a family")
    }
    for index in [tokens.count - 1, 0]
    where tokens[index].kind == .punctuation || tokens[index].kind == .symbol {
      return .endsInPunctuation(words[index])
    }
    if tokens.count > 1, let last = words.last, postpositions.contains(normalizer.key(for: last)) {
      return .endsInPostposition(last)
    }
    return nil
  }

  /// How often each key occurs in the corpus's texts overlapping no gold span, found by
  /// tagging the texts with a gazetteer of the keys. With `lastMarking` (the last document
  /// index of each file that marks each label), an occurrence counts only in a document up to
  /// the last one of its file that marks the key's label.
  private func unannotatedCounts(
    of keys: [String], tallies: [String: Tally], in corpus: GoldCorpus,
    lastMarking: [String: [String: Int]]?
  ) -> [String: Int] {
    guard !keys.isEmpty else { return [:] }
    let location = SourceLocation(file: "harvest", line: 0)
    let entries = keys.enumerated().map { index, key in
      let tally = tallies[key]!
      return GazetteerEntry(
        id: String(index), label: "NAME", name: tally.spellingOrder[0],
        aliases: Array(tally.spellingOrder.dropFirst()), location: location)
    }
    let gazetteer = Gazetteer(
      labels: [LabelDefinition(name: "NAME")], entries: entries, profile: .standard)
    guard let tagger = try? Tagger(gazetteer: gazetteer, options: TaggerOptions(overlaps: .all))
    else { return [:] }
    let labels = keys.map { Self.label(of: tallies[$0]!) }
    var counts = [Int](repeating: 0, count: keys.count)
    for (index, document) in corpus.documents.enumerated() {
      let marked = lastMarking?[document.location.file]
      let gold = document.spans.map { $0.start..<$0.end }.sorted { $0.lowerBound < $1.lowerBound }
      // The longest gold span up to each position, to test overlap by binary search.
      var reach: [Int] = []
      for range in gold { reach.append(max(reach.last ?? 0, range.upperBound)) }
      for span in tagger.spans(in: document.text) {
        let range = span.range(in: .codePoint)
        // The gold spans that start before the span ends; one of them overlaps it if the
        // furthest any of them reaches is past the span's start.
        var low = 0
        var high = gold.count
        while low < high {
          let middle = (low + high) / 2
          if gold[middle].lowerBound < range.upperBound { low = middle + 1 } else { high = middle }
        }
        let key = Int(span.entry.id)!
        if lastMarking != nil, index > marked?[labels[key]] ?? -1 { continue }
        if low == 0 || reach[low - 1] <= range.lowerBound {
          counts[key] += 1
        }
      }
    }
    var byKey: [String: Int] = [:]
    for (index, key) in keys.enumerated() { byKey[key] = counts[index] }
    return byKey
  }
}
