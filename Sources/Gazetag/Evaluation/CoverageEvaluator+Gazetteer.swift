extension CoverageEvaluator {
  /// Fills in what the corpus says about the gazetteer: entries never matched, entries that
  /// cannot match, and names shared by labels. Only entries whose labels are scored count.
  ///
  /// - Parameters:
  ///   - matchedEntries: indices of the entries that matched anywhere, before overlaps were
  ///     resolved.
  ///   - corpusKeys: how often each token key occurs in the corpus.
  func addGazetteerFindings(
    to report: inout CoverageReport, matchedEntries: Set<Int>, corpusKeys: [String: Int]
  ) {
    let goldLabels = goldLabels
    let entries = tagger.gazetteer.entries
    let scored = entries.indices.filter { goldLabels[entries[$0].label] != nil }
    report.scoredEntryCount = scored.count
    let steps = Dictionary(
      uniqueKeysWithValues: scored.map { index in
        (
          index,
          entries[index].patterns.map {
            Matcher.steps(
              of: $0, tokenizer: tagger.tokenizer, normalizer: tagger.matcher.normalizer)
          }
        )
      })

    let neverMatched = scored.filter { !matchedEntries.contains($0) }
    report.neverMatched = neverMatched.map { entries[$0] }
    let frequentKeys = corpusKeys.sorted {
      $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
    }
    .map { Array($0.key.unicodeScalars) }
    for index in neverMatched {
      var absent: [String] = []
      var matchable = false
      for pattern in steps[index]! {
        let missing = pattern.lazy.compactMap { step -> String? in
          guard case .key(let key) = step, corpusKeys[key] == nil else { return nil }
          return key
        }.first
        guard let missing else {
          matchable = true
          break
        }
        if !absent.contains(missing) { absent.append(missing) }
      }
      guard !matchable, !absent.isEmpty else { continue }
      var containing: [String] = []
      if report.unmatchable.count < findingsLimit {
        let needles = absent.map { Array($0.unicodeScalars) }
        for key in frequentKeys where needles.contains(where: { Self.extends(key, $0) }) {
          containing.append(String(String.UnicodeScalarView(key)))
          if containing.count == 3 { break }
        }
      }
      report.unmatchable.append(
        UnmatchableEntry(entry: entries[index], absentTokens: absent, containingTokens: containing))
    }

    var aliasIndex: [[PhraseTrie.Step]: Int] = [:]
    var aliases: [(alias: String, entries: [Int])] = []
    for index in scored {
      for (pattern, patternSteps) in zip(entries[index].patterns, steps[index]!)
      where !patternSteps.isEmpty {
        if let position = aliasIndex[patternSteps] {
          if !aliases[position].entries.contains(index) { aliases[position].entries.append(index) }
        } else {
          aliasIndex[patternSteps] = aliases.count
          aliases.append((pattern, [index]))
        }
      }
    }
    report.sharedAliases = aliases.filter { alias in
      Set(alias.entries.map { entries[$0].label }).count > 1
    }.map { SharedAlias(alias: $0.alias, entries: $0.entries.map { entries[$0] }) }
  }

  /// Whether `token` is an inflected or longer form of `name`: it is longer and begins with
  /// `name` less a final vowel sign, compared scalar by scalar. So `रूसी` extends `रूस`,
  /// `भारतीय` extends `भारत` and `अमेरिकी` extends `अमेरिका` (Hindi inflects by suffixes that
  /// often replace a final vowel; a comparison of characters would miss all three, since `सी`
  /// is one character). The vowel sign stays when less than two code points would remain, so
  /// that `यो` does not match every token that starts with `य`.
  static func extends(_ token: [Unicode.Scalar], _ name: [Unicode.Scalar]) -> Bool {
    var stem = name[...]
    while let last = stem.last, (0x093E...0x094C).contains(last.value), stem.count > 2 {
      stem.removeLast()
    }
    return token != name && token.count > stem.count && token.starts(with: stem)
  }
}
