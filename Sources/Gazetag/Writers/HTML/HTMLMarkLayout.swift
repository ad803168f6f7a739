/// Where the `<mark>` elements of a document's spans open and close.
///
/// Each span's edges are rounded outward to grapheme-cluster boundaries, so that no mark ever
/// splits a cluster (a consonant from its vowel sign or virama, an emoji sequence): a browser
/// cannot shape a cluster across an element edge. Spans from ``Tagger`` start and end on ICU
/// word boundaries, which are cluster boundaries already; the rounding guards spans from
/// elsewhere.
///
/// Nested spans (from ``OverlapPolicy/all``) become nested marks. Crossing spans cannot nest,
/// so the inner one is closed where the outer one ends and continued in a second mark.
struct HTMLMarkLayout {
  /// What happens at a position of the text.
  enum Event: Hashable {
    /// A mark of the span at this position of the document's span list opens;
    /// `continued` marks the second part of a span cut by a crossing span.
    case open(span: Int, continued: Bool)
    /// The innermost open mark closes.
    case close(span: Int)
  }

  /// The events in document order, each at a grapheme-cluster boundary of the text.
  var events: [(index: String.Index, event: Event)] = []
  /// For each span, whether no other span overlaps it (its mark then neither contains nor is
  /// contained in another).
  var isolated: [Bool]

  /// - Complexity: O(*n* + *k* log *k*) for a text of *n* bytes and *k* spans.
  init(text: String, spans: [EntitySpan]) {
    let clusters = Self.clusterBounds(
      of: Set(spans.flatMap { [$0.start.utf8, $0.end.utf8] }).sorted(), in: text)
    let bounds = spans.map { span in
      let start = clusters[span.start.utf8]!.floor
      let end = Swift.max(start, clusters[span.end.utf8]!.ceiling)
      return start..<end
    }
    let order = bounds.indices.sorted {
      (bounds[$0].lowerBound, bounds[$1].upperBound, $0)
        < (bounds[$1].lowerBound, bounds[$0].upperBound, $1)
    }
    // In start order, a span overlaps an earlier one if it starts before the furthest end so
    // far, and a later one if it ends after the next span starts.
    isolated = Array(repeating: true, count: spans.count)
    var furthestEnd = text.startIndex
    for (rank, span) in order.enumerated() {
      if rank > 0 && bounds[span].lowerBound < furthestEnd { isolated[span] = false }
      if rank + 1 < order.count && bounds[order[rank + 1]].lowerBound < bounds[span].upperBound {
        isolated[span] = false
      }
      furthestEnd = Swift.max(furthestEnd, bounds[span].upperBound)
    }

    var open: [Int] = []
    var next = order[...]
    while !open.isEmpty || !next.isEmpty {
      // The next position where a mark closes or opens.
      let closing = open.map { bounds[$0].upperBound }.min()
      let opening = next.first.map { bounds[$0].lowerBound }
      let position = [closing, opening].compactMap { $0 }.min()!
      if closing == position {
        var reopen: [Int] = []
        while let top = open.last, open.contains(where: { bounds[$0].upperBound == position }) {
          open.removeLast()
          events.append((position, .close(span: top)))
          if bounds[top].upperBound != position { reopen.append(top) }
        }
        for span in reopen.reversed() {
          events.append((position, .open(span: span, continued: true)))
          open.append(span)
        }
      }
      while let span = next.first, bounds[span].lowerBound == position {
        next.removeFirst()
        events.append((position, .open(span: span, continued: false)))
        if bounds[span].isEmpty {
          events.append((position, .close(span: span)))
        } else {
          open.append(span)
        }
      }
    }
  }

  /// The grapheme-cluster boundaries at or around each UTF-8 offset in `offsets` (sorted,
  /// distinct): `floor` is the last boundary at or before it, `ceiling` the first at or after
  /// it. Offsets past the end of the text map to its end.
  static func clusterBounds(of offsets: [Int], in text: String) -> [Int: (
    floor: String.Index, ceiling: String.Index
  )] {
    var result: [Int: (floor: String.Index, ceiling: String.Index)] = [:]
    var index = text.startIndex
    var offset = 0
    var pending = offsets[...]
    while let target = pending.first {
      guard index < text.endIndex, target != offset else {
        result[target] = (index, index)
        pending.removeFirst()
        continue
      }
      let after = text.index(after: index)
      let afterOffset = offset + text.utf8.distance(from: index, to: after)
      if target < afterOffset {
        result[target] = (index, after)
        pending.removeFirst()
      } else {
        index = after
        offset = afterOffset
      }
    }
    return result
  }
}
