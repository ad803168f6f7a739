/// How much of a token's spelling the matching key keeps. A gazetteer declares its profile;
/// `--fold` overrides it.
public enum MatchingProfile: String, CaseIterable, Sendable, Codable {
  /// NFC; drop ZWJ, ZWNJ, soft hyphen, word joiner and BOM; Devanagari digits to ASCII; Latin
  /// case fold; hyphens and dashes act as whitespace; Devanagari spelling folds (nukta dropped,
  /// chandrabindu → anusvara, ॉ → ा, nasal consonant + virama before a consonant → anusvara).
  case standard
  /// NFC only: tokens match when their NFC forms are equal; hyphens are tokens that must match.
  case exact
}
