/// A name that entries of different labels share, such as जॉर्डन for the country and the
/// river: where it matches, label priority decides.
public struct SharedAlias: Hashable, Sendable {
  /// The name as the first entry spells it.
  public var alias: String
  /// The entries that have it, in gazetteer order.
  public var entries: [GazetteerEntry]

  public init(alias: String, entries: [GazetteerEntry]) {
    self.alias = alias
    self.entries = entries
  }

  /// The distinct labels of the entries, in gazetteer order.
  public var labels: [String] {
    var seen: Set<String> = []
    return entries.map(\.label).filter { seen.insert($0).inserted }
  }
}
