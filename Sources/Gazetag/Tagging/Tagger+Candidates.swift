extension Tagger {
  /// The tokens of well-formed UTF-8 `bytes` with their matching keys: what ``candidates(in:)``
  /// matches. Token ranges count UTF-8 bytes of `bytes`.
  func keyedTokens(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [KeyedToken] {
    matcher.keyedTokens(inUTF8: bytes, tokenizer: tokenizer)
  }

  /// The tokens of `bytes` already split by `tokenizer`, with their matching keys.
  func keyedTokens(_ tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>) -> [KeyedToken] {
    matcher.keyedTokens(tokens, in: bytes)
  }

  /// Every candidate span in `keyed` that overlap resolution sees, in start order, with the
  /// label filter applied: the one seam between matching and resolution. Tagging, the split
  /// planner's cuts (streaming and `--jobs` pieces) and coverage all read candidates here, so
  /// a stage added between matching and resolution is seen by every one of them.
  ///
  /// - Complexity: O(*n* · *k*) for *n* tokens and patterns of at most *k* tokens.
  func candidates(in keyed: [KeyedToken]) -> [Candidate] {
    var candidates = matcher.candidates(in: keyed)
    if let compiled, let labels = options.labels {
      // A compiled trie holds every label: filter before overlaps are resolved, as leaving
      // the other labels out of the trie would.
      candidates.removeAll { !labels.contains(compiled.label(ofEntry: Int($0.entry))) }
    }
    return candidates
  }

  /// How many tokens a candidate may span at most: the context, in tokens, that a cut through
  /// the text must leave on each side so that no candidate crossing it is missed. A stage that
  /// looks further around a match widens it.
  var contextLength: Int { max(1, matcher.longestPattern) }
}
