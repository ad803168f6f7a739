/// One token's tag in a CoNLL file: `O`, or a prefix and an entity type (`B-PER`).
public enum CoNLLTag: Hashable, Sendable {
  /// Outside any entity (`O`).
  case outside
  /// Part of an entity: the prefix (`B`, `I`, `E`, `S`, `L` or `U`) and the type (`PER`).
  case entity(prefix: Character, type: String)

  /// The prefixes any scheme uses.
  static let knownPrefixes: Set<Character> = ["B", "I", "E", "S", "L", "U"]

  /// Reads a tag: `O`, or one of `B I E S L U`, a hyphen and a non-empty type. `B-PER-X` has
  /// the type `PER-X`. Returns `nil` for anything else (`-`, `I-`, `X-PER`, `PER`).
  public init?(_ text: some StringProtocol) {
    if text == "O" {
      self = .outside
      return
    }
    guard let prefix = text.first, Self.knownPrefixes.contains(prefix),
      text.dropFirst().first == "-", text.count > 2
    else { return nil }
    self = .entity(prefix: prefix, type: String(text.dropFirst(2)))
  }

  /// The entity type, or `nil` for `O`.
  public var type: String? {
    if case .entity(_, let type) = self { type } else { nil }
  }

  /// The prefix, `O` for outside; `L` reads as `E` and `U` as `S`.
  var decodingPrefix: Character {
    switch self {
    case .outside: "O"
    case .entity("L", _): "E"
    case .entity("U", _): "S"
    case .entity(let prefix, _): prefix
    }
  }

  /// The entities a sentence's tags mark, as token ranges (end exclusive) with their types.
  ///
  /// The rules are conlleval's, as in seqeval's default mode: an entity ends after `E`/`S`,
  /// before `B`/`S`/`O` and where the type changes; one begins at `B`/`S`, at an `I` or `E`
  /// that does not continue an entity of its type, and where the type changes. So `O I-PER`
  /// is a PER entity and `B-PER I-LOC` two entities.
  ///
  /// - Complexity: O(*n*) in the number of tags.
  public static func chunks(in tags: [CoNLLTag]) -> [(type: String, tokens: Range<Int>)] {
    var chunks: [(type: String, tokens: Range<Int>)] = []
    var previous: (prefix: Character, type: String?) = ("O", nil)
    var begin = 0
    for (index, tag) in (tags + [.outside]).enumerated() {
      let prefix = tag.decodingPrefix
      let type = tag.type
      if let previousType = previous.type,
        previous.prefix == "E" || previous.prefix == "S"
          || (prefix == "B" || prefix == "S" || prefix == "O") || previousType != type
      {
        chunks.append((previousType, begin..<index))
      }
      if let type,
        prefix == "B" || prefix == "S" || previous.type != type
          || ((previous.prefix == "E" || previous.prefix == "S" || previous.prefix == "O")
            && (prefix == "I" || prefix == "E"))
      {
        begin = index
      }
      previous = (prefix, type)
    }
    return chunks
  }
}
