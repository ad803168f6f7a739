/// Finds places where a text can be cut so that tagging the parts separately yields exactly the
/// spans of tagging it whole. Streaming and parallel tagging both cut only there, unless a
/// stream leaves no choice (``forcedCut(in:near:)``).
///
/// A cut is *safe* at a ``CertainBoundary`` (ICU breaks there whatever comes before or after,
/// so both parts tokenize as the whole does) that no candidate match crosses (so the overlap
/// resolution of each part is independent of the other). The planner reads only a window of
/// text around the wanted place, bounded by certain boundaries so that its tokens are the
/// whole text's, and trusts what it sees there only where every candidate that could cross
/// the cut lies inside the window: where a token that no pattern has lies between the cut and
/// the window's edge, or at least ``Tagger/contextLength`` tokens do. So the work of a search
/// is bounded by the window, whatever the text and the gazetteer.
struct SplitPlanner: Sendable {
  /// The tagger whose tokenizer and matcher decide.
  let tagger: Tagger
  /// How many bytes on each side of the wanted place are searched.
  let window: Int

  init(tagger: Tagger, window: Int = 1 << 16) {
    self.tagger = tagger
    self.window = window
  }

  /// What a search found.
  struct Search {
    /// The cut, a UTF-8 byte offset, or `nil` when none was found.
    var cut: Int?
    /// How well the parts agree with the whole text.
    var exactness = Exactness.exact
    /// How many bytes the search read (scanned and tokenized): bounded by the window.
    var examined = 0
  }

  /// How tagging the two parts of a cut text compares with tagging it whole.
  enum Exactness: Sendable, Equatable {
    /// The same spans.
    case exact
    /// The same tokens; a name that crosses the cut may be lost or shortened.
    case sameTokens
    /// The same tokens, except that one word of more than a quarter window, of letters,
    /// digits and connectors only, is split in two at the cut.
    case splitWord
    /// The parts are tokenized as two texts; only tokens near the cut may differ.
    case separateTexts
  }

  /// A safe cut near `target`, as a UTF-8 byte offset into `bytes`, or `nil` when the window
  /// around `target` holds none.
  ///
  /// - Parameters:
  ///   - bytes: well-formed UTF-8, except that it may end inside a scalar when `isWhole` is
  ///     false.
  ///   - target: the wanted byte offset.
  ///   - isWhole: whether `bytes` is the whole rest of the text (nothing follows it).
  /// - Complexity: O(*w*) in the window size.
  func cut(in bytes: UnsafeBufferPointer<UInt8>, near target: Int, isWhole: Bool) -> Int? {
    search(in: bytes, near: target, isWhole: isWhole).cut
  }

  /// ``cut(in:near:isWhole:)`` with what the search read.
  func search(in bytes: UnsafeBufferPointer<UInt8>, near target: Int, isWhole: Bool) -> Search {
    let window = Window(bytes: bytes, around: target, reach: self.window)
    guard let found = window.cuts(planner: self, isWhole: isWhole) else {
      return Search(cut: nil, examined: window.examined)
    }
    return Search(cut: found.exact, examined: window.examined + found.tokenized)
  }

  /// A cut near `target` in a stream that must be cut although no safe cut was found, the
  /// best that the window offers: a certain boundary that no candidate seen crosses, or any
  /// certain boundary (``Exactness/sameTokens``); failing that, a place inside a long word
  /// (``Exactness/splitWord``); failing that, any character boundary
  /// (``Exactness/separateTexts``). `nil` only when `bytes` holds fewer than two scalars.
  ///
  /// - Parameter bytes: well-formed UTF-8, except that it may end inside a scalar.
  /// - Complexity: O(*w*) in the window size.
  func forcedCut(in bytes: UnsafeBufferPointer<UInt8>, near target: Int) -> Search {
    let window = Window(bytes: bytes, around: target, reach: self.window)
    var examined = window.examined
    if let found = window.cuts(planner: self, isWhole: false) {
      examined += found.tokenized
      if let cut = found.exact ?? found.uncrossed {
        return Search(
          cut: cut, exactness: found.exact == nil ? .sameTokens : .exact, examined: examined)
      }
    }
    if let cut = window.nearest(window.boundaries) {
      return Search(cut: cut, exactness: .sameTokens, examined: examined)
    }
    if let cut = window.wordSplit(margin: max(1, self.window / 4)) {
      return Search(cut: cut, exactness: .splitWord, examined: examined)
    }
    return Search(cut: window.characterBoundary(), exactness: .separateTexts, examined: examined)
  }
}
