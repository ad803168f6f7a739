extension SplitPlanner {
  /// The scalars around a wanted place, with their word-break classes and the certain
  /// boundaries among them.
  struct Window {
    typealias Table = ScalarClassTable

    let bytes: UnsafeBufferPointer<UInt8>
    /// The wanted byte offset.
    let target: Int
    /// Where each scanned scalar starts, in UTF-8 bytes, ascending.
    private var starts: [Int32] = []
    /// The word-break class of each scanned scalar.
    private var classes: [UInt8] = []
    /// Where the scan stopped: the end of the last complete scalar scanned, in UTF-8 bytes.
    private(set) var end: Int
    /// The ``CertainBoundary`` offsets from the first scanned scalar to ``end``, ascending.
    private(set) var boundaries: [Int] = []

    /// Scans the complete scalars that start within `reach` bytes of `target`.
    ///
    /// - Parameter bytes: UTF-8 that may end inside a scalar.
    init(bytes: UnsafeBufferPointer<UInt8>, around target: Int, reach: Int) {
      self.bytes = bytes
      let count = bytes.count
      self.target = min(max(target, 0), count)
      var position = max(0, self.target - reach)
      while position < count && bytes[position] & 0xC0 == 0x80 { position += 1 }
      let limit = min(count, self.target + reach)
      starts.reserveCapacity(max(0, limit - position) + 1)
      classes.reserveCapacity(max(0, limit - position) + 1)
      if position > 0 && CertainBoundary.isCertain(at: position, in: bytes) {
        boundaries.append(position)
      }
      while position < limit,
        let (wordBreak, length) = CertainBoundary.wordBreakClass(
          at: position, in: bytes)
      {
        if let previous = classes.last,
          CertainBoundary.isCertain(between: UInt16(previous), and: wordBreak)
        {
          boundaries.append(position)
        }
        starts.append(Int32(truncatingIfNeeded: position))
        classes.append(UInt8(truncatingIfNeeded: wordBreak))
        position += length
      }
      end = position
      if let previous = classes.last, position < count,
        let (wordBreak, _) = CertainBoundary.wordBreakClass(at: position, in: bytes),
        CertainBoundary.isCertain(between: UInt16(previous), and: wordBreak)
      {
        boundaries.append(position)
      }
    }

    /// How many bytes the scan read.
    var examined: Int { end - (starts.first.map(Int.init) ?? end) }

    /// The safe cut nearest the target (`exact`), and the certain boundary nearest it that
    /// no candidate seen crosses (`uncrossed`), from the tokens between the outermost certain
    /// boundaries; `nil` when the window has no two of them.
    func cuts(planner: SplitPlanner, isWhole: Bool) -> (
      exact: Int?, uncrossed: Int?, tokenized: Int
    )? {
      let count = bytes.count
      // The tokens between two certain boundaries (or the ends of the text) are the text's.
      guard let first = starts.first.map(Int.init) else { return nil }
      let isStart = first == 0
      guard let start = isStart ? 0 : boundaries.first else { return nil }
      let reachesEnd = isWhole && end == count
      guard let stop = reachesEnd ? count : boundaries.last, stop > start else { return nil }
      let tagger = planner.tagger
      let text = UnsafeBufferPointer(rebasing: bytes[start..<stop])
      let keyed = tagger.keyedTokens(inUTF8: text)
      let ranges = tagger.uncuttableRanges(in: keyed, bytes: text)
      let longest = tagger.contextLength
      // A candidate never includes a token that no pattern has (a barrier), and a range that
      // decided a stage holds one only at its edge if the stage says the token bounds it: one
      // between the cut and the window's edge keeps every range that crosses the cut inside.
      var firstBarrier = Int.max
      var lastBarrier = -1
      for (index, token) in keyed.enumerated()
      where tagger.matcher.isBarrier(token) && tagger.bounds(index, in: keyed, bytes: text) {
        firstBarrier = min(firstBarrier, index)
        lastBarrier = index
      }
      var exact: Int?
      var uncrossed: Int?
      var token = 0
      var candidate = 0
      var covered = 0
      for cut in boundaries where cut > start && cut < stop && cut < count {
        let offset = cut - start
        while token < keyed.count && Int(keyed[token].start) < offset { token += 1 }
        // Candidates come in order of start: `covered` is the furthest end of those that
        // start before the cut.
        while candidate < ranges.count {
          let tokens = ranges[candidate]
          if Int(keyed[tokens.lowerBound].start) >= offset { break }
          covered = max(covered, Int(keyed[tokens.upperBound - 1].end))
          candidate += 1
        }
        if covered > offset { continue }
        uncrossed = closer(uncrossed, cut)
        // A crossing candidate includes the tokens on both sides of the cut and is at most
        // `longest` tokens long.
        let seenBefore = isStart || firstBarrier < token || token >= longest
        let seenAfter = reachesEnd || lastBarrier >= token || keyed.count - token >= longest
        if seenBefore && seenAfter { exact = closer(exact, cut) }
      }
      return (exact, uncrossed, stop - start)
    }

    /// The offset of `offsets` nearest the target that cuts the text into two non-empty
    /// parts.
    func nearest(_ offsets: some Sequence<Int>) -> Int? {
      var best: Int?
      for offset in offsets where offset > 0 && offset < bytes.count {
        best = closer(best, offset)
      }
      return best
    }

    /// A place nearest the target inside a run of letters, digits, connectors and the marks
    /// attached to them that extends at least `margin` bytes on both sides, between two
    /// letters or digits. Such a run is inside one token whatever surrounds it (WB4, WB5,
    /// WB8–WB10, WB13a/b join every pair of it), and a cut there splits that token in two and
    /// leaves every other token as it was: ICU ends the part before it after a letter or
    /// digit as it would the token, and starts the part after it with a letter or digit.
    func wordSplit(margin: Int) -> Int? {
      let joining: Set<UInt16> = [Table.aLetter, Table.numeric, Table.extendNumLet]
      let attaching: Set<UInt16> = [Table.extend, Table.format, Table.zwj]
      let core: Set<UInt16> = [Table.aLetter, Table.numeric]
      var best: Int?
      var index = 0
      while index < classes.count {
        guard joining.contains(UInt16(classes[index])) else {
          index += 1
          continue
        }
        let first = index
        index += 1
        while index < classes.count,
          joining.contains(UInt16(classes[index])) || attaching.contains(UInt16(classes[index]))
        {
          index += 1
        }
        let runStart = Int(starts[first])
        let runEnd = index < starts.count ? Int(starts[index]) : end
        guard runEnd - runStart >= 2 * margin else { continue }
        for split in (first + 1)..<index {
          let offset = Int(starts[split])
          guard offset - runStart >= margin, runEnd - offset >= margin,
            core.contains(UInt16(classes[split - 1])), core.contains(UInt16(classes[split]))
          else { continue }
          best = closer(best, offset)
        }
      }
      return best
    }

    /// The scalar boundary nearest the target before a character that attaches to nothing,
    /// or failing that any scalar boundary; `nil` when there is none inside the text.
    func characterBoundary() -> Int? {
      let attaching: Set<UInt16> = [Table.extend, Table.format, Table.zwj, Table.complex]
      let free = starts.indices.lazy.filter { !attaching.contains(UInt16(classes[$0])) }
      return nearest(free.map { Int(starts[$0]) }) ?? nearest(starts.lazy.map(Int.init))
    }

    private func closer(_ best: Int?, _ offset: Int) -> Int {
      guard let best else { return offset }
      return abs(offset - target) < abs(best - target) ? offset : best
    }
  }
}
