/// Finds every occurrence of every gazetteer pattern in a token sequence.
///
/// Patterns are compiled into a ``PhraseTrie`` of matching keys. Separator tokens (whitespace,
/// and under the standard profile hyphens and dashes) are dropped before matching, so a
/// multi-token name matches with any whitespace between its tokens, and a match always starts
/// and ends on token boundaries: रूस never matches inside रूसी.
struct Matcher: Sendable {
  let normalizer: Normalizer
  private(set) var trie: PhraseTrie
  /// The most keyed tokens any pattern spans (a designator slot counts as one).
  private(set) var longestPattern = 0

  /// A matcher over a trie compiled before (a compiled gazetteer's).
  /// Key ids from this one on are keys of context rules' words that no pattern has: tokens
  /// with them take part in no match.
  private(set) var ruleKeyStart = Int32.max

  init(normalizer: Normalizer, trie: PhraseTrie, longestPattern: Int, ruleKeyStart: Int32) {
    self.normalizer = normalizer
    self.trie = trie
    self.longestPattern = longestPattern
    self.ruleKeyStart = ruleKeyStart
  }

  /// Whether a keyed token can take part in no match: its key is no pattern's, and it is no
  /// designator.
  @inline(__always)
  func isBarrier(_ token: KeyedToken) -> Bool {
    (token.keyID < 0 || token.keyID >= ruleKeyStart) && !token.isDesignator
  }

  /// Compiles the patterns of `entries` whose index passes `include`.
  ///
  /// - Parameter ordinaryWords: when not `nil` (and the profile is standard), every
  ///   multi-token Devanagari pattern also matches written as one word (``JoinedCompounds``),
  ///   unless that word is one of these or another pattern's.
  /// - Throws: ``GazetteerError/unusableAlias(_:alias:reason:)`` for an alias with no
  ///   matchable token or one that starts with the designator slot.
  /// - Complexity: O(*p*) in the total length of all patterns.
  ///
  /// - Parameter words: words whose token keys the vocabulary must hold although no pattern
  ///   has them (the words of context rules), so that their tokens are keyed.
  init(
    entries: [GazetteerEntry], profile: MatchingProfile, words: [String] = [],
    include: (Int) -> Bool, joiningCompoundsExcept ordinaryWords: [String]? = nil
  ) throws(GazetteerError) {
    normalizer = Normalizer(profile: profile)
    trie = PhraseTrie(expectedPatterns: entries.count)
    var compiler = PatternCompiler(normalizer: normalizer)
    compiler.joins = ordinaryWords != nil && profile == .standard
    // Joined forms must not depend on which labels are wanted: the entries left out still
    // veto the joined forms that equal their spellings.
    let excluded = compiler.joins ? entries.indices.filter { !include($0) } : []
    for index in entries.indices where include(index) {
      // Read the entry's fields in place: copying a GazetteerEntry retains a dozen references.
      if entries[index].aliases.isEmpty {
        let length = try compiler.add(entries[index].name, entry: index, of: entries, into: &trie)
        longestPattern = max(longestPattern, length)
      } else {
        for pattern in entries[index].patterns {
          let length = try compiler.add(pattern, entry: index, of: entries, into: &trie)
          longestPattern = max(longestPattern, length)
        }
      }
    }
    if compiler.joins {
      compiler.joined.addJoinedForms(
        into: &trie, excludedEntries: excluded.lazy.map { entries[$0] },
        ordinaryWords: ordinaryWords ?? [], normalizer: normalizer)
    }
    ruleKeyStart = Int32(trie.vocabulary.count)
    let tokenizer = Tokenizer()
    for word in words {
      for case .key(var key) in Self.steps(of: word, tokenizer: tokenizer, normalizer: normalizer) {
        _ = key.withUTF8 { trie.intern($0) }
      }
    }
    trie.seal()
  }

  /// Compiles patterns into the trie, reusing its buffers from one pattern to the next.
  private struct PatternCompiler {
    let normalizer: Normalizer
    let tokenizer = Tokenizer()
    var tokens: [Token] = []
    var labels: [Int32] = []
    /// Whether multi-token Devanagari patterns also get their joined form.
    var joins = false
    /// The joined forms met so far, and the single-token patterns they must not shadow.
    var joined = JoinedCompounds()

    /// Adds `pattern` of the entry at `index` and returns its length in steps.
    mutating func add(
      _ pattern: String, entry index: Int, of entries: [GazetteerEntry],
      into trie: inout PhraseTrie
    ) throws(GazetteerError) -> Int {
      var pattern = pattern
      var joinable = joins
      pattern.withUTF8 { bytes in
        tokens.removeAll(keepingCapacity: true)
        labels.removeAll(keepingCapacity: true)
        tokenizer.appendTokens(inUTF8: bytes, to: &tokens)
        if joinable { joined.text.removeAll(keepingCapacity: true) }
        for token in tokens where token.kind != .whitespace {
          let text = UnsafeBufferPointer(rebasing: bytes[token.utf8Range])
          if text.count == 1 && text[0] == UInt8(ascii: "#") {
            labels.append(PhraseTrie.designatorLabel)
            joinable = false
            continue
          }
          normalizer.withKey(ofUTF8: text) { key in
            guard !key.isEmpty else { return }
            labels.append(trie.intern(key))
            if joinable {
              joinable = JoinedCompounds.isDevanagariWord(key)
              joined.text.append(contentsOf: text)
            }
          }
        }
      }
      if joins {
        if labels.count == 1 && labels[0] >= 0 {
          joined.singleKeys.insert(labels[0])
        } else if joinable && labels.count > 1 {
          joined.addForm(of: Int32(index), normalizer: normalizer)
        }
      }
      // The entry's location is read only for a pattern that cannot be compiled.
      if labels.isEmpty || labels.first == PhraseTrie.designatorLabel,
        let problem = Matcher.problem(
          of: pattern, at: entries[index].location, isEmpty: labels.isEmpty,
          startsWithDesignator: labels.first == PhraseTrie.designatorLabel)
      {
        throw problem
      }
      trie.insert(labels: labels, entry: Int32(index))
      return labels.count
    }
  }

  /// The steps of `pattern` (an alias of the entry at `location`) if it can be compiled.
  ///
  /// - Throws: ``GazetteerError/unusableAlias(_:alias:reason:)`` for a pattern with no
  ///   matchable token or one that starts with the designator slot.
  static func compilableSteps(
    of pattern: String, at location: SourceLocation, tokenizer: Tokenizer, normalizer: Normalizer
  ) throws(GazetteerError) -> [PhraseTrie.Step] {
    let steps = steps(of: pattern, tokenizer: tokenizer, normalizer: normalizer)
    if let problem = problem(
      of: pattern, at: location, isEmpty: steps.isEmpty,
      startsWithDesignator: steps.first == .designator)
    {
      throw problem
    }
    return steps
  }

  /// Why a pattern with these steps cannot be compiled, if it cannot.
  private static func problem(
    of pattern: String, at location: SourceLocation, isEmpty: Bool, startsWithDesignator: Bool
  ) -> GazetteerError? {
    if isEmpty {
      return .unusableAlias(
        location, alias: pattern,
        reason: "has no matchable token (only spaces, hyphens or joiners); remove it")
    }
    if startsWithDesignator {
      return .unusableAlias(
        location, alias: pattern,
        reason: "starts with the designator slot '#'; put the family name before it")
    }
    return nil
  }

  /// The steps of one pattern: the keys of its tokens, separators left out, and `#` as the
  /// designator slot.
  static func steps(of pattern: String, tokenizer: Tokenizer, normalizer: Normalizer)
    -> [PhraseTrie.Step]
  {
    var pattern = pattern
    return pattern.withUTF8 { bytes in
      tokenizer.tokens(inUTF8: bytes).compactMap { token in
        let text = bytes.string(in: token.utf8Range)
        if text == "#" { return .designator }
        let key = normalizer.key(for: text)
        return key.isEmpty ? nil : .key(key)
      }
    }
  }

  /// Where the keyer merges each run of tokens that can take part in no match into one token.
  enum BarrierMerging: Hashable, Sendable {
    /// Everywhere: no stage reads such tokens.
    case all
    /// Nowhere: every such token is kept.
    case none
    /// Everywhere but in the window after a token with one of its keys.
    case outside(UnknownTokenWindow)
  }

  /// The non-separator tokens of a text with their interned keys.
  ///
  /// A run of tokens that can take part in no match (unknown key, no designator) is kept as
  /// one token where `merging` allows: it interrupts a name just the same, and candidates,
  /// which never include such tokens, keep their lengths and overlaps. The white space that
  /// ends a blank line is such a token too, so no name matches across a paragraph boundary
  /// (see `Keyer.addWhitespace(_:of:)`).
  ///
  /// - Parameter bytes: the text's UTF-8, which `tokens` were made from.
  func keyedTokens(
    _ tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>, merging: BarrierMerging = .all
  ) -> [KeyedToken] {
    var keyer = Keyer(
      normalizer: normalizer, designators: trie.hasDesignators, capacity: tokens.count / 4,
      merging: merging)
    trie.vocabulary.withLookup { vocabulary in
      for token in tokens {
        if token.kind == .whitespace {
          keyer.addWhitespace(token.utf8Range, of: bytes)
          continue
        }
        keyer.add(
          token.utf8Range, kind: token.kind, entries: ScalarClassTable.complexEntry, of: bytes,
          vocabulary: vocabulary)
      }
    }
    return keyer.keyed
  }

  /// The non-separator tokens of a text with their interned keys, tokenized as they are keyed
  /// (see ``keyedTokens(_:in:)``).
  ///
  /// - Parameter bytes: well-formed UTF-8 shorter than 2 GiB.
  /// - Complexity: O(*n*) in the number of bytes.
  func keyedTokens(
    inUTF8 bytes: UnsafeBufferPointer<UInt8>, tokenizer: Tokenizer, merging: BarrierMerging = .all
  ) -> [KeyedToken] {
    guard tokenizer.strategy == .fast, !bytes.isEmpty else {
      return keyedTokens(tokenizer.tokens(inUTF8: bytes), in: bytes, merging: merging)
    }
    precondition(bytes.count < Int(Int32.max), "a text for the tokenizer must be under 2 GiB")
    var keyer = Keyer(
      normalizer: normalizer, designators: trie.hasDesignators, capacity: bytes.count / 32,
      merging: merging)
    trie.vocabulary.withLookup { vocabulary in
      FastWordBreaker(bytes).forEachToken { range, kind, entries in
        if kind == .whitespace {
          // Most white space is one space, which cannot end a paragraph.
          if range.count != 1 || bytes[range.lowerBound] != 0x20 {
            keyer.addWhitespace(range, of: bytes)
          }
          return
        }
        keyer.add(range, kind: kind, entries: entries, of: bytes, vocabulary: vocabulary)
      }
    }
    return keyer.keyed
  }

  /// Keys text tokens and collects them: what the hot loop needs of the matcher, without the
  /// trie's arrays (a closure that captured the matcher would copy them all).
  private struct Keyer {
    let normalizer: Normalizer
    /// Whether any pattern has a designator slot; if not, no designator is computed.
    let designators: Bool
    /// The keyed tokens so far.
    var keyed: [KeyedToken] = []
    /// Whether a run of tokens that can take part in no match is kept as one token.
    let mergesBarriers: Bool
    /// The keys after which such tokens are kept one by one, for ``window`` tokens.
    let keepsAfter: [Int32]
    let window: Int
    /// How many more tokens are kept one by one (after a key of ``keepsAfter``).
    var unmerged = 0
    /// Whether the last keyed token can take part in no match.
    var lastIsBarrier = false
    /// The line breaks since the last token that is not white space (CR LF counts once).
    var lineBreaks = 0

    init(normalizer: Normalizer, designators: Bool, capacity: Int, merging: BarrierMerging) {
      self.normalizer = normalizer
      self.designators = designators
      switch merging {
      case .all:
        (mergesBarriers, keepsAfter, window) = (true, [], 0)
      case .none:
        (mergesBarriers, keepsAfter, window) = (false, [], 0)
      case .outside(let after):
        (mergesBarriers, keepsAfter, window) = (true, after.keys, after.window)
      }
      keyed.reserveCapacity(capacity + 1)
    }

    /// Appends a token that has a key (or is a designator).
    @inline(__always)
    private mutating func append(_ token: KeyedToken) {
      keyed.append(token)
      lastIsBarrier = false
      if !keepsAfter.isEmpty {
        unmerged = keepsAfter.contains(token.keyID) ? window : max(0, unmerged &- 1)
      }
    }

    /// Keys the token at `range` (not white space) and adds it, unless it is a separator or
    /// follows a token that, like it, can take part in no match.
    ///
    /// - Parameter entries: the OR of the token's ``ScalarClassTable`` entries; when they
    ///   carry no key hint for the profile, the token's bytes are its key.
    @inline(__always)
    mutating func add(
      _ range: Range<Int>, kind: TokenKind, entries: UInt16,
      of bytes: UnsafeBufferPointer<UInt8>, vocabulary: KeyVocabulary.Lookup
    ) {
      typealias Table = ScalarClassTable
      lineBreaks = 0
      let text = UnsafeBufferPointer(rebasing: bytes[range])
      let ownKey =
        normalizer.profile == .standard
        ? entries & Table.standardKeyHint == 0
          && (entries & (Table.nasal | Table.virama) != Table.nasal | Table.virama
            || !Self.hasNasalBeforeVirama(text))
        : entries & Table.exactKeyHint == 0
      if ownKey && !(designators && kind == .number) {
        // The common case: the token's bytes are its key, and it is no designator.
        guard let keyID = vocabulary.id(of: text) else {
          addBarrier(range)
          return
        }
        append(KeyedToken(utf8Range: range, keyID: keyID))
        return
      }
      var keyID: Int32 = -1
      let isSeparator = normalizer.withKey(ofUTF8: text) { key in
        guard !key.isEmpty else { return true }
        keyID = vocabulary.id(of: key) ?? -1
        return false
      }
      if isSeparator { return }
      let isDesignator = designators && kind == .number && Matcher.isDesignator(text)
      if keyID < 0 && !isDesignator {
        addBarrier(range)
      } else {
        append(KeyedToken(utf8Range: range, keyID: keyID, isDesignator: isDesignator))
      }
    }

    /// Whether a nasal consonant (ङ ञ ण न म) stands right before a virama: only then can the
    /// standard key of a token without other key hints differ from its bytes.
    @inline(__always)
    static func hasNasalBeforeVirama(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
      // The virama is E0 A5 8D; the nasals are E0 A4 99, 9E, A3, A8 and AE.
      var index = 5
      while index < text.count {
        if text[index] == 0x8D && text[index &- 1] == 0xA5 && text[index &- 4] == 0xA4 {
          switch text[index &- 3] {
          case 0x99, 0x9E, 0xA3, 0xA8, 0xAE: return true
          default: break
          }
        }
        index &+= 1
      }
      return false
    }

    /// Notes a white-space token: where it ends a blank line (the second line break with
    /// nothing but white space since the last other token, or a paragraph separator), a
    /// barrier is added, so that no name matches across a paragraph boundary.
    ///
    /// Line breaks are LF, VT, FF, CR, CR LF, NEL (U+0085) and the line separator U+2028;
    /// the paragraph separator U+2029 ends a paragraph by itself.
    mutating func addWhitespace(_ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) {
      var index = range.lowerBound
      var isParagraph = false
      while index < range.upperBound {
        switch bytes[index] {
        case 0x0A:
          if index == range.lowerBound || bytes[index &- 1] != 0x0D { lineBreaks &+= 1 }
        case 0x0B, 0x0C, 0x0D:
          lineBreaks &+= 1
        case 0xC2:
          if index &+ 1 < range.upperBound && bytes[index &+ 1] == 0x85 { lineBreaks &+= 1 }
        case 0xE2:
          if index &+ 2 < range.upperBound && bytes[index &+ 1] == 0x80 {
            if bytes[index &+ 2] == 0xA8 { lineBreaks &+= 1 }
            if bytes[index &+ 2] == 0xA9 { isParagraph = true }
          }
        default:
          break
        }
        index &+= 1
      }
      if isParagraph || lineBreaks >= 2 { addBarrier(range) }
    }

    /// Adds a token that can take part in no match, unless the last one is such a token too
    /// and runs are merged there: one stands for the whole run.
    @inline(__always)
    private mutating func addBarrier(_ range: Range<Int>) {
      if lastIsBarrier && mergesBarriers && unmerged == 0 { return }
      keyed.append(KeyedToken(utf8Range: range, keyID: -1))
      lastIsBarrier = true
      if unmerged > 0 { unmerged &-= 1 }
    }
  }

  /// Every match of every compiled pattern, in order of start and then of trie walk.
  ///
  /// - Complexity: O(*n* · *d*) for *n* keyed tokens and patterns at most *d* tokens long.
  func candidates(in tokens: [KeyedToken]) -> [Candidate] {
    var found: [Candidate] = []
    found.reserveCapacity(tokens.count)
    var stack: [(node: PhraseTrie.Node, position: Int, designator: Int32)] = []
    tokens.withUnsafeBufferPointer { tokens in
      for start in tokens.indices {
        let keyID = tokens[start].keyID
        if keyID < 0 { continue }
        // Patterns never start with the designator slot, so only the key leads from the root.
        let first = trie.root(key: keyID)
        if !first.exists { continue }
        stack.append((first, start + 1, -1))
        while let (node, position, designator) = stack.popLast() {
          trie.forEachEntry(of: node) { entry in
            found.append(
              Candidate(tokens: start..<position, entry: entry, designatorToken: designator))
          }
          guard node.hasChildren, position < tokens.count else { continue }
          let token = tokens[position]
          if token.keyID >= 0 {
            let next = trie.child(of: node, key: token.keyID)
            if next.exists { stack.append((next, position + 1, designator)) }
          }
          if token.isDesignator {
            let next = trie.designatorChild(of: node)
            if next.exists { stack.append((next, position + 1, Int32(position))) }
          }
        }
      }
    }
    return found
  }

  /// Whether a token's UTF-8 can fill a designator slot: ASCII or Devanagari digits, then
  /// optionally up to four letters and marks (`11`, `२३`, `23ए`, `15M`, `1बी`).
  static func isDesignator(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
    let table = ScalarClassTable.shared
    var index = 0
    var digits = 0
    var tail = 0
    while index < token.count {
      let (entry, length) = table.entry(at: index, in: token)
      if entry & ScalarClassTable.classMask == ScalarClassTable.complex {
        return isDesignator(token.scalars(in: 0..<token.count))
      }
      if digits == index && entry & ScalarClassTable.designatorDigit != 0 {
        digits += length
      } else if digits == 0 || entry & ScalarClassTable.designatorTail == 0 {
        return false
      } else {
        tail += 1
        if tail > 4 { return false }
      }
      index += length
    }
    return digits > 0
  }

  /// Whether a token's scalars can fill a designator slot: ASCII or Devanagari digits, then
  /// optionally up to four letters and marks (`11`, `२३`, `23ए`, `15M`, `1बी`).
  static func isDesignator(_ scalars: [Unicode.Scalar]) -> Bool {
    var index = 0
    while index < scalars.count, Self.isDigit(scalars[index]) { index += 1 }
    guard index > 0, scalars.count - index <= 4 else { return false }
    return scalars[index...].allSatisfy {
      switch $0.properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .otherLetter, .nonspacingMark, .spacingMark: true
      default: false
      }
    }
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    (0x30...0x39).contains(scalar.value) || (0x0966...0x096F).contains(scalar.value)
  }
}
