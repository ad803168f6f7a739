/// Writes a gazetteer as a spaCy EntityRuler patterns file (JSON Lines), the form
/// ``SpacyPatternReader`` reads back.
///
/// Every spelling of an entry (its name, then its aliases, without repeats) is one phrase
/// pattern, `{"label": …, "pattern": "…", "id": …}`, written as the gazetteer has it. A
/// designator family alias (`ह्वासोंग-#`) becomes token patterns instead, since a phrase
/// pattern would match the `#` literally: the family name's tokens, the separator and a token
/// matched by ``designatorRegex``; and, when the name and the slot are joined by a dash, a
/// second pattern whose last token is name, dash and designator glued together, as spaCy's
/// tokenizer keeps `ह्वासोंग-11` or `Hwasong-15` in one token. Token patterns match `LOWER`
/// under the `standard` profile (case folded) and `ORTH` under `exact`.
///
/// spaCy applies none of the `standard` profile's Devanagari folds (nukta, chandrabindu,
/// candra o, nasal + virama, joiners, digits) nor its hyphen-as-space rule to phrase
/// patterns: a spelling matches in spaCy as written (Documentation/GazetteerFormat.md,
/// "Exporting").
public struct SpacyPatternWriter: Sendable {
  /// A designator on its own (`11`, `23ए`, `१७`, `15M`): ASCII or Devanagari digits, then at
  /// most four Latin or Devanagari letters or marks. A Python (`re`) regular expression.
  public static let designatorRegex = "^" + designatorBody + "$"

  /// The designator part of the patterns: digits, then at most four letters or marks.
  static let designatorBody = "[0-9\\u0966-\\u096F]+[A-Za-z\\u0900-\\u0963\\u0971-\\u097F]{0,4}"

  /// The dashes that join a family name to its designator in one spaCy token.
  static let gluedDash = "[\\-\\u2010-\\u2015\\u2212]"

  /// The end of a glued token's regular expression, after the family name.
  static let gluedSuffix = gluedDash + designatorBody + "$"

  /// The regular expression's characters that ``regexEscaped(_:)`` escapes.
  static let regexSpecials: Set<Character> = [
    "\\", ".", "^", "$", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "-", "/",
  ]

  private let tokenizer = Tokenizer()

  public init() {}

  /// The patterns of `gazetteer`, one JSON object per line, each line ended by a line feed.
  public func patterns(of gazetteer: Gazetteer) -> String {
    let normalizer = Normalizer(profile: gazetteer.profile)
    let attribute = gazetteer.profile == .exact ? "ORTH" : "LOWER"
    var output = ""
    for entry in gazetteer.entries {
      let head = "{\"label\": " + entry.label.jsonQuoted + ", \"pattern\": "
      let tail = ", \"id\": " + entry.id.jsonQuoted + "}\n"
      for pattern in entry.patterns {
        let pieces = self.pieces(of: pattern, normalizer: normalizer)
        guard pieces.contains(.designator) else {
          output += head + pattern.jsonQuoted + tail
          continue
        }
        for tokens in Self.tokenPatterns(pieces, attribute: attribute) {
          output += head + "[" + tokens.joined(separator: ", ") + "]" + tail
        }
      }
    }
    return output
  }

  /// One token of a spelling, as the token patterns need it.
  enum Piece: Equatable {
    /// A token that must match, as written.
    case literal(String)
    /// A dash between two tokens (a separator under `standard`).
    case dash(String)
    /// The designator slot `#`.
    case designator
  }

  /// The tokens of `pattern` that a token pattern names: white space and joiners left out.
  func pieces(of pattern: String, normalizer: Normalizer) -> [Piece] {
    var pattern = pattern
    return pattern.withUTF8 { bytes in
      tokenizer.tokens(inUTF8: bytes).compactMap { token -> Piece? in
        let text = bytes.string(in: token.utf8Range)
        if text == "#" { return .designator }
        if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) { return nil }
        if text.unicodeScalars.allSatisfy({ Self.isDash($0) }) { return .dash(text) }
        if normalizer.isSeparator(text) { return nil }
        return .literal(text)
      }
    }
  }

  /// The token patterns (each a list of JSON token objects) of a family spelling.
  static func tokenPatterns(_ pieces: [Piece], attribute: String) -> [[String]] {
    func value(_ text: String) -> String {
      (attribute == "LOWER" ? text.lowercased() : text).jsonQuoted
    }
    var split: [String] = []
    for (index, piece) in pieces.enumerated() {
      switch piece {
      case .literal(let text): split.append("{\"\(attribute)\": \(value(text))}")
      case .dash(let dash):
        let optional =
          attribute == "LOWER" && index + 1 < pieces.count && pieces[index + 1] == .designator
        split.append("{\"ORTH\": \(dash.jsonQuoted)\(optional ? ", \"OP\": \"?\"" : "")}")
      case .designator:
        split.append("{\"TEXT\": {\"REGEX\": \(designatorRegex.jsonQuoted)}}")
      }
    }
    var result = [split]
    // The name's last token, a dash and the designator as one token (`Hwasong-15`).
    if let slot = pieces.firstIndex(of: .designator), slot >= 2,
      case .dash = pieces[slot - 1], case .literal(let name) = pieces[slot - 2]
    {
      var glued = Array(split[..<(slot - 2)])
      let text = attribute == "LOWER" ? name.lowercased() : name
      let regex = "^" + regexEscaped(text) + gluedSuffix
      glued.append("{\"\(attribute)\": {\"REGEX\": \(regex.jsonQuoted)}}")
      glued += split[(slot + 1)...]
      result.append(glued)
    }
    return result
  }

  /// `text` with every regular-expression special character escaped by a backslash.
  static func regexEscaped(_ text: String) -> String {
    var result = ""
    for character in text {
      if regexSpecials.contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }

  /// Hyphens and dashes: U+002D, U+2010–U+2015, U+2212.
  static func isDash(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "-" || (0x2010...0x2015).contains(scalar.value) || scalar.value == 0x2212
  }
}
