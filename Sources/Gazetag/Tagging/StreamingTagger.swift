/// Tags a text that arrives in pieces (a large file, standard input) in bounded memory, with
/// exactly the spans that tagging the whole text at once would give.
///
/// Bytes are buffered until about `chunkSize × jobs` have gathered; then the buffer is cut at a
/// safe place (``SplitPlanner``), the part before the cut is tagged (in `jobs` pieces in
/// parallel) and dropped. Memory stays bounded as long as the text has white space now and then:
/// a text with none for megabytes is buffered until a safe cut appears.
public struct StreamingTagger {
  /// The tagger that finds the spans.
  public let tagger: Tagger
  /// How many bytes each job tags at a time.
  public let chunkSize: Int
  /// How many pieces are tagged in parallel.
  public let jobs: Int
  private let planner: SplitPlanner
  private var buffer: [UInt8] = []
  private var base = TextOffsets.zero
  private var nextAttempt: Int

  public init(tagger: Tagger, chunkSize: Int = 4 << 20, jobs: Int = 1) {
    precondition(chunkSize > 0 && jobs > 0)
    self.tagger = tagger
    self.chunkSize = chunkSize
    self.jobs = jobs
    planner = SplitPlanner(tagger: tagger, window: min(1 << 16, max(256, chunkSize)))
    nextAttempt = chunkSize * jobs + planner.window
  }

  /// Adds the next bytes of the text and returns the spans that are now final, ordered by
  /// start, with offsets counted from the start of the whole text.
  ///
  /// - Precondition: the bytes appended so far form well-formed UTF-8, except that the latest
  ///   piece may end inside a scalar.
  public mutating func append(_ bytes: some Sequence<UInt8>) -> SpanBatch {
    buffer.append(contentsOf: bytes)
    var spans = SpanBatch(entries: tagger.gazetteer.entries)
    while buffer.count >= nextAttempt {
      let target = chunkSize * jobs
      let cut = buffer.withUnsafeBufferPointer { all in
        planner.cut(in: all, near: target, isWhole: false)
          ?? planner.cut(in: all, near: all.count - 2 * planner.window, isWhole: false)
      }
      guard let cut, cut > 0 else {
        nextAttempt = buffer.count + planner.window
        break
      }
      spans.append(contentsOf: commit(upTo: cut))
      nextAttempt = chunkSize * jobs + planner.window
    }
    return spans
  }

  /// Tags what is left and returns its spans.
  public mutating func finish() -> SpanBatch {
    commit(upTo: buffer.count)
  }

  private mutating func commit(upTo cut: Int) -> SpanBatch {
    let (spans, next) = buffer.withUnsafeBufferPointer { all in
      let piece = UnsafeBufferPointer(rebasing: all[0..<cut])
      let spans = tagger.spanBatch(
        inUTF8: piece, jobs: jobs, base: base, minimumPiece: max(64, chunkSize / 2))
      return (spans, base.advanced(over: piece))
    }
    base = next
    buffer.removeFirst(cut)
    return spans
  }
}
