import Foundation

/// Lists names a gazetteer lacks in raw text (`gazetag gazetteer suggest`): the names its
/// title rules guess (`श्री ⟨name⟩`), the unknown words its head rules find before a head
/// word (`⟨place⟩ सरकार`) and the names after learnt titles (words the text shows before
/// known people), without the words the text mostly shows outside names; ranked by count,
/// name-likeness and the rule's reliability in the text, each with up to two short contexts
/// (Documentation/Rules.md, "Suggesting names").
public struct NameSuggester {
  /// One name to review.
  public struct Suggestion: Hashable, Sendable {
    /// The name as first seen, white space made single spaces.
    public var name: String
    /// The label it would take: the title rule's, or the first label a head rule reads.
    public var label: String
    /// How often it was found.
    public var count: Int
    /// Up to two contexts, each the name with some words around it.
    public var contexts: [String]
    /// The rule that found it.
    public var rule: String
  }

  /// The tagger, with every rule of its gazetteer applied (``RuleSelection/all``).
  let tagger: Tagger
  /// The ordinary words no name holds (``ordinaryWords(of:)``), as keys.
  let ordinary: Set<String>

  /// A suggester for the rules of `gazetteer`, every one applied.
  public init(gazetteer: Gazetteer) throws(GazetteerError) {
    tagger = try Tagger(gazetteer: gazetteer, options: TaggerOptions(rules: .all))
    ordinary = Self.ordinaryWords(of: tagger)
  }

  /// A suggester for the rules of a compiled gazetteer, every one applied.
  public init(compiled: CompiledGazetteer) throws(GazetteerError) {
    tagger = try Tagger(compiled: compiled, options: TaggerOptions(rules: .all))
    ordinary = Self.ordinaryWords(of: tagger)
  }

  /// How often a word must come right before a gazetteer match of one label, and in what
  /// share of its occurrences, to be read as a context word of that label (a learnt title).
  static let triggerMinimumCount = 3
  static let triggerMinimumShare = 0.1
  /// A word the text has at least ``frequentWordCount`` times, less than
  /// ``nameLikeMinimumShare`` of them inside guesses, is an ordinary word, not a name.
  static let nameLikeMinimumShare = 0.5
  static let frequentWordCount = 5
  /// The most words a guess after a learnt context word takes.
  static let maximumGuessWords = 3

  /// One guess before review: where it is (the text's index and its tokens' byte ranges),
  /// its tokens' keys, its label and rule.
  private struct Guess {
    var text: Int
    var ranges: [Range<Int>]
    var keys: [String]
    var label: String
    var rule: String
  }

  /// What the first pass over the texts counts.
  private struct Statistics {
    /// Occurrences of each word (the key of a token starting with a letter).
    var words: [String: Int] = [:]
    /// For each word outside gazetteer matches, how often a gazetteer match of each label
    /// starts right after it.
    var before: [String: [String: Int]] = [:]
    /// Occurrences of each word inside gazetteer matches.
    var inNames: [String: Int] = [:]
    /// The labels of the gazetteer matches each word is found in.
    var labels: [String: Set<String>] = [:]
    /// For each head and title rule, how often it applies (its word is in the text) and how
    /// often a gazetteer match of the rule's labels fills its slot.
    var applied: [String: (hits: Int, total: Int)] = [:]

    /// How often a gazetteer match fills the slot of `rule` (a rule's id or `after:` and a
    /// learnt context word), against how often the rule's word is in the text, smoothed
    /// ((hits + 1) / (total + 2)) so that a rule the text seldom shows is not worth nothing.
    func reliability(of rule: String) -> Double {
      let (hits, total) =
        rule.hasPrefix("after:")
        ? (
          before[String(rule.dropFirst(6))]?.values.max() ?? 0,
          words[String(rule.dropFirst(6))] ?? 0
        )
        : applied[rule] ?? (0, 0)
      return Double(hits + 1) / Double(total + 2)
    }
  }

  /// The suggestions for `texts`, best first: by count times how name-like the name's words
  /// are (the smallest share of a word's occurrences that lie in guesses or gazetteer
  /// matches) times how reliable its rule is in the texts (the share of the rule's
  /// applications whose slot a gazetteer match of its labels fills), then by count, then by
  /// name.
  public func suggestions(in texts: [String]) -> [Suggestion] {
    guard let stage = tagger.ruleStage else { return [] }
    var statistics = Statistics()
    var raw: [Guess] = []
    for text in texts {
      var text = text
      text.withUTF8 { count(in: $0, stage: stage, into: &statistics) }
    }
    let triggers = learntTriggers(statistics)
    for (index, text) in texts.enumerated() {
      var text = text
      text.withUTF8 { raw += guesses(in: $0, text: index, stage: stage, triggers: triggers) }
    }
    // How often each word lies in a guess, against how often the text has it.
    var inGuesses: [String: Int] = [:]
    for guess in raw { for key in guess.keys { inGuesses[key, default: 0] += 1 } }
    func share(_ key: String) -> Double {
      Double((inGuesses[key] ?? 0) + (statistics.inNames[key] ?? 0))
        / Double(max(1, statistics.words[key] ?? 0))
    }
    // A frequent word found in gazetteer names of the guess's label (a surname) stays
    // name-like.
    func isOrdinary(_ key: String, label: String) -> Bool {
      ordinary.contains(key)
        || ((statistics.words[key] ?? 0) >= Self.frequentWordCount
          && share(key) < Self.nameLikeMinimumShare
          && !(statistics.labels[key]?.contains(label) ?? false))
    }
    var found: [String: Suggestion] = [:]
    var shares: [String: Double] = [:]
    var order: [String] = []
    for var guess in raw {
      // Ordinary words at the end of a guess are not part of the name.
      while let last = guess.keys.last, isOrdinary(last, label: guess.label) {
        guess.keys.removeLast()
        guess.ranges.removeLast()
      }
      guard !guess.keys.isEmpty,
        !guess.keys.contains(where: { isOrdinary($0, label: guess.label) })
      else { continue }
      let range = guess.ranges[0].lowerBound..<guess.ranges[guess.ranges.count - 1].upperBound
      var text = texts[guess.text]
      let (name, context) = text.withUTF8 {
        (Self.collapsed($0.string(in: range)), Self.context(of: range, in: $0))
      }
      let key = guess.keys.joined(separator: " ")
      if found[key] == nil {
        found[key] = Suggestion(
          name: name, label: guess.label, count: 0, contexts: [], rule: guess.rule)
        shares[key] =
          (guess.keys.map(share).min() ?? 0) * statistics.reliability(of: guess.rule)
        order.append(key)
      }
      found[key]!.count += 1
      if found[key]!.contexts.count < 2 && !found[key]!.contexts.contains(context) {
        found[key]!.contexts.append(context)
      }
    }
    return order.map { key in (found[key]!, Double(found[key]!.count) * shares[key]!) }
      .sorted { ($0.1, $0.0.count, $1.0.name) > ($1.1, $1.0.count, $0.0.name) }
      .map(\.0)
  }

  /// The ordinary words no name holds: the words of the rules (head, qualifier and title
  /// words), the stop words of the title rules and the gazetteer's stoplist, as keys.
  private static func ordinaryWords(of tagger: Tagger) -> Set<String> {
    var words = Set<String>()
    // A name rule's words and surnames are parts of names, not ordinary words.
    for rule in tagger.ruleStage?.rules ?? [] where rule.kind != .guard && rule.kind != .name {
      for word in rule.words + (rule.kind == .title ? rule.context : []) {
        words.insert(
          word.split(separator: " ").map { tagger.matcher.normalizer.key(for: $0) }
            .joined(separator: " "))
      }
    }
    for word in tagger.gazetteer.stoplist?.words ?? [] {
      words.insert(tagger.matcher.normalizer.key(for: word.text))
    }
    return words
  }

  /// The key of keyed token `index`.
  private func key(of index: Int, in input: StageInput) -> String {
    tagger.matcher.normalizer.key(for: String(decoding: input.text(of: index), as: UTF8.self))
  }

  /// Counts the words of one text and the labels of the gazetteer matches that follow them.
  private func count(
    in bytes: UnsafeBufferPointer<UInt8>, stage: RuleStage, into statistics: inout Statistics
  ) {
    let keyed = tagger.keyedTokens(inUTF8: bytes, everyUnknownToken: true)
    let candidates = tagger.candidates(in: keyed, bytes: bytes)
    let input = StageInput(keyed: keyed, bytes: bytes)
    var covered = [Bool](repeating: false, count: keyed.count)
    var starting = [Set<String>](repeating: [], count: keyed.count)
    var inside = [Set<String>](repeating: [], count: keyed.count)
    for candidate in candidates where candidate.rule < 0 {
      for token in candidate.tokens { covered[token] = true }
      let label = Int(stage.entryLabels[candidate.entry])
      if label < stage.labelNames.count {
        for token in candidate.tokens { inside[token].insert(stage.labelNames[label]) }
        starting[candidate.tokens.lowerBound].insert(stage.labelNames[label])
      }
    }
    var ending = [Set<UInt16>](repeating: [], count: keyed.count + 1)
    for candidate in candidates where candidate.rule < 0 {
      ending[candidate.tokens.upperBound].insert(stage.entryLabels[candidate.entry])
    }
    for (index, compiled) in stage.compiled.enumerated()
    where compiled.kind == .head || compiled.kind == .title {
      let rule = stage.rules[index]
      for position in keyed.indices {
        guard
          let length = compiled.words.first(where: { word in
            position + word.count <= keyed.count
              && word.indices.allSatisfy { keyed[position + $0].keyID == word[$0] }
          })?.count
        else { continue }
        // A head word reads the match before it; a title word the person after it.
        let filled =
          compiled.kind == .head
          ? !ending[position].isDisjoint(with: compiled.labels)
          : position + length < keyed.count
            && starting[position + length].contains(rule.label ?? "")
        statistics.applied[rule.id, default: (0, 0)].total += 1
        if filled { statistics.applied[rule.id, default: (0, 0)].hits += 1 }
      }
    }
    for index in keyed.indices where RuleStage.startsWithLetter(input.text(of: index)) {
      let word = key(of: index, in: input)
      statistics.words[word, default: 0] += 1
      if covered[index] {
        statistics.inNames[word, default: 0] += 1
        statistics.labels[word, default: []].formUnion(inside[index])
      }
      guard !covered[index], index + 1 < keyed.count else { continue }
      for label in starting[index + 1] {
        statistics.before[word, default: [:]][label, default: 0] += 1
      }
    }
  }

  /// The learnt context words: a word outside gazetteer matches that comes right before a
  /// match of one label often enough, and in a large enough share of its occurrences, with
  /// that label. Ordinary words (stop words, stoplist) are never context words.
  private func learntTriggers(_ statistics: Statistics) -> [String: String] {
    let titleLabels = Set(
      tagger.ruleStage?.rules.filter { $0.kind == .title }.compactMap(\.label) ?? [])
    var triggers: [String: String] = [:]
    for (word, labels) in statistics.before where !ordinary.contains(word) {
      guard
        let (label, count) = labels.filter({ titleLabels.contains($0.key) })
          .max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
        count >= Self.triggerMinimumCount,
        Double(count) >= Self.triggerMinimumShare * Double(statistics.words[word] ?? 0)
      else { continue }
      triggers[word] = label
    }
    return triggers
  }

  /// The guesses of one text: the names that title rules guess, the unknown words that head
  /// rules find before a head word, and up to ``maximumGuessWords`` unknown words after a
  /// learnt context word.
  private func guesses(
    in bytes: UnsafeBufferPointer<UInt8>, text: Int, stage: RuleStage, triggers: [String: String]
  ) -> [Guess] {
    let keyed = tagger.keyedTokens(inUTF8: bytes, everyUnknownToken: true)
    let candidates = tagger.candidates(in: keyed, bytes: bytes)
    let input = StageInput(keyed: keyed, bytes: bytes)
    var covered = [Bool](repeating: false, count: keyed.count)
    var result: [Guess] = []
    for candidate in candidates where candidate.rule < 0 || candidate.entry >= 0 {
      for token in candidate.tokens { covered[token] = true }
    }
    func guess(_ tokens: Range<Int>, label: String, rule: String) -> Guess {
      Guess(
        text: text, ranges: tokens.map { keyed[$0].utf8Range },
        keys: tokens.map { key(of: $0, in: input) }, label: label, rule: rule)
    }
    var guessed = [Bool](repeating: false, count: keyed.count)
    for candidate in candidates where candidate.rule >= 0 && candidate.entry < 0 {
      let rule = stage.rules[Int(candidate.rule)]
      result.append(guess(candidate.tokens, label: rule.label ?? "", rule: rule.id))
      for token in candidate.tokens { guessed[token] = true }
    }
    for (index, compiled) in stage.compiled.enumerated() where compiled.kind == .head {
      let rule = stage.rules[index]
      for position in keyed.indices.dropFirst() {
        let before = position - 1
        guard !covered[before], RuleStage.startsWithLetter(input.text(of: before)),
          !ordinary.contains(key(of: before, in: input)),
          compiled.words.contains(where: { word in
            position + word.count <= keyed.count
              && word.indices.allSatisfy { keyed[position + $0].keyID == word[$0] }
          })
        else { continue }
        result.append(guess(before..<position, label: rule.labels.first ?? "", rule: rule.id))
      }
    }
    // After a learnt context word: the unknown name-like words up to an ordinary word, a
    // gazetteer match, punctuation or another context word.
    for position in keyed.indices.dropLast() where !covered[position] {
      let word = key(of: position, in: input)
      guard let label = triggers[word], !guessed[position + 1] else { continue }
      var end = position + 1
      while end < keyed.count, end - position <= Self.maximumGuessWords, !covered[end],
        RuleStage.startsWithLetter(input.text(of: end))
      {
        let next = key(of: end, in: input)
        if ordinary.contains(next) || triggers[next] != nil { break }
        end += 1
      }
      if end > position + 1 {
        result.append(guess(position + 1..<end, label: label, rule: "after:" + word))
      }
    }
    return result
  }

  /// The name with up to 30 bytes of text on each side, cut at spaces, on one line.
  static func context(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> String {
    var start = max(0, range.lowerBound - 40)
    while start > 0 && start < range.lowerBound && bytes[start - 1] != 0x20 { start += 1 }
    var end = min(bytes.count, range.upperBound + 40)
    while end < bytes.count && end > range.upperBound && bytes[end] != 0x20 { end -= 1 }
    return collapsed(
      bytes.string(in: start..<range.lowerBound) + "[" + bytes.string(in: range) + "]"
        + bytes.string(in: range.upperBound..<end))
  }

  /// `text` with every run of white space made one space, trimmed.
  static func collapsed(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      .precomposedStringWithCanonicalMapping
  }

  /// A gazetteer directory of `suggestions` to review: `manifest.json` and `suggestions.tsv`
  /// (file name → contents). Deleting a row (or starting it with `#`) drops a name; editing
  /// its label fixes it; what is left is a directory `gazetag gazetteer lint` passes, to give
  /// to `--extend`.
  public static func reviewDirectory(_ suggestions: [Suggestion], labels: [LabelDefinition])
    -> [String: String]
  {
    let used = Set(suggestions.map(\.label))
    let declared = labels.filter { used.contains($0.name) }.map {
      "    {\"name\": \"\($0.name)\", \"priority\": \($0.priority)}"
    }
    let manifest = """
      {
        "format": 1,
        "name": "suggested names",
        "description": "Names found by gazetag gazetteer suggest: keep, drop (delete the row) or fix the label of each, then use the directory with --extend.",
        "labels": [
      \(declared.joined(separator: ",\n"))
        ],
        "files": [{"path": "suggestions.tsv"}]
      }

      """
    var tsv = "id\tname\tlabel\tcount\trule\tcontext\tcontext2\n"
    for (index, suggestion) in suggestions.enumerated() {
      let prefix = suggestion.label.lowercased()
      let fields = [
        "\(prefix):suggested-\(index + 1)", suggestion.name, suggestion.label,
        String(suggestion.count), suggestion.rule,
        suggestion.contexts.first ?? "", suggestion.contexts.dropFirst().first ?? "",
      ].map { $0.replacingOccurrences(of: "\t", with: " ") }
      tsv += fields.joined(separator: "\t") + "\n"
    }
    return ["manifest.json": manifest, "suggestions.tsv": tsv]
  }
}
