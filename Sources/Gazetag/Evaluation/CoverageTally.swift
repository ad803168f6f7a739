/// What ``CoverageEvaluator`` gathers document by document: scores, misses, false positives,
/// the entries that matched and the token keys of the corpus.
struct CoverageTally {
  /// A span as scoring sees it: its range in code points and its gold label.
  struct Key: Hashable {
    var range: Range<Int>
    var label: String
  }

  /// A missed name: its gold label and matching key.
  struct MissedKey: Hashable {
    var label: String
    var key: String
  }

  /// A predicted span, widened to CoNLL tokens where the document has them.
  struct Prediction {
    var range: Range<Int>
    var label: String
    var goldLabel: String?
    var text: String
    var entry: GazetteerEntry
    /// Whether a context rule guessed the span (no gazetteer entry has it).
    var isGuessed = false
  }

  let goldLabels: [String: String]
  let scoredGold: Set<String>
  let partial: Bool
  var exact: [String: Score] = [:]
  var partialScores: [String: Score] = [:]
  var unscored: [String: Int] = [:]
  var missed: [MissedMention] = []
  var missedIndex: [MissedKey: Int] = [:]
  var falsePositives: [FalsePositiveGroup] = []
  var falsePositiveIndex: [GazetteerEntry: Int] = [:]
  var matchedEntries: Set<Int> = []
  var corpusKeys: [String: Int] = [:]

  init(goldLabels: [String: String], partial: Bool) {
    self.goldLabels = goldLabels
    self.scoredGold = Set(goldLabels.values)
    self.partial = partial
  }

  mutating func add(_ document: GoldDocument, tagger: Tagger) {
    let scalars = Array(document.text.unicodeScalars)
    func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
    let predictions = tagger.spans(in: document.text).map { span in
      let range = document.widenedToTokens(span.range(in: .codePoint))
      return Prediction(
        range: range, label: span.label, goldLabel: goldLabels[span.label], text: text(range),
        entry: span.entry, isGuessed: span.isGuessed)
    }
    var gold: Set<Key> = []
    for span in document.spans {
      if scoredGold.contains(span.label) {
        gold.insert(Key(range: span.range, label: span.label))
      } else {
        unscored[span.label, default: 0] += 1
      }
    }
    let predicted = Set(
      predictions.compactMap { p in p.goldLabel.map { Key(range: p.range, label: $0) } })
    for key in gold.union(predicted) {
      switch (gold.contains(key), predicted.contains(key)) {
      case (true, true): exact[key.label, default: Score()].truePositives += 1
      case (true, false): exact[key.label, default: Score()].falseNegatives += 1
      default: exact[key.label, default: Score()].falsePositives += 1
      }
    }
    if partial { addPartial(gold: gold, predicted: predicted) }

    let predictedSides = predictions.map { (range: $0.range, label: $0.label, text: $0.text) }
    // A name found only by a guess is in no gazetteer: it is still one to add.
    let known = Set(
      predictions.compactMap { p in
        p.isGuessed ? nil : p.goldLabel.map { Key(range: p.range, label: $0) }
      })
    var seenGold: Set<Key> = []
    for span in document.spans {
      let key = Key(range: span.range, label: span.label)
      guard gold.contains(key), !known.contains(key), seenGold.insert(key).inserted else {
        continue
      }
      let mention = Mention(
        text: text(span.range), location: span.location,
        counterpart: .of(span.range, among: predictedSides))
      let group = MissedKey(label: span.label, key: mentionKey(mention.text, tagger))
      if let index = missedIndex[group] {
        missed[index].mentions.append(mention)
      } else {
        missedIndex[group] = missed.count
        missed.append(MissedMention(label: group.label, key: group.key, mentions: [mention]))
      }
    }

    let locate = document.locator()
    let goldSides = document.spans.map { (range: $0.range, label: $0.label, text: text($0.range)) }
    var seenPredicted: Set<Key> = []
    for prediction in predictions {
      guard let label = prediction.goldLabel else { continue }
      let key = Key(range: prediction.range, label: label)
      guard !gold.contains(key), seenPredicted.insert(key).inserted else { continue }
      let mention = Mention(
        text: prediction.text,
        location: locate(prediction.range.lowerBound),
        counterpart: .of(prediction.range, among: goldSides))
      if let index = falsePositiveIndex[prediction.entry] {
        falsePositives[index].mentions.append(mention)
      } else {
        falsePositiveIndex[prediction.entry] = falsePositives.count
        falsePositives.append(
          FalsePositiveGroup(entry: prediction.entry, label: label, mentions: [mention]))
      }
    }
    addTokens(of: document.text, tagger: tagger)
  }

  /// Overlap scores: each gold span is matched to at most one overlapping prediction of its
  /// label, in text order.
  private mutating func addPartial(gold: Set<Key>, predicted: Set<Key>) {
    let order: (Key, Key) -> Bool = {
      ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
    }
    let goldByLabel = Dictionary(grouping: gold, by: \.label)
    let predictedByLabel = Dictionary(grouping: predicted, by: \.label)
    for label in Set(goldByLabel.keys).union(predictedByLabel.keys) {
      let golds = (goldByLabel[label] ?? []).sorted(by: order).map(\.range)
      let predictions = (predictedByLabel[label] ?? []).sorted(by: order).map(\.range)
      let matched = Self.overlapMatches(golds: golds, predictions: predictions)
      partialScores[label, default: Score()] =
        partialScores[label, default: Score()]
        + Score(
          truePositives: matched, falsePositives: predictions.count - matched,
          falseNegatives: golds.count - matched)
    }
  }

  /// How many gold ranges find a prediction when each, in order, takes the first prediction
  /// not yet taken that overlaps it.
  ///
  /// - Parameters: both ordered by start, then end.
  /// - Complexity: O(*g* + *p*) when few ranges nest; the scan for one gold range starts after
  ///   the predictions that end before it and stops at the first that starts after it.
  static func overlapMatches(golds: [Range<Int>], predictions: [Range<Int>]) -> Int {
    var used = [Bool](repeating: false, count: predictions.count)
    var low = 0
    var matched = 0
    for span in golds {
      // A prediction taken, or ending before this gold range starts, can serve no later one:
      // later gold ranges start no earlier.
      while low < predictions.count
        && (used[low] || predictions[low].upperBound <= span.lowerBound)
      {
        low += 1
      }
      var index = low
      while index < predictions.count && predictions[index].lowerBound < span.upperBound {
        if !used[index] && predictions[index].overlaps(span) {
          used[index] = true
          matched += 1
          break
        }
        index += 1
      }
    }
    return matched
  }

  /// Records the token keys of the text and the entries that match anywhere in it, before
  /// overlaps are resolved.
  private mutating func addTokens(of text: String, tagger: Tagger) {
    var text = text
    text.withUTF8 { bytes in
      let tokens = tagger.tokenizer.tokens(inUTF8: bytes)
      for token in tokens where token.kind != .whitespace {
        let key = tagger.matcher.normalizer.key(for: bytes.string(in: token.utf8Range))
        if !key.isEmpty { corpusKeys[key, default: 0] += 1 }
      }
      let keyed = tagger.keyedTokens(tokens, in: bytes)
      for candidate in tagger.candidates(in: keyed, bytes: bytes) where candidate.entry >= 0 {
        matchedEntries.insert(Int(candidate.entry))
      }
    }
  }

  /// The matching keys of a name's tokens joined by spaces, so that spellings that match
  /// alike group together.
  private func mentionKey(_ text: String, _ tagger: Tagger) -> String {
    var text = text
    return text.withUTF8 { bytes in
      tagger.tokenizer.tokens(inUTF8: bytes).map {
        tagger.matcher.normalizer.key(for: bytes.string(in: $0.utf8Range))
      }.filter { !$0.isEmpty }.joined(separator: " ")
    }
  }
}
