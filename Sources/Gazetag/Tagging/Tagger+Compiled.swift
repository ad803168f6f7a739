extension Tagger {
  /// A tagger over a compiled gazetteer: the matcher's tables are used as loaded, and an
  /// entry's details are decoded only when a span names it.
  ///
  /// The tagger's ``gazetteer`` then has the labels and profile but no entries. `--labels`
  /// filters candidates before overlaps are resolved, which gives the same spans as leaving
  /// the other labels out of the trie.
  ///
  /// - Throws: ``GazetteerError/profileConflict(first:second:)`` when `options` ask for
  ///   another profile than the one the file was compiled with.
  public init(compiled: CompiledGazetteer, options: TaggerOptions = TaggerOptions())
    throws(GazetteerError)
  {
    if let profile = options.profile, profile != compiled.profile {
      throw .profileConflict(first: compiled.profile.rawValue, second: profile.rawValue)
    }
    gazetteer = Gazetteer(
      labels: compiled.labels, entries: [], profile: compiled.profile,
      rules: compiled.metadata.rules ?? [])
    self.options = options
    self.compiled = compiled
    spanEntries = []
    matcher = compiled.matcher()
    resolver = Resolver(priorities: compiled.priorities())
    let all = compiled.metadata.rules ?? []
    let rules = options.rules.apply(to: all)
    if !rules.isEmpty {
      // The keys the file stores for each rule, found by the rule's id (ids are unique).
      var stored: [String: CompiledRuleKeys] = [:]
      if let keys = compiled.metadata.ruleKeys, keys.count == all.count {
        for (rule, keys) in zip(all, keys) { stored[rule.id] = keys }
      }
      addRules(
        RuleStage(
          rules: rules, matcher: matcher, labelNames: compiled.labels.map(\.name),
          entryLabels: .compiled(compiled), keys: rules.map { stored[$0.id] }))
    }
  }
}

extension CompiledGazetteer {
  /// The entries `candidates` name, decoded, each once; every candidate's entry becomes its
  /// index in the result.
  func entries(namedBy candidates: inout [Candidate]) -> [GazetteerEntry] {
    var local: [Int32: Int32] = [:]
    var entries: [GazetteerEntry] = []
    for index in candidates.indices where candidates[index].entry >= 0 {
      let global = candidates[index].entry
      if let known = local[global] {
        candidates[index].entry = known
      } else {
        let new = Int32(entries.count)
        local[global] = new
        entries.append(entry(at: Int(global)))
        candidates[index].entry = new
      }
    }
    return entries
  }
}
