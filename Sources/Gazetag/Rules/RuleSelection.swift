/// Which of a gazetteer's context rules a tagger applies.
public enum RuleSelection: Hashable, Sendable {
  /// The rules the gazetteer enables (``ContextRule/isEnabled``).
  case enabled
  /// Every rule, enabled or not.
  case all
  /// No rule: only the gazetteer's matches.
  case none
  /// The rules with these ids, enabled or not.
  case only(Set<String>)

  /// The rules of `rules` this selection applies, in their order.
  public func apply(to rules: [ContextRule]) -> [ContextRule] {
    switch self {
    case .enabled: rules.filter(\.isEnabled)
    case .all: rules
    case .none: []
    case .only(let ids): rules.filter { ids.contains($0.id) }
    }
  }
}
