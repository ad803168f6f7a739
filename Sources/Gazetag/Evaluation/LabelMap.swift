/// Which of the gazetteer's labels count as which gold label.
///
/// Without pairs every label of ours counts as the gold label of the same name. With pairs
/// (`--label-map LOC=PLACE,LOC=COUNTRY,PER=PERSON`) only the pairs count: one gold label may
/// take several of ours, each of ours goes to one gold label, and our labels in no pair are
/// ignored, never counted as false positives.
public struct LabelMap: Hashable, Sendable {
  /// One gold label and one of ours that counts as it.
  public struct Pair: Hashable, Sendable {
    public var gold: String
    public var ours: String

    public init(gold: String, ours: String) {
      self.gold = gold
      self.ours = ours
    }
  }

  /// The pairs, or `nil` for the identity.
  public var pairs: [Pair]?

  /// Every label of ours counts as the gold label of the same name.
  public static let identity = LabelMap(pairs: nil)

  /// - Precondition: no label of ours appears in two pairs with different gold labels.
  public init(pairs: [Pair]?) {
    if let pairs {
      for pair in pairs {
        precondition(
          !pairs.contains { $0.ours == pair.ours && $0.gold != pair.gold },
          "label \(pair.ours) is mapped to two gold labels")
      }
    }
    self.pairs = pairs
  }

  /// The gold label our label counts as, or `nil` when it is ignored.
  public func goldLabel(for ours: String) -> String? {
    guard let pairs else { return ours }
    return pairs.first { $0.ours == ours }?.gold
  }
}
