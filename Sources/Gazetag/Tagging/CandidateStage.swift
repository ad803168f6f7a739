/// A step between matching and overlap resolution: it reads the keyed tokens of a text and
/// the candidates so far and returns the candidates that resolution sees (adding, removing or
/// relabelling some). Context rules are one.
///
/// A stage is registered on the ``Tagger`` (``Tagger/stages``) and runs inside
/// ``Tagger/candidates(in:bytes:)``, so tagging, streaming and `--jobs` pieces (through the
/// split planner) and coverage all see it alike. What a stage declares keeps the cuts of a
/// split text exact:
/// - ``contextLength(given:)``: how many tokens the candidates it makes may depend on, so that
///   the planner reads enough around a cut;
/// - ``reach``: how many tokens beyond a candidate, on either side, its decision reads, so that
///   no cut falls between a candidate and what decided it;
/// - ``readsUnknownTokens``: whether it reads tokens that no pattern has, which the keyer then
///   keeps one by one instead of merging each run of them into one token.
protocol CandidateStage: Sendable {
  /// Whether the stage reads tokens that no pattern has (a name after a title word).
  var readsUnknownTokens: Bool { get }
  /// How many tokens beyond a candidate, on either side, the stage reads to decide about it.
  var reach: Int { get }
  /// The most tokens a candidate and the tokens that decided it may span after this stage,
  /// when before it they span at most `inner`.
  func contextLength(given inner: Int) -> Int
  /// The candidates after this stage, in order of start.
  ///
  /// - Parameter input: the text's keyed tokens and bytes; the candidates' token ranges index
  ///   `input.keyed`.
  func candidates(after candidates: [Candidate], in input: StageInput) -> [Candidate]
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
