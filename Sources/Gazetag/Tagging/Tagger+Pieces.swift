import Dispatch

extension Tagger {
  /// The entities in well-formed UTF-8 `bytes`, tagged in up to `jobs` pieces in parallel.
  /// The result equals ``spans(inUTF8:)``: pieces are cut only where ``SplitPlanner`` proves
  /// it makes no difference.
  ///
  /// - Parameters:
  ///   - base: the position of `bytes` in a longer text; span offsets are shifted by it.
  ///   - minimumPiece: the fewest bytes worth a job of their own.
  public func spans(
    inUTF8 bytes: UnsafeBufferPointer<UInt8>, jobs: Int, base: TextOffsets = .zero,
    minimumPiece: Int = 1 << 20
  ) -> [EntitySpan] {
    Array(spanBatch(inUTF8: bytes, jobs: jobs, base: base, minimumPiece: minimumPiece))
  }

  /// ``spans(inUTF8:jobs:base:minimumPiece:)`` as a compact ``SpanBatch``.
  public func spanBatch(
    inUTF8 bytes: UnsafeBufferPointer<UInt8>, jobs: Int, base: TextOffsets = .zero,
    minimumPiece: Int = 1 << 20
  ) -> SpanBatch {
    let pieces = max(1, min(jobs, bytes.count / minimumPiece))
    var cuts = [0]
    if pieces > 1 {
      let planner = SplitPlanner(tagger: self, window: min(1 << 16, minimumPiece / 2))
      for index in 1..<pieces {
        let target = bytes.count * index / pieces
        if let cut = planner.cut(in: bytes, near: target, isWhole: true), cut > cuts.last! {
          cuts.append(cut)
        }
      }
    }
    cuts.append(bytes.count)
    if cuts.count == 2 {
      var found = spanBatch(inUTF8: bytes)
      found.shift(by: base)
      return found
    }
    let ranges = zip(cuts, cuts.dropFirst()).map { $0..<$1 }
    var results = [SpanBatch?](repeating: nil, count: ranges.count)
    let bases = ranges.dropLast().reduce(into: [base]) { bases, range in
      bases.append(bases.last!.advanced(over: UnsafeBufferPointer(rebasing: bytes[range])))
    }
    let text = UncheckedSendable(bytes)
    results.withUnsafeMutableBufferPointer { slots in
      let slots = UncheckedSendable(slots)
      DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
        let piece = UnsafeBufferPointer(rebasing: text.value[ranges[index]])
        var found = spanBatch(inUTF8: piece)
        found.shift(by: bases[index])
        slots.value[index] = found
      }
    }
    var joined = SpanBatch(entries: spanEntries)
    for result in results {
      joined.append(contentsOf: result!)
    }
    return joined
  }
}
