/// A step between matching and overlap resolution: it reads the keyed tokens of a text and
/// the candidates so far and returns the candidates that resolution sees (adding, removing or
/// relabelling some). Context rules are one.
///
/// A stage is registered on the ``Tagger`` (``Tagger/stages``) and runs inside
/// ``Tagger/candidates(in:bytes:)``, so tagging, streaming and `--jobs` pieces (through the
/// split planner) and coverage all see it alike. What a stage declares keeps the cuts of a
/// split text exact:
/// - the ranges of tokens that decided what it did (``candidates(after:in:decisions:)``), so
///   that no cut falls inside one;
/// - ``contextLength(given:)``: how long such a range may be, so that the planner reads enough
///   around a cut;
/// - ``readsUnknownTokens``: whether it reads tokens that no pattern has, which the keyer then
///   keeps one by one instead of merging each run of them into one token (everywhere, or only
///   after the keys of ``unknownTokensAfter``), and which of those still bound every range it
///   decides by (``bounds(_:in:)``).
protocol CandidateStage: Sendable {
  /// Whether the stage reads tokens that no pattern has (a name after a title word).
  var readsUnknownTokens: Bool { get }
  /// Where the stage reads tokens that no pattern has, when it reads them only near some
  /// words (a title rule: the name after a title word): the keyer keeps such tokens one by one
  /// only in the `window` tokens after a token with one of `keys`, and merges each other run
  /// of them as when no stage reads them. `nil` (the default): everywhere.
  var unknownTokensAfter: UnknownTokenWindow? { get }
  /// The most tokens a range that decided a candidate may span after this stage, when before
  /// it they span at most `inner`.
  func contextLength(given inner: Int) -> Int
  /// Whether the keyed token at `index`, which no pattern has, is never inside a range that
  /// decides this stage (it may stand at its edge): the split planner's shortcut relies on it.
  func bounds(_ index: Int, in input: StageInput) -> Bool
  /// The candidates after this stage, in order of start.
  ///
  /// - Parameters:
  ///   - input: the text's keyed tokens and bytes; the candidates' token ranges index
  ///     `input.keyed`.
  ///   - decisions: when not `nil`, receives every range of tokens that decided a candidate
  ///     the stage made, kept or dropped, beyond the candidate's own tokens.
  func candidates(
    after candidates: [Candidate], in input: StageInput, decisions: inout [Range<Int>]?
  ) -> [Candidate]
}

extension CandidateStage {
  var unknownTokensAfter: UnknownTokenWindow? { nil }
}

/// The tokens after which a stage reads tokens that no pattern has
/// (``CandidateStage/unknownTokensAfter``).
struct UnknownTokenWindow: Hashable, Sendable {
  /// The key ids after which the stage reads (the tokens of a title rule's words).
  var keys: [Int32]
  /// How many tokens after one of ``keys`` the stage reads.
  var window: Int
}

/// What a ``CandidateStage`` reads of a text.
struct StageInput {
  /// The text's keyed tokens (token ranges count UTF-8 bytes of ``bytes``).
  let keyed: [KeyedToken]
  /// The text's UTF-8.
  let bytes: UnsafeBufferPointer<UInt8>

  /// The UTF-8 of the keyed token at `index`.
  func text(of index: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: bytes[keyed[index].utf8Range])
  }
}
