import Testing

@testable import Gazetag

/// The linear-time resolver against the plain rule it implements: sort by rank, keep each
/// candidate none of whose tokens is taken, order by start.
@Suite struct ResolverTests {
  func reference(_ candidates: [Candidate], priorities: [Int]) -> [Candidate] {
    func outranks(_ a: Candidate, _ b: Candidate) -> Bool {
      if a.tokens.count != b.tokens.count { return a.tokens.count > b.tokens.count }
      if a.tokens.lowerBound != b.tokens.lowerBound {
        return a.tokens.lowerBound < b.tokens.lowerBound
      }
      let (pa, pb) = (priorities[Int(a.entry)], priorities[Int(b.entry)])
      if pa != pb { return pa > pb }
      return a.entry < b.entry
    }
    var taken: Set<Int> = []
    var kept: [Candidate] = []
    for candidate in candidates.sorted(by: outranks)
    where !candidate.tokens.contains(where: taken.contains) {
      kept.append(candidate)
      taken.formUnion(candidate.tokens)
    }
    return kept.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
  }

  static func randomCandidates(seed: UInt64, inStartOrder: Bool) -> [Candidate] {
    var generator = GeneratedText.Generator(state: seed)
    var candidates: [Candidate] = []
    var start = 0
    for _ in 0..<3_000 {
      start += Int.random(in: 0...2, using: &generator)
      let length = Int.random(in: 1...5, using: &generator)
      candidates.append(
        Candidate(
          tokens: start..<(start + length), entry: Int32.random(in: 0..<20, using: &generator),
          designatorToken: Int32.random(in: -1...1, using: &generator)))
    }
    if !inStartOrder { candidates.shuffle(using: &generator) }
    return candidates
  }

  @Test(
    "non-overlapping choice equals the sorted greedy rule",
    arguments: [(1 as UInt64, true), (2, true), (3, false), (4, false)])
  func againstReference(seed: UInt64, inStartOrder: Bool) {
    let priorities = (0..<20).map { $0 % 3 * 10 }
    let candidates = Self.randomCandidates(seed: seed, inStartOrder: inStartOrder)
    let resolved = Resolver(priorities: priorities).resolve(candidates, policy: .none)
    #expect(resolved == reference(candidates, priorities: priorities))
    #expect(resolved.count > 300)
  }

  @Test("equal candidates keep their order: the first one found wins")
  func ties() {
    let first = Candidate(tokens: 0..<2, entry: 1, designatorToken: 1)
    let second = Candidate(tokens: 0..<2, entry: 1, designatorToken: -1)
    let resolver = Resolver(priorities: [0, 0])
    #expect(resolver.resolve([first, second], policy: .none) == [first])
    #expect(resolver.resolve([second, first], policy: .none) == [second])
    #expect(resolver.resolve([], policy: .none).isEmpty)
  }
}
