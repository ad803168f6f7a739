extension Tagger {
  /// The tokens of well-formed UTF-8 `bytes` with their matching keys: what
  /// ``candidates(in:bytes:)`` matches. Token ranges count UTF-8 bytes of `bytes`.
  ///
  /// - Parameter everyUnknownToken: keep every token that no pattern has on its own, also
  ///   where no stage reads it (the name suggester reads them all).
  func keyedTokens(inUTF8 bytes: UnsafeBufferPointer<UInt8>, everyUnknownToken: Bool = false)
    -> [KeyedToken]
  {
    matcher.keyedTokens(
      inUTF8: bytes, tokenizer: tokenizer,
      merging: everyUnknownToken ? .none : barrierMerging)
  }

  /// The tokens of `bytes` already split by `tokenizer`, with their matching keys.
  func keyedTokens(_ tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>) -> [KeyedToken] {
    matcher.keyedTokens(tokens, in: bytes, merging: barrierMerging)
  }

  /// Where the keyer may merge each run of tokens that no pattern has into one token: where
  /// no stage reads such tokens (everywhere while none does; outside the windows that stages
  /// declare, ``CandidateStage/unknownTokensAfter``, while all that read them declare one).
  var barrierMerging: Matcher.BarrierMerging {
    var keys: [Int32] = []
    var window = 0
    for stage in stages where stage.readsUnknownTokens {
      guard let after = stage.unknownTokensAfter else { return .none }
      keys += after.keys
      window = max(window, after.window)
    }
    return keys.isEmpty ? .all : .outside(UnknownTokenWindow(keys: keys, window: window))
  }

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
      var decisions: [Range<Int>]? = nil
      for stage in stages {
        candidates = stage.candidates(after: candidates, in: input, decisions: &decisions)
      }
    }
    if let labels = options.labels, compiled != nil || ruleStage != nil {
      // A compiled trie holds every label, and rules read every label: filter before
      // overlaps are resolved, as leaving the other labels out of the trie would.
      candidates.removeAll { !labels.contains(label(of: $0)) }
    }
    return candidates
  }

  /// The label of the span a candidate would make.
  func label(of candidate: Candidate) -> String {
    if candidate.rule >= 0, let label = ruleStage?.rules[Int(candidate.rule)].label {
      return label
    }
    if let compiled { return compiled.label(ofEntry: Int(candidate.entry)) }
    return gazetteer.entries[Int(candidate.entry)].label
  }

  /// The token ranges, in order of start, that a cut through the text must not cross for the
  /// parts to be tagged as the whole is: every candidate before and after the stages, and the
  /// ranges that decided what the stages did. Without stages, the candidates themselves.
  func uncuttableRanges(in keyed: [KeyedToken], bytes: UnsafeBufferPointer<UInt8>)
    -> [Range<Int>]
  {
    guard !stages.isEmpty else {
      return candidates(in: keyed, bytes: bytes).map(\.tokens)
    }
    var candidates = matcher.candidates(in: keyed)
    var ranges = candidates.map(\.tokens)
    let input = StageInput(keyed: keyed, bytes: bytes)
    var decisions: [Range<Int>]? = []
    for stage in stages {
      candidates = stage.candidates(after: candidates, in: input, decisions: &decisions)
      ranges += candidates.map(\.tokens)
    }
    ranges += decisions ?? []
    return ranges.sorted { $0.lowerBound < $1.lowerBound }
  }

  /// How many tokens a candidate, with the tokens that decided it, may span at most: the
  /// context, in tokens, that a cut through the text must leave on each side so that no
  /// candidate crossing it is missed. Each stage may widen it.
  var contextLength: Int {
    stages.reduce(max(1, matcher.longestPattern)) { $1.contextLength(given: $0) }
  }

  /// Whether the keyed token at `index`, which no pattern has, bounds every range that a cut
  /// must not cross (``uncuttableRanges(in:bytes:)``), as the split planner's shortcut
  /// assumes: always without stages.
  func bounds(_ index: Int, in keyed: [KeyedToken], bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if stages.isEmpty { return true }
    let input = StageInput(keyed: keyed, bytes: bytes)
    return stages.allSatisfy { $0.bounds(index, in: input) }
  }
}
