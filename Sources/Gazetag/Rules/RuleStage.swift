/// Applies a gazetteer's context rules between matching and overlap resolution
/// (Documentation/Rules.md): guards drop matches, qualifiers and heads add wider candidates
/// beside the matches they contain, titles and name rules add guessed names. Made candidates
/// carry the index of their rule in ``rules`` (``Candidate/rule``).
struct RuleStage: CandidateStage {
  /// A word of a rule as the keys of its tokens, in the matcher's vocabulary.
  typealias Word = [Int32]

  /// One rule, ready to compare with keyed tokens.
  struct Compiled: Sendable {
    var kind: ContextRule.Kind
    /// The label indices (into ``RuleStage/labelNames``) of the matches the rule reads.
    var labels: Set<UInt16>
    var words: [Word]
    var context: [Word]
    var condition: ContextRule.Condition?
    /// Whether the rule is a guard that reads every match of its labels (it has no words).
    var readsEveryMatch: Bool
    /// The keys of the context words of one token, and the longer context words.
    var contextKeys: Set<Int32> = []
    var longerContext: [Word] = []
    /// A title rule's context words of one Devanagari word, as matching keys: they may be
    /// thousands (the learnt ordinary words), so they are compared by text in the few tokens
    /// after a title word rather than given keys of the matcher's vocabulary.
    var contextTexts: Set<String> = []
    /// A name rule's given names and surnames of one token by key id: ``givenName`` and
    /// ``surname`` bits, read for every token without hashing (no key sets are made for them).
    var parts: [UInt8] = []

    static let givenName: UInt8 = 1
    static let surname: UInt8 = 2

    /// Whether the token with key `key` has one of the `part` bits.
    @inline(__always)
    func isPart(_ key: Int32, _ part: UInt8) -> Bool {
      key >= 0 && Int(key) < parts.count && parts[Int(key)] & part != 0
    }

    /// The most tokens a context word has.
    var contextLength: Int { max(RuleStage.longest(context), contextTexts.isEmpty ? 0 : 1) }

    /// The length of a context word that starts at `position`, the longer ones first;
    /// `text` gives the matching key of a token's text.
    func contextStarting(
      at position: Int, _ wordStarting: (Int, [Word]) -> Int?, key: Int32,
      text: (Int) -> String
    ) -> Int? {
      if let length = wordStarting(position, longerContext) { return length }
      if contextKeys.contains(key) { return 1 }
      return !contextTexts.isEmpty && contextTexts.contains(text(position)) ? 1 : nil
    }
  }

  /// The guards, indexed so that one pass over the matches finds the few that read each one
  /// without hashing: most matches meet none.
  struct Guards: Sendable {
    /// The first keys of the guards' aliases, in ascending order.
    var firstKeys: [Int32] = []
    /// The guards (indices into ``RuleStage/compiled``) whose aliases start with each of
    /// ``firstKeys``.
    var byFirstKey: [[Int]] = []
    /// The guards that read every match of their labels, each with its labels (by label
    /// index, whether it reads the label).
    var everyMatch: [(rule: Int, reads: [Bool])] = []
    /// Whether some guard reads matches of a label, by label index.
    var readsLabel: [Bool]

    var isEmpty: Bool { firstKeys.isEmpty && everyMatch.isEmpty }

    /// The guards whose aliases start with `key`.
    func guards(startingWith key: Int32) -> [Int]? {
      var low = 0
      var high = firstKeys.count
      while low < high {
        let middle = (low + high) / 2
        if firstKeys[middle] < key { low = middle + 1 } else { high = middle }
      }
      return low < firstKeys.count && firstKeys[low] == key ? byFirstKey[low] : nil
    }
  }

  /// The rules applied, in order.
  let rules: [ContextRule]
  let compiled: [Compiled]
  /// The gazetteer's label names, by label index.
  let labelNames: [String]
  /// The label index of each gazetteer entry.
  let entryLabels: EntryLabels
  /// Key ids from this one on are rule words' that no pattern has.
  let ruleKeyStart: Int32

  /// Where the label of an entry is read.
  enum EntryLabels: Sendable {
    case table([UInt16])
    case compiled(CompiledGazetteer)

    subscript(entry: Int32) -> UInt16 {
      switch self {
      case .table(let labels): labels[Int(entry)]
      case .compiled(let gazetteer): gazetteer.entryLabels[Int(entry)]
      }
    }
  }

  /// Compiles `rules` against the vocabulary of `matcher`; a word whose tokens are not all
  /// in the vocabulary can never match and is left out.
  ///
  /// - Parameter keys: for each rule, the keys of its words as a compiled gazetteer stored
  ///   them against this vocabulary, used instead of compiling its words again; `nil` (or no
  ///   list) compiles them.
  init(
    rules: [ContextRule], matcher: Matcher, labelNames: [String], entryLabels: EntryLabels,
    keys: [CompiledRuleKeys?] = []
  ) {
    self.rules = rules
    self.labelNames = labelNames
    self.entryLabels = entryLabels
    ruleKeyStart = matcher.ruleKeyStart
    let tokenizer = Tokenizer()
    func word(_ text: String) -> Word? {
      // A word of Devanagari letters and signs is one token, whose key is the word's own key
      // (ContextRuleTests checks this for every such word of the bundled gazetteer): the
      // thousands of a name rule's words skip the tokenizer.
      if Self.isOneDevanagariWord(text) {
        var key = Self.isOwnKey(text) ? text : matcher.normalizer.key(for: text)
        return key.withUTF8 { matcher.trie.vocabulary.id(of: $0) }.map { [$0] }
      }
      var keys: Word = []
      for step in Matcher.steps(of: text, tokenizer: tokenizer, normalizer: matcher.normalizer) {
        guard case .key(var key) = step,
          let id = key.withUTF8({ matcher.trie.vocabulary.id(of: $0) })
        else { return nil }
        keys.append(id)
      }
      return keys.isEmpty ? nil : keys
    }
    let labelIndex = Dictionary(
      labelNames.enumerated().map { ($0.element, UInt16($0.offset)) },
      uniquingKeysWith: { first, _ in first })
    let compiled = rules.enumerated().map { index, rule in
      let byText = rule.context.filter { Self.isComparedByText($0, in: rule) }
      let stored = index < keys.count ? keys[index] : nil
      let storedWords = stored.flatMap { CompiledRuleKeys.decoded($0.words) }
      let storedContext = stored.flatMap { CompiledRuleKeys.decoded($0.context) }
      let context =
        storedContext
        ?? rule.context.filter { !Self.isComparedByText($0, in: rule) }.compactMap(word)
      var compiled = Compiled(
        kind: rule.kind, labels: Set(rule.labels.compactMap { labelIndex[$0] }),
        words: storedWords ?? rule.words.compactMap(word), context: context,
        condition: rule.condition, readsEveryMatch: rule.readsEveryMatch)
      if rule.kind == .name {
        let given = compiled.words.filter { $0.count == 1 }.map { $0[0] }
        let surnames = context.filter { $0.count == 1 }.map { $0[0] }
        compiled.parts = [UInt8](
          repeating: 0, count: Int(max(given.max() ?? -1, surnames.max() ?? -1)) + 1)
        for key in given { compiled.parts[Int(key)] |= Compiled.givenName }
        for key in surnames { compiled.parts[Int(key)] |= Compiled.surname }
        return compiled
      }
      compiled.contextKeys = Set(context.filter { $0.count == 1 }.map { $0[0] })
      compiled.longerContext = context.filter { $0.count > 1 }
      compiled.contextTexts = Set(
        byText.map { Self.isOwnKey($0) ? $0 : matcher.normalizer.key(for: $0) })
      return compiled
    }
    normalizer = matcher.normalizer
    self.compiled = compiled
    var guards = Guards(readsLabel: [Bool](repeating: false, count: labelNames.count))
    var byFirstKey: [Int32: [Int]] = [:]
    for (index, rule) in compiled.enumerated() where rule.kind == .guard {
      if rule.readsEveryMatch {
        var reads = [Bool](repeating: false, count: labelNames.count)
        for label in rule.labels { reads[Int(label)] = true }
        guards.everyMatch.append((index, reads))
      } else if !rule.words.isEmpty {
        for first in Set(rule.words.map { $0[0] }) { byFirstKey[first, default: []].append(index) }
      } else {
        continue  // No alias of the rule is in the vocabulary: it can never apply.
      }
      for label in rule.labels { guards.readsLabel[Int(label)] = true }
    }
    guards.firstKeys = byFirstKey.keys.sorted()
    guards.byFirstKey = guards.firstKeys.map { byFirstKey[$0]! }
    self.guards = guards
    var inner = Set<Int32>()
    // A name rule reads its words of one token only (``Compiled/parts``), thousands of them.
    for rule in compiled where rule.kind != .name {
      for word in rule.words + rule.context where word.count > 1 {
        inner.formUnion(word)
      }
    }
    // A name rule's given name and surname stand inside the range that decides it.
    for rule in compiled where rule.kind == .name {
      // Only the rule's own keys can be tokens no pattern has; the others never bound.
      for (key, part) in rule.parts.enumerated() where part != 0 && key >= ruleKeyStart {
        inner.insert(Int32(key))
      }
    }
    innerKeys = inner
    let titles = compiled.filter { $0.kind == .title }
    // A name rule's names end where a title's do, and at a title word.
    nameEndKeys = Set(titles.flatMap { $0.contextKeys.union($0.words.compactMap(\.first)) })
    // One title rule's texts are taken as they are: hashing thousands of words again costs
    // milliseconds at every start.
    nameEndTexts =
      titles.count == 1
      ? titles[0].contextTexts
      : titles.reduce(into: Set<String>()) { $0.formUnion($1.contextTexts) }
    titleFirstKeys = Set(titles.flatMap { $0.words.compactMap(\.first) })
    titleReach = titles.map { Self.longest($0.words) + 4 + $0.contextLength }.max() ?? 0
  }

  /// The keys of rule words that may stand inside a range a rule reads (``bounds(_:in:)``).
  let innerKeys: Set<Int32>
  /// The matching keys of token texts, for the context words compared by text.
  let normalizer: Normalizer
  /// The first keys of the title rules' words, and how many tokens from one a title rule reads
  /// at most (the word, four name-like tokens and the word that stops the name).
  let titleFirstKeys: Set<Int32>
  let titleReach: Int
  /// The keys and texts of the tokens that end a name rule's name besides punctuation: the
  /// title rules' words and context words.
  let nameEndKeys: Set<Int32>
  let nameEndTexts: Set<String>
  /// The guard rules, indexed.
  let guards: Guards

  /// The words of every rule's columns, whose keys the matcher's vocabulary must hold.
  static func words(of rules: [ContextRule]) -> [String] {
    rules.flatMap { rule in rule.words + rule.context.filter { !isComparedByText($0, in: rule) } }
  }

  /// Whether context word `word` of `rule` is compared by the text of a token rather than by a
  /// key: a title rule's context word of one Devanagari word.
  static func isComparedByText(_ word: String, in rule: ContextRule) -> Bool {
    rule.kind == .title && isOneDevanagariWord(word)
  }

  var readsUnknownTokens: Bool { compiled.contains { $0.kind == .title } }

  /// A title rule reads unknown tokens only after its words: the keyer keeps them one by one
  /// in the tokens after a token of a title word (its other tokens, up to four name-like tokens
  /// and the one that stops the name) and merges each other run of them.
  var unknownTokensAfter: UnknownTokenWindow? {
    let titles = compiled.filter { $0.kind == .title }
    guard !titles.isEmpty else { return nil }
    let keys = Set(titles.flatMap { $0.words.flatMap { $0 } })
    return UnknownTokenWindow(keys: keys.sorted(), window: titleReach)
  }

  func contextLength(given inner: Int) -> Int {
    // A span takes at most one qualifier and one head word.
    var length = inner
    for kind in [ContextRule.Kind.qualifier, .head] {
      length += compiled.filter { $0.kind == kind }.map { Self.longest($0.words) }.max() ?? 0
    }
    for rule in compiled {
      switch rule.kind {
      case .title:
        length = max(length, Self.longest(rule.words) + 4 + rule.contextLength)
      case .name:
        // The token before, the given name, one more token, the surname and the token after.
        length = max(length, 5)
      case .guard: length = max(length, inner + Self.longest(rule.context) + 1)
      case .head, .qualifier: break
      }
    }
    return length
  }

  /// A token that no pattern has bounds what the rules read unless title rules could read it
  /// as a name (it starts with a letter) or it is a token of a rule's word of several tokens,
  /// which may stand inside a range a rule reads (a guard's `चाय में`). A word of one token
  /// stands only at the edge of such a range. A token that a title rule could read as a name
  /// still bounds when no title word starts in the `titleReach` tokens before it: no title's
  /// range can hold it then.
  func bounds(_ index: Int, in input: StageInput) -> Bool {
    let key = input.keyed[index].keyID
    if key >= 0 && innerKeys.contains(key) { return false }
    if !isOutsideNames(index, in: input) { return false }
    if !readsUnknownTokens { return true }
    if key < 0 && !Self.startsWithLetter(input.text(of: index)) { return true }
    return isBeyondTitles(index, in: input)
  }

  /// Whether the token at `index`, which no pattern has, is inside no name a name rule could
  /// make: it is not the middle token of one, between a given name and a surname. A token
  /// beyond either end of `input` may be a given name or a surname.
  private func isOutsideNames(_ index: Int, in input: StageInput) -> Bool {
    let keyed = input.keyed
    for rule in compiled where rule.kind == .name {
      let afterGiven = index == 0 || rule.isPart(keyed[index - 1].keyID, Compiled.givenName)
      let beforeSurname =
        index + 1 == keyed.count || rule.isPart(keyed[index + 1].keyID, Compiled.surname)
      if afterGiven && beforeSurname { return false }
    }
    return true
  }

  /// Whether the `titleReach` tokens before `index` are all seen (in `input`) and none starts
  /// a title word.
  private func isBeyondTitles(_ index: Int, in input: StageInput) -> Bool {
    guard index >= titleReach else { return false }
    for position in (index - titleReach)..<index
    where titleFirstKeys.contains(input.keyed[position].keyID) {
      return false
    }
    return true
  }

  /// The order in which kinds of rules apply, whatever the order of the file: guards drop
  /// matches first, qualifiers widen what is left, heads may take a widened match.
  static let order: [ContextRule.Kind] = [.guard, .qualifier, .head, .title, .name]

  static func longest(_ words: [Word]) -> Int { words.map(\.count).max() ?? 0 }

  func candidates(
    after candidates: [Candidate], in input: StageInput, decisions: inout [Range<Int>]?
  ) -> [Candidate] {
    guard !compiled.isEmpty else { return candidates }
    let keyed = input.keyed
    var current = candidates
    var added = false
    func label(of candidate: Candidate) -> UInt16? {
      candidate.entry >= 0 ? entryLabels[candidate.entry] : nil
    }
    /// Whether `word` stands at `position`.
    func isWord(_ word: Word, at position: Int) -> Bool {
      guard position >= 0 && position + word.count <= keyed.count else { return false }
      var index = 0
      while index < word.count && keyed[position + index].keyID == word[index] { index += 1 }
      return index == word.count
    }
    /// The length of a word of `words` that starts at `position`, if one does.
    func wordStarting(at position: Int, _ words: [Word]) -> Int? {
      for word in words where isWord(word, at: position) { return word.count }
      return nil
    }
    /// The length of a word of `words` that ends right before `position`, if one does.
    func wordEnding(at position: Int, _ words: [Word]) -> Int? {
      for word in words where isWord(word, at: position - word.count) { return word.count }
      return nil
    }
    /// Whether the keys of `tokens` are exactly one of `words`.
    func isOne(of words: [Word], _ tokens: Range<Int>) -> Bool {
      words.contains { $0.count == tokens.count && isWord($0, at: tokens.lowerBound) }
    }
    /// Whether guard `rule`, which reads `tokens`, drops them; notes what decided it. Only a
    /// context word that is there decides: without one, a guard does what it does at the edge
    /// of a piece of the text (`not-before` and `not-after` keep the match, `before` and
    /// `after` drop it), so a cut beside the match changes nothing.
    func drops(_ rule: Compiled, _ tokens: Range<Int>, _ decisions: inout [Range<Int>]?) -> Bool {
      let found: Int?
      switch rule.condition {
      case .before?, .notBefore?:
        found = wordEnding(at: tokens.lowerBound, rule.context)
        if let found { decisions?.append((tokens.lowerBound - found)..<tokens.upperBound) }
      case .after?, .notAfter?:
        found = wordStarting(at: tokens.upperBound, rule.context)
        if let found { decisions?.append(tokens.lowerBound..<(tokens.upperBound + found)) }
      case nil: return false
      }
      switch rule.condition {
      case .before?, .after?: return found == nil
      default: return found != nil
      }
    }
    // Guards first, in one pass: each match meets only the guards of its first token's key
    // and those that read every match of a label. The candidates are copied only when one
    // is dropped.
    if !guards.isEmpty {
      var dropped: [Bool]?
      for (position, candidate) in current.enumerated() {
        guard candidate.rule < 0, let label = label(of: candidate),
          guards.readsLabel[Int(label)]
        else { continue }
        var drop = false
        for (index, reads) in guards.everyMatch where reads[Int(label)] {
          if drops(compiled[index], candidate.tokens, &decisions) { drop = true }
        }
        if let indices = guards.guards(startingWith: keyed[candidate.tokens.lowerBound].keyID) {
          for index in indices
          where compiled[index].labels.contains(label)
            && isOne(of: compiled[index].words, candidate.tokens)
          {
            if drops(compiled[index], candidate.tokens, &decisions) { drop = true }
          }
        }
        if drop {
          if dropped == nil { dropped = [Bool](repeating: false, count: current.count) }
          dropped![position] = true
        }
      }
      if let dropped {
        current = current.indices.filter { !dropped[$0] }.map { current[$0] }
      }
    }
    // The matches left, in order of start; what the rules make is appended after them.
    let sortedCount = current.count
    for kind in Self.order where kind != .guard {
      for (index, rule) in compiled.enumerated() where rule.kind == kind {
        switch rule.kind {
        case .guard: break
        case .qualifier, .head:
          var made: [Candidate] = []
          for candidate in current {
            // The rule's word first: most matches have none beside them.
            var wider = candidate
            if rule.kind == .qualifier {
              guard let length = wordEnding(at: candidate.tokens.lowerBound, rule.words) else {
                continue
              }
              wider.tokens = (candidate.tokens.lowerBound - length)..<candidate.tokens.upperBound
            } else {
              guard let length = wordStarting(at: candidate.tokens.upperBound, rule.words) else {
                continue
              }
              wider.tokens = candidate.tokens.lowerBound..<(candidate.tokens.upperBound + length)
            }
            guard let label = label(of: candidate), rule.labels.contains(label) else { continue }
            if candidate.rule >= 0 && rules[Int(candidate.rule)].kind != .qualifier { continue }
            // A name of the gazetteer over the same tokens wins: `दक्षिण सूडान` is South Sudan,
            // not the south of Sudan.
            if isNamed(wider.tokens, among: current[..<sortedCount]) { continue }
            wider.rule = Int32(index)
            made.append(wider)
          }
          if !made.isEmpty {
            current += made
            added = true
          }
        case .title:
          let made = titles(rule, index: index, current, input, wordStarting, &decisions)
          if !made.isEmpty {
            current += made
            added = true
          }
        case .name:
          let made = names(
            rule, index: index, current, matchCount: sortedCount, input, &decisions)
          if !made.isEmpty {
            current += made
            added = true
          }
        }
      }
    }
    guard added else { return current }
    // In order of start, and as they came within a start: the few made candidates are sorted
    // and merged into the matches, which are in order already (sorting them all again cost
    // several percent of tagging time wherever a rule made one name).
    let made = current[sortedCount...].enumerated().sorted {
      ($0.element.tokens.lowerBound, $0.offset) < ($1.element.tokens.lowerBound, $1.offset)
    }.map(\.element)
    var merged: [Candidate] = []
    merged.reserveCapacity(current.count)
    var next = 0
    for match in current[..<sortedCount] {
      while next < made.count && made[next].tokens.lowerBound < match.tokens.lowerBound {
        merged.append(made[next])
        next += 1
      }
      merged.append(match)
    }
    merged += made[next...]
    return merged
  }

  /// Whether one of `matches`, the gazetteer's matches in start order (they lead the
  /// candidates: guards only remove, rules append after them), covers exactly `tokens`.
  private func isNamed(_ tokens: Range<Int>, among matches: ArraySlice<Candidate>) -> Bool {
    var low = matches.startIndex
    var high = matches.endIndex
    while low < high {
      let middle = (low + high) / 2
      if matches[middle].tokens.lowerBound < tokens.lowerBound {
        low = middle + 1
      } else {
        high = middle
      }
    }
    while low < matches.endIndex && matches[low].tokens.lowerBound == tokens.lowerBound {
      if matches[low].tokens == tokens { return true }
      low += 1
    }
    return false
  }

  /// The names that title rule `rule` finds: one to three name-like tokens after a title word,
  /// followed by a stop word or punctuation.
  private func titles(
    _ rule: Compiled, index: Int, _ candidates: [Candidate], _ input: StageInput,
    _ wordStarting: (Int, [Word]) -> Int?, _ decisions: inout [Range<Int>]?
  ) -> [Candidate] {
    let keyed = input.keyed
    var covered = [Bool](repeating: false, count: keyed.count)
    for candidate in candidates where candidate.rule < 0 {
      for token in candidate.tokens { covered[token] = true }
    }
    // A few keys: comparing them one by one costs less than hashing every token.
    let firstKeys = Array(Set(rule.words.compactMap(\.first)))
    let normalizer = self.normalizer
    func textKey(_ index: Int) -> String {
      // The keyer's own path to a token's key, from its bytes (the same key as key(for:)).
      normalizer.withKey(ofUTF8: input.text(of: index)) { String(decoding: $0, as: UTF8.self) }
    }
    var made: [Candidate] = []
    var position = 0
    while position < keyed.count {
      guard firstKeys.contains(keyed[position].keyID),
        let length = wordStarting(position, rule.words)
      else {
        position += 1
        continue
      }
      let start = position + length
      var end = start
      while end < keyed.count && end - start <= 3 && !covered[end]
        && rule.contextStarting(at: end, wordStarting, key: keyed[end].keyID, text: textKey) == nil
        && wordStarting(end, rule.words) == nil
        && Self.startsWithLetter(input.text(of: end))
      {
        end += 1
      }
      if end > start && end - start <= 3 && end < keyed.count {
        let stop =
          rule.contextStarting(at: end, wordStarting, key: keyed[end].keyID, text: textKey)
          ?? (Self.isPunctuation(input.text(of: end)) ? 1 : 0)
        // A full stop after an initial (`सज्जन एस. यादव`) does not end the name: the name goes
        // on past it, and a title never guesses a name it has seen only in part.
        let initial =
          Self.isFullStop(input.text(of: end)) && Self.isInitial(input.text(of: end - 1))
        if stop > 0 && !initial {
          made.append(
            Candidate(tokens: start..<end, entry: -1, designatorToken: -1, rule: Int32(index)))
          decisions?.append(position..<(end + stop))
        }
      }
      position = start
    }
    return made
  }

  /// The names that name rule `rule` finds: a given name, at most one more name-like token and
  /// a surname, with a token that ends a name (or an end of the text) on each side. What
  /// decided is noted where a cut could change it: the given name or surname with the token
  /// beside it that kept a name from being made (a piece that began or ended there would make
  /// it).
  ///
  /// - Parameter matchCount: how many of `candidates` are the gazetteer's matches, which lead
  ///   them in order of start.
  private func names(
    _ rule: Compiled, index: Int, _ candidates: [Candidate], matchCount: Int,
    _ input: StageInput, _ decisions: inout [Range<Int>]?
  ) -> [Candidate] {
    let keyed = input.keyed
    // The tokens of matches of another label end a name; a person match may hold its parts.
    let ownLabel = rules[index].label.flatMap { labelNames.firstIndex(of: $0) }.map(UInt16.init)
    // The longest match, found when first needed: most texts make no name.
    var longestMatch: Int?
    /// Whether a match of another label than the rule's holds the token at `token`.
    func isOther(_ token: Int) -> Bool {
      let longest =
        longestMatch ?? candidates[..<matchCount].reduce(0) { max($0, $1.tokens.count) }
      longestMatch = longest
      var low = 0
      var high = matchCount
      let from = token - longest + 1
      while low < high {
        let middle = (low + high) / 2
        if candidates[middle].tokens.lowerBound < from { low = middle + 1 } else { high = middle }
      }
      while low < matchCount && candidates[low].tokens.lowerBound <= token {
        let match = candidates[low]
        if match.tokens.contains(token) && entryLabels[match.entry] != ownLabel { return true }
        low += 1
      }
      return false
    }
    // The given names first, in one tight pass: most texts have few.
    var givenNames: [Int] = []
    keyed.withUnsafeBufferPointer { tokens in
      rule.parts.withUnsafeBufferPointer { parts in
        for position in 0..<max(0, tokens.count - 1) {
          let key = Int(tokens[position].keyID)
          if key >= 0 && key < parts.count && parts[key] & Compiled.givenName != 0 {
            givenNames.append(position)
          }
        }
      }
    }
    var made: [Candidate] = []
    func consider(_ tokens: Range<Int>) {
      let (first, last) = (tokens.lowerBound, tokens.upperBound - 1)
      // The cheapest test first: a keyed token standing for a run of unknown words between a
      // given name and a surname is common in text, and no part of a name.
      guard isSpaced(tokens, in: input), !tokens.contains(where: isOther),
        tokens.count == 2 || isNameLike(first + 1, in: input)
      else { return }
      let endsBefore = endsName(before: first, in: input, isOther)
      let endsAfter = endsName(after: last, in: input, isOther)
      guard endsBefore && endsAfter else {
        if !endsBefore { decisions?.append((first - 1)..<(first + 1)) }
        if !endsAfter { decisions?.append(last..<(last + 2)) }
        return
      }
      // A made name decides by itself, so nothing is noted: a piece that began or ended beside
      // it would make it too (an end of the text ends a name, as the tokens beside it do). No
      // name is made over exactly the tokens of a match (found by halving) or of another one.
      if isNamed(tokens, among: candidates[..<matchCount])
        || candidates[matchCount...].contains(where: { $0.tokens == tokens })
        || made.contains(where: { $0.tokens == tokens })
      {
        return
      }
      made.append(Candidate(tokens: tokens, entry: -1, designatorToken: -1, rule: Int32(index)))
    }
    for position in givenNames {
      for last in (position + 1)...min(position + 2, keyed.count - 1)
      where rule.isPart(keyed[last].keyID, Compiled.surname) {
        consider(position..<(last + 1))
      }
    }
    return made
  }

  /// Whether the tokens of `tokens` are one word each, apart only by white space (a keyed
  /// token that stands for a run of unknown words is not one word).
  private func isSpaced(_ tokens: Range<Int>, in input: StageInput) -> Bool {
    for index in tokens.dropLast() {
      let between =
        input.keyed[index].utf8Range.upperBound..<input.keyed[index + 1].utf8Range.lowerBound
      if between.isEmpty || !between.allSatisfy({ Self.isSpace(input.bytes[$0]) }) {
        return false
      }
    }
    return true
  }

  /// Whether the token at `index` can be inside a name: it starts with a letter, and it is no
  /// word that ends a name.
  private func isNameLike(_ index: Int, in input: StageInput) -> Bool {
    let text = input.text(of: index)
    return Self.startsWithLetter(text) && !endsName(input.keyed[index].keyID, text)
  }

  /// Whether a token with key `key` and UTF-8 `text` ends a name: a title rule's word or
  /// context word.
  private func endsName(_ key: Int32, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
    if key >= 0 && nameEndKeys.contains(key) { return true }
    guard !nameEndTexts.isEmpty else { return false }
    return normalizer.withKey(ofUTF8: text) {
      nameEndTexts.contains(String(decoding: $0, as: UTF8.self))
    }
  }

  /// Whether what stands right before the token at `index` ends a name: the start of the
  /// text, a token of a match of another label, or a word that is not Devanagari letters
  /// (punctuation, digits, Latin) or ends a name. Only the keyed token before is read: when it
  /// stands for a run of unknown tokens, the last word of the run.
  private func endsName(
    before index: Int, in input: StageInput, _ isOther: (Int) -> Bool
  ) -> Bool {
    guard index > 0 else { return true }
    if isOther(index - 1) { return true }
    let bytes = input.bytes
    let previous = input.keyed[index - 1].utf8Range
    var end = input.keyed[index].utf8Range.lowerBound
    while end > previous.lowerBound && Self.isSpace(bytes[end - 1]) { end -= 1 }
    if end == previous.upperBound {
      let text = input.text(of: index - 1)
      return !Self.isOneDevanagariWord(String(decoding: text, as: UTF8.self))
        || endsName(input.keyed[index - 1].keyID, text)
    }
    var start = end
    while start - 3 >= previous.lowerBound && Self.isDevanagariLetterOrSign(bytes, at: start - 3) {
      start -= 3
    }
    if start == end || (start > previous.lowerBound && !Self.isSpace(bytes[start - 1])) {
      return true
    }
    return endsName(-1, UnsafeBufferPointer(rebasing: bytes[start..<end]))
  }

  /// Whether what stands right after the token at `index` ends a name: the end of the text, a
  /// token of a match of another label, or a word that is not Devanagari letters or ends a
  /// name. A blank line does not: what stands before it may be a name cut short (`किम जोंग`,
  /// then a blank line and `उन`), which no rule guesses.
  private func endsName(
    after index: Int, in input: StageInput, _ isOther: (Int) -> Bool
  ) -> Bool {
    let keyed = input.keyed
    guard index + 1 < keyed.count else { return true }
    if isOther(index + 1) { return true }
    let text = input.text(of: index + 1)
    if Self.isBlankLine(text) { return false }
    if !Self.isOneDevanagariWord(String(decoding: text, as: UTF8.self)) { return true }
    return endsName(keyed[index + 1].keyID, text)
  }

  /// Whether a keyed token is the white space of a blank line (or a paragraph separator),
  /// which the keyer keeps as a token that no pattern has.
  static func isBlankLine(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = text.first else { return false }
    let isSeparator =
      text.count >= 3 && first == 0xE2 && text[1] == 0x80 && (text[2] == 0xA8 || text[2] == 0xA9)
    return isSpace(first) || isSeparator
  }

  /// Whether the three bytes at `offset` are a Devanagari letter or sign (U+0900–U+0963,
  /// U+0971–U+097F).
  static func isDevanagariLetterOrSign(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int)
    -> Bool
  {
    guard offset + 2 < bytes.count, bytes[offset] == 0xE0 else { return false }
    switch (bytes[offset + 1], bytes[offset + 2]) {
    case (0xA4, 0x80...0xBF), (0xA5, 0x80...0xA3), (0xA5, 0xB1...0xBF): return true
    default: return false
    }
  }

  /// Whether a byte is ASCII white space.
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  /// Whether a token starts with a Devanagari letter (U+0904–U+0939, U+0958–U+0961,
  /// U+0972–U+097F).
  static func startsWithLetter(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard text.count >= 3, text[0] == 0xE0 else { return false }
    switch (text[1], text[2]) {
    case (0xA4, 0x84...0xB9), (0xA5, 0x98...0xA1), (0xA5, 0xB2...0xBF): return true
    default: return false
    }
  }

  /// Whether `text` is Devanagari letters and signs only (U+0900–U+0963, U+0971–U+097F:
  /// no danda, digit or abbreviation sign), which the tokenizer keeps as one token.
  static func isOneDevanagariWord(_ text: String) -> Bool {
    // By bytes: every such code point is three, E0 A4 80–BF, E0 A5 80–A3 or E0 A5 B1–BF.
    var bytes = text.utf8.makeIterator()
    var count = 0
    while let lead = bytes.next() {
      guard lead == 0xE0, let second = bytes.next(), let third = bytes.next() else { return false }
      switch (second, third) {
      case (0xA4, 0x80...0xBF), (0xA5, 0x80...0xA3), (0xA5, 0xB1...0xBF): count += 1
      default: return false
      }
    }
    return count > 0
  }

  /// Whether a one-word Devanagari `text` is its own matching key under either profile: it
  /// holds none of the code points that NFC or the standard folds change (nukta and the
  /// letters with one, chandrabindu, candra o) and no virama after a nasal consonant.
  static func isOwnKey(_ text: String) -> Bool {
    // By bytes, three a code point (the text is one Devanagari word): the last two of each.
    var bytes = text.utf8.makeIterator()
    var previous: (UInt8, UInt8) = (0, 0)
    while bytes.next() != nil, let second = bytes.next(), let third = bytes.next() {
      switch (second, third) {
      // नुक्ता, क़–य़, ऩ, ऱ, ऴ, चन्द्रबिन्दु, ॉ, ऑ
      case (0xA4, 0xBC), (0xA5, 0x98...0x9F), (0xA4, 0xA9), (0xA4, 0xB1), (0xA4, 0xB4),
        (0xA4, 0x81),
        (0xA5, 0x89), (0xA4, 0x91):
        return false
      // A virama after ङ ञ ण न म.
      case (0xA5, 0x8D):
        if previous.0 == 0xA4 && [0x99, 0x9E, 0xA3, 0xA8, 0xAE].contains(previous.1) {
          return false
        }
      default: break
      }
      previous = (second, third)
    }
    return true
  }

  /// Whether a token is a full stop.
  static func isFullStop(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    text.count == 1 && text[0] == 0x2E
  }

  /// Whether a token can be an initial: one or two Devanagari code points (`एस`, `बी`, `के`)
  /// or one Latin letter.
  static func isInitial(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    if text.count == 1 { return (0x41...0x5A).contains(text[0]) || (0x61...0x7A).contains(text[0]) }
    return startsWithLetter(text) && (text.count == 3 || text.count == 6)
  }

  /// Whether a token is punctuation: ASCII punctuation, a danda (। ॥) or a quotation mark or
  /// dash of General Punctuation.
  static func isPunctuation(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = text.first else { return false }
    if first < 0x80 {
      let scalar = Unicode.Scalar(first)
      return scalar.properties.generalCategory.isPunctuation
        || scalar.properties.generalCategory == .mathSymbol
    }
    if text.count >= 3 && first == 0xE0 && text[1] == 0xA5 && (text[2] == 0xA4 || text[2] == 0xA5) {
      return true
    }
    return text.count >= 3 && first == 0xE2 && text[1] == 0x80
  }
}

extension Unicode.GeneralCategory {
  /// Whether the category is one of the punctuation categories.
  fileprivate var isPunctuation: Bool {
    switch self {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      true
    default: false
    }
  }
}
