extension Tagger {
  /// The tokens of well-formed UTF-8 `bytes` with their matching keys: what
  /// ``candidates(in:bytes:)`` matches. Token ranges count UTF-8 bytes of `bytes`.
  func keyedTokens(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [KeyedToken] {
    matcher.keyedTokens(inUTF8: bytes, tokenizer: tokenizer, mergingBarriers: mergesBarriers)
  }

  /// The tokens of `bytes` already split by `tokenizer`, with their matching keys.
  func keyedTokens(_ tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>) -> [KeyedToken] {
    matcher.keyedTokens(tokens, in: bytes, mergingBarriers: mergesBarriers)
  }

  /// Whether the keyer may merge each run of tokens that no pattern has into one token: only
  /// while no stage reads such tokens.
  var mergesBarriers: Bool { !stages.contains { $0.readsUnknownTokens } }

  /// Every candidate span in `keyed` that overlap resolution sees, in start order, with the
  /// label filter applied: the one seam between matching and resolution. Tagging, the split
  /// planner's cuts (streaming and `--jobs` pieces) and coverage all read candidates here, so
  /// a stage added between matching and resolution (``stages``) is seen by every one of them.
  ///
  /// - Parameter bytes: the text `keyed` was made from.
  /// - Complexity: O(*n* · *k*) for *n* tokens and patterns of at most *k* tokens, plus what
  ///   the stages take.
  func candidates(in keyed: [KeyedToken], bytes: UnsafeBufferPointer<UInt8>) -> [Candidate] {
    var candidates = matcher.candidates(in: keyed)
    if !stages.isEmpty {
      let input = StageInput(keyed: keyed, bytes: bytes)
      for stage in stages {
        candidates = stage.candidates(after: candidates, in: input)
      }
    }
    if let compiled, let labels = options.labels {
      // A compiled trie holds every label: filter before overlaps are resolved, as leaving
      // the other labels out of the trie would.
      candidates.removeAll { !labels.contains(compiled.label(ofEntry: Int($0.entry))) }
    }
    return candidates
  }

  /// The token ranges, in order of start, that a cut through the text must not cross for the
  /// parts to be tagged as the whole is: every candidate before and after the stages, widened
  /// by the stages' ``CandidateStage/reach``. Without stages, the candidates themselves.
  func uncuttableRanges(in keyed: [KeyedToken], bytes: UnsafeBufferPointer<UInt8>)
    -> [Range<Int>]
  {
    guard !stages.isEmpty else {
      return candidates(in: keyed, bytes: bytes).map(\.tokens)
    }
    var candidates = matcher.candidates(in: keyed)
    var ranges = candidates.map(\.tokens)
    let input = StageInput(keyed: keyed, bytes: bytes)
    for stage in stages {
      candidates = stage.candidates(after: candidates, in: input)
      ranges += candidates.map(\.tokens)
    }
    let reach = stages.reduce(0) { $0 + $1.reach }
    return ranges.map { max(0, $0.lowerBound - reach)..<min(keyed.count, $0.upperBound + reach) }
      .sorted { $0.lowerBound < $1.lowerBound }
  }

  /// How many tokens a candidate, with the tokens that decided it, may span at most: the
  /// context, in tokens, that a cut through the text must leave on each side so that no
  /// candidate crossing it is missed. Each stage may widen it.
  var contextLength: Int {
    stages.reduce(max(1, matcher.longestPattern)) { $1.contextLength(given: $0) }
  }

  /// Whether a token that no pattern has bounds every candidate, as the split planner's
  /// shortcut assumes: unless a stage reads such tokens or reads around a candidate.
  var barriersBoundCandidates: Bool {
    stages.allSatisfy { !$0.readsUnknownTokens && $0.reach == 0 }
  }
}
