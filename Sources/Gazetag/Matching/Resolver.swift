/// Chooses which candidate spans to report.
///
/// Under ``OverlapPolicy/none`` it keeps a non-overlapping set, longest first (in tokens),
/// then earliest start, then higher label priority, then gazetteer order: spaCy's
/// `filter_spans` rule with CoreNLP-style label priority. Output is ordered by start.
struct Resolver: Sendable {
  /// The label priority of each gazetteer entry, by entry index.
  var priorities: [Int]

  /// The candidates to report, ordered by start, then longest first, then rank.
  ///
  /// - Complexity: O(*c* log *c* + *c* · *d*) for *c* candidates at most *d* tokens long.
  func resolve(_ candidates: [Candidate], policy: OverlapPolicy) -> [Candidate] {
    let ranked = candidates.sorted(by: outranks)
    var kept: [Candidate]
    switch policy {
    case .all:
      var seen: Set<Candidate> = []
      kept = ranked.filter { seen.insert($0).inserted }
    case .none:
      kept = []
      var taken: Set<Int> = []
      for candidate in ranked where !candidate.tokens.contains(where: taken.contains) {
        kept.append(candidate)
        taken.formUnion(candidate.tokens)
      }
    }
    return kept.sorted { a, b in
      if a.tokens.lowerBound != b.tokens.lowerBound {
        return a.tokens.lowerBound < b.tokens.lowerBound
      }
      return outranks(a, b)
    }
  }

  /// Whether `a` is preferred over `b`.
  private func outranks(_ a: Candidate, _ b: Candidate) -> Bool {
    if a.tokens.count != b.tokens.count { return a.tokens.count > b.tokens.count }
    if a.tokens.lowerBound != b.tokens.lowerBound {
      return a.tokens.lowerBound < b.tokens.lowerBound
    }
    let (pa, pb) = (priorities[Int(a.entry)], priorities[Int(b.entry)])
    if pa != pb { return pa > pb }
    return a.entry < b.entry
  }
}
