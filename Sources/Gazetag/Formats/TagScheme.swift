/// How the tags of a CoNLL file mark where entities begin and end.
///
/// All schemes are decoded by the same rules, those of conlleval and of seqeval's default
/// mode (see ``CoNLLTag/chunks(in:)``); the scheme decides which prefixes a file may use and is
/// reported with the scores.
public enum TagScheme: String, CaseIterable, Sendable {
  /// `I-X` inside an entity; `B-X` only where an entity follows another of the same type.
  case iob1
  /// `B-X` begins every entity, `I-X` continues it (CoNLL-2003 as usually distributed).
  case iob2
  /// IOB2 plus `E-X` ending an entity and `S-X` for an entity of one token.
  case bioes
  /// BIOES spelled with `L-X` (last) and `U-X` (unit).
  case bilou

  /// The scheme's usual name, `IOB2`.
  public var displayName: String { rawValue.uppercased() }

  /// The prefixes the scheme's tags may have besides `O`.
  public var prefixes: [Character] {
    switch self {
    case .iob1, .iob2: ["B", "I"]
    case .bioes: ["B", "I", "E", "S"]
    case .bilou: ["B", "I", "L", "U"]
    }
  }

  /// The scheme a file's tags are written in: BILOU if any tag has an `L` or `U` prefix,
  /// BIOES if any has `E` or `S`, IOB1 if an `I-X` ever begins an entity (after `O` or a
  /// tag of another type), IOB2 otherwise.
  ///
  /// - Parameter sentences: the well-formed tags of each sentence.
  public static func detect(in sentences: [[CoNLLTag]]) -> TagScheme {
    var prefixes: Set<Character> = []
    var beginsWithI = false
    for tags in sentences {
      var previous: CoNLLTag = .outside
      for tag in tags {
        if case .entity(let prefix, let type) = tag {
          prefixes.insert(prefix)
          if prefix == "I", previous.type != type { beginsWithI = true }
        }
        previous = tag
      }
    }
    if prefixes.contains("L") || prefixes.contains("U") { return .bilou }
    if prefixes.contains("E") || prefixes.contains("S") { return .bioes }
    return beginsWithI ? .iob1 : .iob2
  }
}
