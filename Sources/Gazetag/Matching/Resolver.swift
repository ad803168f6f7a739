/// Chooses which candidate spans to report.
///
/// Under ``OverlapPolicy/none`` it keeps a non-overlapping set, longest first (in tokens),
/// then earliest start, then higher label priority, then gazetteer order: spaCy's
/// `filter_spans` rule with CoreNLP-style label priority. Output is ordered by start.
struct Resolver: Sendable {
  /// The label priority of each gazetteer entry, by entry index.
  var priorities: [Int]
  /// The label priority of the spans each context rule makes, by rule index; `nil` for a
  /// rule whose spans keep their match's label.
  var rulePriorities: [Int?] = []

  /// The candidates to report, ordered by start, then longest first, then rank.
  ///
  /// - Complexity: O(*c* + *n*) for *c* candidates in order of start (as the matcher gives
  ///   them) over *n* tokens; O(*c* log *c* + *c* · *d*) otherwise, for candidates at most *d*
  ///   tokens long.
  func resolve(_ candidates: [Candidate], policy: OverlapPolicy) -> [Candidate] {
    switch policy {
    case .all:
      var seen: Set<Candidate> = []
      return candidates.sorted(by: outranks).filter { seen.insert($0).inserted }.sorted {
        a, b in
        if a.tokens.lowerBound != b.tokens.lowerBound {
          return a.tokens.lowerBound < b.tokens.lowerBound
        }
        return outranks(a, b)
      }
    case .none:
      return nonOverlapping(candidates)
    }
  }

  /// The greedy non-overlapping choice: candidates in rank order, each kept unless one of its
  /// tokens is taken.
  private func nonOverlapping(_ candidates: [Candidate]) -> [Candidate] {
    guard !candidates.isEmpty else { return [] }
    var tokenCount = 0
    for candidate in candidates {
      tokenCount = max(tokenCount, candidate.tokens.upperBound)
    }
    var taken = [Bool](repeating: false, count: tokenCount)
    var keptAtStart = [Int32](repeating: -1, count: tokenCount)
    for index in ranking(candidates) {
      let tokens = candidates[Int(index)].tokens
      if tokens.contains(where: { taken[$0] }) { continue }
      for token in tokens { taken[token] = true }
      keptAtStart[tokens.lowerBound] = index
    }
    // Kept candidates are disjoint, so each start holds at most one: they come out by start.
    return keptAtStart.compactMap { $0 >= 0 ? candidates[Int($0)] : nil }
  }

  /// The indices of `candidates` in rank order (``outranks(_:_:)``), equal candidates in
  /// their given order.
  private func ranking(_ candidates: [Candidate]) -> [Int32] {
    let inStartOrder = zip(candidates, candidates.dropFirst()).allSatisfy {
      $0.tokens.lowerBound <= $1.tokens.lowerBound
    }
    guard inStartOrder else {
      return candidates.indices.sorted { outranks(candidates[$0], candidates[$1]) }.map(Int32.init)
    }
    // A stable counting sort by length, longest first, keeps the start order within a
    // length; only candidates of equal length and start remain to be ordered by rank.
    var longest = 0
    for candidate in candidates {
      longest = max(longest, candidate.tokens.count)
    }
    var firstOfLength = [Int](repeating: 0, count: longest + 2)
    for candidate in candidates {
      firstOfLength[longest - candidate.tokens.count + 1] += 1
    }
    for length in 1..<firstOfLength.count {
      firstOfLength[length] += firstOfLength[length - 1]
    }
    var ranked = [Int32](repeating: 0, count: candidates.count)
    for (index, candidate) in candidates.enumerated() {
      let slot = longest - candidate.tokens.count
      ranked[firstOfLength[slot]] = Int32(index)
      firstOfLength[slot] += 1
    }
    // Insertion sort within each run of equal length and start; runs are short.
    var runStart = 0
    while runStart < ranked.count {
      let tokens = candidates[Int(ranked[runStart])].tokens
      var runEnd = runStart + 1
      while runEnd < ranked.count && candidates[Int(ranked[runEnd])].tokens == tokens {
        runEnd += 1
      }
      if runEnd - runStart > 1 {
        for position in (runStart + 1)..<runEnd {
          let moving = ranked[position]
          var target = position
          while target > runStart
            && outranks(candidates[Int(moving)], candidates[Int(ranked[target - 1])])
          {
            ranked[target] = ranked[target - 1]
            target -= 1
          }
          ranked[target] = moving
        }
      }
      runStart = runEnd
    }
    return ranked
  }

  /// Whether `a` is preferred over `b`.
  private func outranks(_ a: Candidate, _ b: Candidate) -> Bool {
    if a.tokens.count != b.tokens.count { return a.tokens.count > b.tokens.count }
    if a.tokens.lowerBound != b.tokens.lowerBound {
      return a.tokens.lowerBound < b.tokens.lowerBound
    }
    let (pa, pb) = (priority(of: a), priority(of: b))
    if pa != pb { return pa > pb }
    return a.entry != b.entry ? a.entry < b.entry : a.rule < b.rule
  }

  /// The label priority of a candidate's span.
  @inline(__always)
  private func priority(of candidate: Candidate) -> Int {
    if candidate.rule >= 0, let priority = rulePriorities[Int(candidate.rule)] { return priority }
    return priorities[Int(candidate.entry)]
  }
}
