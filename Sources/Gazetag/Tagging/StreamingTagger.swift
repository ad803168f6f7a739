/// Tags a text that arrives in pieces (a large file, standard input) in bounded memory, with
/// exactly the spans that tagging the whole text at once would give.
///
/// Bytes are buffered until about `chunkSize × jobs` have gathered; then the buffer is cut at a
/// safe place (``SplitPlanner``), the part before the cut is tagged (in `jobs` pieces in
/// parallel) and dropped. Each search reads a bounded window, so the work is linear in the
/// text whatever it holds. When no safe cut turns up in ``bufferLimit`` bytes (a text without
/// any place where the word break must break, or a gazetteer whose names are longer than a
/// window and fill it), the buffer is cut anyway at the best place the window offers
/// (``SplitPlanner/forcedCut(in:near:)``), so memory stays bounded whatever the text and the
/// gazetteer.
public struct StreamingTagger {
  /// The tagger that finds the spans.
  public let tagger: Tagger
  /// How many bytes each job tags at a time.
  public let chunkSize: Int
  /// How many pieces are tagged in parallel.
  public let jobs: Int
  /// The most bytes held before a cut is forced: a chunk per job and four planner windows.
  public var bufferLimit: Int { chunkSize * jobs + 4 * planner.window }
  private let planner: SplitPlanner
  private var buffer: [UInt8] = []
  private var base = TextOffsets.zero
  private var nextAttempt: Int
  /// What the planner has done so far: the work and memory it took and how it cut.
  private(set) var statistics = Statistics()

  /// What a streaming tagger's cuts cost, for tests of its bounds.
  struct Statistics {
    /// The bytes the planner read (scanned and tokenized) in all its searches.
    var examined = 0
    /// The most bytes the buffer held after an append.
    var peakBuffered = 0
    /// The cuts made.
    var cuts = 0
    /// How exact each forced cut was, in order.
    var forced: [SplitPlanner.Exactness] = []
  }

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
    statistics.peakBuffered = max(statistics.peakBuffered, buffer.count)
    var spans = SpanBatch(entries: tagger.spanEntries)
    while buffer.count >= nextAttempt {
      let target = chunkSize * jobs
      let search = buffer.withUnsafeBufferPointer { all in
        var found = planner.search(in: all, near: target, isWhole: false)
        if found.cut == nil {
          // Past a stretch without a safe cut: the first one after it.
          let later = planner.search(in: all, near: all.count - 2 * planner.window, isWhole: false)
          found = SplitPlanner.Search(cut: later.cut, examined: found.examined + later.examined)
        }
        if found.cut == nil && all.count >= bufferLimit {
          let forced = planner.forcedCut(in: all, near: target)
          found = SplitPlanner.Search(
            cut: forced.cut, exactness: forced.exactness,
            examined: found.examined + forced.examined)
        }
        return found
      }
      statistics.examined += search.examined
      guard let cut = search.cut, cut > 0 else {
        nextAttempt = min(buffer.count + planner.window, bufferLimit)
        break
      }
      statistics.cuts += 1
      if search.exactness != .exact { statistics.forced.append(search.exactness) }
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
