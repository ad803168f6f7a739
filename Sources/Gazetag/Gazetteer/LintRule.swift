/// The kinds of problem `gazetag gazetteer lint` reports, each with a fixed severity.
///
/// Documentation/GazetteerFormat.md lists them and explains the choices behind them.
public enum LintRule: String, CaseIterable, Hashable, Sendable {
  /// A file that cannot be read or parsed: bad manifest, header, JSON line, stray tab.
  case structure
  /// A row without an id, a name or a label.
  case emptyField = "empty-field"
  /// A label the manifest does not declare.
  case unknownLabel = "unknown-label"
  /// Two entries with the same id.
  case duplicateID = "duplicate-id"
  /// The same matching key under two labels of equal priority: gazetteer order would decide.
  case aliasConflict = "alias-conflict"
  /// The same matching key for two entries of one label: the earlier always wins (a warning).
  case sharedAlias = "shared-alias"
  /// An entry of a layer with the id of an entry it extends, which it replaces (a warning).
  case replacedEntry = "replaced-entry"
  /// A spelling of a layer that an entry it extends has under a label of another priority (a
  /// warning).
  case baseAlias = "base-alias"
  /// Text that is not in Unicode Normalization Form C.
  case notNFC = "not-nfc"
  /// A name or alias that is an ordinary word of the stoplist.
  case ordinaryWord = "ordinary-word"
  /// An alias with no matchable token, or one that starts with the designator slot `#`.
  case unusableAlias = "unusable-alias"

  /// How much a finding of this rule matters.
  public enum Severity: String, Hashable, Sendable {
    /// The gazetteer is wrong: lint fails.
    case error
    /// Probably unintended, but the gazetteer works as it is.
    case warning
  }

  /// The severity of every finding of this rule.
  public var severity: Severity {
    switch self {
    case .sharedAlias, .replacedEntry, .baseAlias: .warning
    default: .error
    }
  }
}
