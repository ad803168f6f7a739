import Testing

@testable import Gazetag

/// The overlap matching of `--partial` against the plain quadratic rule it stands for.
@Suite struct CoverageTallyTests {
  /// Each gold range, in order, takes the first untaken overlapping prediction.
  static func reference(golds: [Range<Int>], predictions: [Range<Int>]) -> Int {
    var used = [Bool](repeating: false, count: predictions.count)
    var matched = 0
    for span in golds {
      if let index = predictions.indices.first(where: {
        !used[$0] && predictions[$0].overlaps(span)
      }) {
        used[index] = true
        matched += 1
      }
    }
    return matched
  }

  static func ranges(_ count: Int, in generator: inout GeneratedText.Generator) -> [Range<Int>] {
    (0..<count).map { _ in
      let start = Int.random(in: 0..<200, using: &generator)
      // Mostly short ranges, some long ones that nest others, some empty.
      let length =
        Int.random(in: 0..<10, using: &generator) == 0
        ? Int.random(in: 0..<80, using: &generator) : Int.random(in: 0..<6, using: &generator)
      return start..<(start + length)
    }.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
  }

  @Test("the sweep matches exactly as many gold ranges as the quadratic rule, on random ranges")
  func sweepEqualsReference() {
    var generator = GeneratedText.Generator(state: 11)
    var total = 0
    for _ in 0..<3000 {
      let golds = Self.ranges(Int.random(in: 0..<30, using: &generator), in: &generator)
      let predictions = Self.ranges(Int.random(in: 0..<30, using: &generator), in: &generator)
      let matched = CoverageTally.overlapMatches(golds: golds, predictions: predictions)
      #expect(matched == Self.reference(golds: golds, predictions: predictions))
      total += matched
    }
    #expect(total > 10_000)
  }

  @Test("adjacent ranges do not overlap; a taken prediction serves one gold range")
  func edges() {
    #expect(CoverageTally.overlapMatches(golds: [0..<3], predictions: [3..<5]) == 0)
    #expect(CoverageTally.overlapMatches(golds: [0..<3, 1..<2], predictions: [0..<5]) == 1)
    #expect(
      CoverageTally.overlapMatches(golds: [0..<10, 2..<3], predictions: [0..<1, 2..<4]) == 2)
  }
}
