/// One problem `gazetag gazetteer lint` found in a gazetteer. Each message starts with the
/// place (`file:line:`), then `warning:` for a warning, and says how to fix it.
public enum LintFinding: Hashable, Sendable, CustomStringConvertible {
  /// A problem that stops the gazetteer from loading or compiling: the same text `gazetag tag`
  /// would fail with.
  case gazetteer(GazetteerError)
  /// An entry whose id an earlier entry (at `first`) already has.
  case duplicateID(SourceLocation, id: String, first: SourceLocation)
  /// A name or alias whose matching key is also one of another entry under a different label
  /// with the same priority.
  case aliasConflict(
    SourceLocation, alias: String, label: String, other: String, otherLabel: String,
    otherLocation: SourceLocation, priority: Int)
  /// A name or alias whose matching key is also one of an earlier entry of the same label.
  case sharedAlias(
    SourceLocation, alias: String, label: String, other: String, otherLocation: SourceLocation)
  /// An entry of a layer whose id an entry of the gazetteer it extends (at `base`) has: the
  /// layer's entry replaces it.
  case replacesEntry(SourceLocation, id: String, base: SourceLocation)
  /// A name or alias of a layer that an entry of the gazetteer it extends already has under
  /// another label of a different priority: the higher priority wins where both match.
  case baseAlias(
    SourceLocation, alias: String, label: String, other: String, otherLabel: String,
    otherLocation: SourceLocation, winner: String)
  /// A field that is not in NFC: `found` (code points) is `nfc` in NFC.
  case notNFC(SourceLocation, column: String, value: String, found: String, nfc: String)
  /// A name or alias with the matching key of a stoplist word.
  case ordinaryWord(SourceLocation, alias: String, word: Stoplist.Word)

  /// The rule the finding breaks.
  public var rule: LintRule {
    switch self {
    case .gazetteer(let error):
      switch error {
      case .emptyField: .emptyField
      case .unknownLabel: .unknownLabel
      case .unusableAlias: .unusableAlias
      case .duplicateID: .duplicateID
      default: .structure
      }
    case .duplicateID: .duplicateID
    case .aliasConflict: .aliasConflict
    case .sharedAlias: .sharedAlias
    case .replacesEntry: .replacedEntry
    case .baseAlias: .baseAlias
    case .notNFC: .notNFC
    case .ordinaryWord: .ordinaryWord
    }
  }

  /// The finding's severity, that of its rule.
  public var severity: LintRule.Severity { rule.severity }

  public var description: String {
    switch self {
    case .gazetteer(let error):
      error.description
    case .duplicateID(let location, let id, let first):
      "\(location): duplicate id '\(id)', already used at \(first); give each entry its own id, or merge the two rows"
    case .aliasConflict(
      let location, let alias, let label, let other, let otherLabel, let otherLocation,
      let priority):
      "\(location): '\(alias)' is also matched by \(Self.entry(other)) (\(otherLabel), \(otherLocation)), and \(label) and \(otherLabel) have the same priority (\(priority)); remove it from one entry, or give the labels different priorities in manifest.json"
    case .sharedAlias(let location, let alias, let label, let other, let otherLocation):
      "\(location): warning: '\(alias)' is also matched by \(Self.entry(other)) (\(label), \(otherLocation)), which comes first and always wins; remove it from one entry, or merge the entries"
    case .replacesEntry(let location, let id, let base):
      "\(location): warning: id '\(id)' is also the id of \(base) in the gazetteer this one extends, and this entry replaces it; give the entry an id of its own if it is another entity"
    case .baseAlias(
      let location, let alias, let label, let other, let otherLabel, let otherLocation,
      let winner):
      "\(location): warning: '\(alias)' (\(label)) is already a spelling of \(Self.entry(other)) (\(otherLabel), \(otherLocation)) in the gazetteer this one extends; where both match, \(winner) wins by priority; remove the spelling, or replace that entry by giving this one its id"
    case .notNFC(let location, let column, let value, let found, let nfc):
      "\(location): '\(column)' is not in NFC: '\(value)' has \(found) where NFC has \(nfc); write the NFC form"
    case .ordinaryWord(let location, let alias, let word):
      "\(location): '\(alias)' is the ordinary word '\(word.text)' (\(word.location)) and would be tagged wherever the word is used; remove it, or use a longer form of the name"
    }
  }

  /// Where the finding is.
  public var location: SourceLocation? {
    switch self {
    case .gazetteer(let error): error.location
    case .duplicateID(let location, _, _), .aliasConflict(let location, _, _, _, _, _, _),
      .sharedAlias(let location, _, _, _, _), .notNFC(let location, _, _, _, _),
      .replacesEntry(let location, _, _), .baseAlias(let location, _, _, _, _, _, _),
      .ordinaryWord(let location, _, _):
      location
    }
  }

  private static func entry(_ id: String) -> String {
    id.isEmpty ? "an entry without id" : "'\(id)'"
  }
}
