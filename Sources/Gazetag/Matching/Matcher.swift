/// Finds every occurrence of every gazetteer pattern in a token sequence.
///
/// Patterns are compiled into a ``PhraseTrie`` of matching keys. Separator tokens (whitespace,
/// and under the standard profile hyphens and dashes) are dropped before matching, so a
/// multi-token name matches with any whitespace between its tokens, and a match always starts
/// and ends on token boundaries: रूस never matches inside रूसी.
struct Matcher: Sendable {
  let normalizer: Normalizer
  private(set) var trie = PhraseTrie()
  /// The most keyed tokens any pattern spans (a designator slot counts as one).
  private(set) var longestPattern = 0

  /// Compiles the patterns of `entries` whose index passes `include`.
  ///
  /// - Throws: ``GazetteerError/unusableAlias(_:alias:reason:)`` for an alias with no
  ///   matchable token or one that starts with the designator slot.
  /// - Complexity: O(*p*) in the total length of all patterns.
  init(entries: [GazetteerEntry], profile: MatchingProfile, include: (Int) -> Bool)
    throws(GazetteerError)
  {
    normalizer = Normalizer(profile: profile)
    let tokenizer = Tokenizer()
    for (index, entry) in entries.enumerated() where include(index) {
      for pattern in entry.patterns {
        let steps = try Self.compilableSteps(
          of: pattern, at: entry.location, tokenizer: tokenizer, normalizer: normalizer)
        trie.insert(steps, entry: Int32(index))
        longestPattern = max(longestPattern, steps.count)
      }
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
    guard let first = steps.first else {
      throw .unusableAlias(
        location, alias: pattern,
        reason: "has no matchable token (only spaces, hyphens or joiners); remove it")
    }
    guard first != .designator else {
      throw .unusableAlias(
        location, alias: pattern,
        reason: "starts with the designator slot '#'; put the family name before it")
    }
    return steps
  }

  /// The matching keys of `pattern`'s tokens, separators left out, with `#` as the designator
  /// slot: the path the pattern takes through the trie.
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
    keyed.reserveCapacity(tokens.count / 2)
    for token in tokens where token.kind != .whitespace {
      let key = normalizer.key(for: bytes.string(in: token.utf8Range))
      if key.isEmpty { continue }
      let designator =
        token.kind == .number && Self.isDesignator(bytes.scalars(in: token.utf8Range))
        ? key : nil
      keyed.append(
        KeyedToken(
          utf8Range: token.utf8Range, keyID: trie.vocabulary[key] ?? -1, designator: designator))
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
      if tokens[start].keyID < 0 { continue }
      stack.append((PhraseTrie.root, start, -1))
      while let (node, position, designator) = stack.popLast() {
        let current = trie.nodes[Int(node)]
        if position > start {
          for entry in current.entries {
            found.append(
              Candidate(tokens: start..<position, entry: entry, designatorToken: designator))
          }
        }
        guard position < tokens.count else { continue }
        let token = tokens[position]
        if token.keyID >= 0 {
          let next = trie.child(of: node, key: token.keyID)
          if next >= 0 { stack.append((next, position + 1, designator)) }
        }
        if token.designator != nil && current.designatorChild >= 0 {
          stack.append((current.designatorChild, position + 1, Int32(position)))
        }
      }
    }
    return found
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
