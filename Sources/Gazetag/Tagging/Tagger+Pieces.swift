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
      var found = spans(inUTF8: bytes)
      Self.shift(&found, by: base)
      return found
    }
    let ranges = zip(cuts, cuts.dropFirst()).map { $0..<$1 }
    var results = [[EntitySpan]](repeating: [], count: ranges.count)
    let bases = ranges.dropLast().reduce(into: [base]) { bases, range in
      bases.append(bases.last!.advanced(over: UnsafeBufferPointer(rebasing: bytes[range])))
    }
    let text = UncheckedSendable(bytes)
    results.withUnsafeMutableBufferPointer { slots in
      let slots = UncheckedSendable(slots)
      DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
        let piece = UnsafeBufferPointer(rebasing: text.value[ranges[index]])
        var found = spans(inUTF8: piece)
        Self.shift(&found, by: bases[index])
        slots.value[index] = found
      }
    }
    return Array(results.joined())
  }

  /// Moves `spans` by `base` in place: copying an `EntitySpan` costs reference counts.
  private static func shift(_ spans: inout [EntitySpan], by base: TextOffsets) {
    guard base != .zero else { return }
    for index in spans.indices {
      spans[index].start = spans[index].start.shifted(by: base)
      spans[index].end = spans[index].end.shifted(by: base)
    }
  }
}
