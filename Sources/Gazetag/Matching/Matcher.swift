/// Finds every occurrence of every gazetteer pattern in a token sequence.
///
/// Patterns are compiled into a ``PhraseTrie`` of matching keys. Separator tokens (whitespace,
/// and under the standard profile hyphens and dashes) are dropped before matching, so a
/// multi-token name matches with any whitespace between its tokens, and a match always starts
/// and ends on token boundaries: रूस never matches inside रूसी.
struct Matcher: Sendable {
  let normalizer: Normalizer
  private(set) var trie = PhraseTrie()

  /// Compiles the patterns of `entries` whose index passes `include`.
  ///
  /// - Throws: ``GazetteerError/unusableAlias(_:alias:reason:)`` for an alias with no
  ///   matchable token or one that starts with the designator slot.
  /// - Complexity: O(*p*) in the total length of all patterns.
  init(entries: [GazetteerEntry], profile: MatchingProfile, include: (Int) -> Bool)
    throws(GazetteerError)
  {
    normalizer = Normalizer(profile: profile)
    var compiler = PatternCompiler(normalizer: normalizer)
    for index in entries.indices where include(index) {
      // Read the entry's fields in place: copying a GazetteerEntry retains a dozen references.
      if entries[index].aliases.isEmpty {
        try compiler.add(entries[index].name, entry: index, of: entries, into: &trie)
      } else {
        for pattern in entries[index].patterns {
          try compiler.add(pattern, entry: index, of: entries, into: &trie)
        }
      }
    }
  }

  /// Compiles patterns into the trie, reusing its buffers from one pattern to the next.
  private struct PatternCompiler {
    let normalizer: Normalizer
    let tokenizer = Tokenizer()
    var tokens: [Token] = []
    var labels: [Int32] = []

    mutating func add(
      _ pattern: String, entry index: Int, of entries: [GazetteerEntry],
      into trie: inout PhraseTrie
    ) throws(GazetteerError) {
      var pattern = pattern
      pattern.withUTF8 { bytes in
        tokens.removeAll(keepingCapacity: true)
        labels.removeAll(keepingCapacity: true)
        tokenizer.appendTokens(inUTF8: bytes, to: &tokens)
        for token in tokens where token.kind != .whitespace {
          let text = UnsafeBufferPointer(rebasing: bytes[token.utf8Range])
          if text.count == 1 && text[0] == UInt8(ascii: "#") {
            labels.append(PhraseTrie.designatorLabel)
            continue
          }
          normalizer.withKey(ofUTF8: text) { key in
            if !key.isEmpty { labels.append(trie.intern(key)) }
          }
        }
      }
      guard let first = labels.first else {
        throw .unusableAlias(
          entries[index].location, alias: pattern, reason: "has no matchable token")
      }
      guard first != PhraseTrie.designatorLabel else {
        throw .unusableAlias(
          entries[index].location, alias: pattern,
          reason: "starts with the designator slot '#'; put the family name before it")
      }
      trie.insert(labels: labels, entry: Int32(index))
    }
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

  /// The non-separator tokens of a text with their interned keys.
  ///
  /// - Parameter bytes: the text's UTF-8, which `tokens` were made from.
  func keyedTokens(_ tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>) -> [KeyedToken] {
    var keyed: [KeyedToken] = []
    keyed.reserveCapacity(tokens.count / 2 + 1)
    let designators = trie.hasDesignators
    trie.vocabulary.withLookup { vocabulary in
      for token in tokens where token.kind != .whitespace {
        let text = UnsafeBufferPointer(rebasing: bytes[token.utf8Range])
        var keyID: Int32 = -2
        var designator: String?
        normalizer.withKey(ofUTF8: text) { key in
          guard !key.isEmpty else { return }  // a separator
          keyID = vocabulary.id(of: key) ?? -1
          if designators && token.kind == .number && Self.isDesignator(text) {
            designator = String(decoding: key, as: UTF8.self)
          }
        }
        if keyID == -2 { continue }
        keyed.append(KeyedToken(utf8Range: token.utf8Range, keyID: keyID, designator: designator))
      }
    }
    return keyed
  }

  /// Every match of every compiled pattern, in order of start and then of trie walk.
  ///
  /// - Complexity: O(*n* · *d*) for *n* keyed tokens and patterns at most *d* tokens long.
  func candidates(in tokens: [KeyedToken]) -> [Candidate] {
    var found: [Candidate] = []
    var stack: [(node: Int32, position: Int, designator: Int32)] = []
    for start in tokens.indices {
      let keyID = tokens[start].keyID
      if keyID < 0 { continue }
      // Patterns never start with the designator slot, so only the key leads from the root.
      let first = trie.child(of: PhraseTrie.root, key: keyID)
      if first < 0 { continue }
      stack.append((first, start + 1, -1))
      while let (node, position, designator) = stack.popLast() {
        trie.forEachEntry(at: node) { entry in
          found.append(
            Candidate(tokens: start..<position, entry: entry, designatorToken: designator))
        }
        guard position < tokens.count else { continue }
        let token = tokens[position]
        if token.keyID >= 0 {
          let next = trie.child(of: node, key: token.keyID)
          if next >= 0 { stack.append((next, position + 1, designator)) }
        }
        if token.designator != nil {
          let next = trie.designatorChild(of: node)
          if next >= 0 { stack.append((next, position + 1, Int32(position))) }
        }
      }
    }
    return found
  }

  /// Whether a token's UTF-8 can fill a designator slot: ASCII or Devanagari digits, then
  /// optionally letters and marks (`11`, `२३`, `23ए`, `15M`).
  static func isDesignator(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
    let table = ScalarClassTable.shared
    var index = 0
    var digits = 0
    while index < token.count {
      let (entry, length) = table.entry(at: index, in: token)
      if entry & ScalarClassTable.classMask == ScalarClassTable.complex {
        return isDesignator(token.scalars(in: 0..<token.count))
      }
      if digits == index && entry & ScalarClassTable.designatorDigit != 0 {
        digits += length
      } else if digits == 0 || entry & ScalarClassTable.designatorTail == 0 {
        return false
      }
      index += length
    }
    return digits > 0
  }

  /// Whether a token's scalars can fill a designator slot: ASCII or Devanagari digits, then
  /// optionally letters and marks (`11`, `२३`, `23ए`, `15M`).
  static func isDesignator(_ scalars: [Unicode.Scalar]) -> Bool {
    var index = 0
    while index < scalars.count, Self.isDigit(scalars[index]) { index += 1 }
    guard index > 0 else { return false }
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
