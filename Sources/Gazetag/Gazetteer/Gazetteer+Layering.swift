extension Gazetteer {
  /// Puts `layer` over `base`, as `gazetag tag --extend` does: the bundled gazetteer plus
  /// one's own.
  ///
  /// The rule when the two clash:
  /// - an entry of `layer` whose id an entry of `base` has *replaces* it: every base entry
  ///   with that id is left out (this is how a layer corrects an entry it extends);
  /// - the layer's entries come after the base's, so where a spelling of the layer is also
  ///   one of a base entry and the overlap rule ties, the base entry wins (`gazetteer lint
  ///   --extends` reports such spellings);
  /// - labels keep the base's definition; labels only the layer declares are added after the
  ///   base's.
  ///
  /// - Parameter profile: the profile of the result; `nil` requires the two to agree.
  /// - Throws: ``GazetteerError/profileConflict(first:second:)`` when they do not.
  /// - Complexity: O(*n*) in the number of entries of both.
  public init(layering layer: Gazetteer, over base: Gazetteer, profile: MatchingProfile? = nil)
    throws(GazetteerError)
  {
    if profile == nil, layer.profile != base.profile {
      throw .profileConflict(first: base.profile.rawValue, second: layer.profile.rawValue)
    }
    let replaced = Set(layer.entries.lazy.map(\.id).filter { !$0.isEmpty })
    var entries = base.entries.filter { !replaced.contains($0.id) }
    entries += layer.entries
    let added = layer.labels.filter { label in !base.labels.contains { $0.name == label.name } }
    let stoplists = [base.stoplist, layer.stoplist].compactMap { $0 }
    // A rule of the layer replaces the base's rule of the same id, as entries do.
    let replacedRules = Set(layer.rules.map(\.id))
    self.init(
      labels: base.labels + added, entries: entries, profile: profile ?? base.profile,
      joinsCompounds: base.joinsCompounds || layer.joinsCompounds,
      stoplist: stoplists.isEmpty ? nil : Stoplist(words: stoplists.flatMap(\.words)),
      rules: base.rules.filter { !replacedRules.contains($0.id) } + layer.rules)
  }

  /// Combines gazetteers given side by side (`--gazetteer A --gazetteer B`), refusing an id
  /// that two of them use: side by side, neither can replace the other's entry, and one id
  /// for two entities would make the output ambiguous.
  ///
  /// Entries without an id (spaCy patterns without `"id"`) never clash. An id used twice
  /// within one gazetteer is left to `gazetteer lint`, as when it is loaded alone.
  ///
  /// - Throws: ``GazetteerError/duplicateID(_:id:first:)`` at the later entry, or what
  ///   ``init(merging:profile:)`` throws.
  public init(combining gazetteers: [Gazetteer], profile: MatchingProfile? = nil)
    throws(GazetteerError)
  {
    if gazetteers.count > 1 {
      var owners: [String: SourceLocation] = [:]
      for gazetteer in gazetteers {
        var own: [String: SourceLocation] = [:]
        for entry in gazetteer.entries where !entry.id.isEmpty {
          if let first = owners[entry.id] {
            throw .duplicateID(entry.location, id: entry.id, first: first)
          }
          if own[entry.id] == nil { own[entry.id] = entry.location }
        }
        owners.merge(own) { first, _ in first }
      }
    }
    try self.init(merging: gazetteers, profile: profile)
  }
}
