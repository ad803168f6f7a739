/// A context rule of a gazetteer (its `rules.tsv`, Documentation/Rules.md): a pattern of
/// gazetteer matches and words around them that makes, widens or removes a candidate span
/// before overlaps are resolved.
public struct ContextRule: Codable, Hashable, Sendable {
  /// What a rule does.
  public enum Kind: String, Codable, CaseIterable, Sendable {
    /// A match of one of ``ContextRule/labels`` followed by a word makes one span of
    /// ``ContextRule/label`` over both (`भारत सरकार` → ORG).
    case head
    /// A word before a match of one of ``ContextRule/labels`` widens it, keeping its label
    /// (`पूर्वी पाकिस्तान`).
    case qualifier
    /// A title word followed by one to three name-like tokens and then a stop word or
    /// punctuation makes a guessed span of ``ContextRule/label`` over the name alone.
    case title
    /// A given name (one of the words), at most one more name-like token and a surname (one
    /// of ``ContextRule/context``), between tokens that end a name (punctuation, a title word,
    /// a word that ends a name after a title, a match of another label, either end of the
    /// text), make a guessed span of ``ContextRule/label`` over the name (`उषा यादव`).
    case name
    /// A match of one of the words (an ambiguous alias), or with no words any match of one of
    /// ``ContextRule/labels``, is dropped when a context word stands right before or after it
    /// (``ContextRule/Condition``).
    case `guard`
  }

  /// Where a guard looks and what it wants there.
  public enum Condition: String, Codable, CaseIterable, Sendable {
    /// The match is kept only when a context word ends right before it.
    case before
    /// The match is dropped when a context word ends right before it.
    case notBefore = "not-before"
    /// The match is kept only when a context word starts right after it.
    case after
    /// The match is dropped when a context word starts right after it.
    case notAfter = "not-after"
  }

  /// The rule's id, unique in the gazetteer; spans the rule makes carry it.
  public var id: String
  public var kind: Kind
  /// The labels of the matches the rule applies to (head, qualifier, guard).
  public var labels: [String]
  /// The label of the span the rule makes (head, title, name); `nil` keeps the match's
  /// (qualifier).
  public var label: String?
  /// The rule's words: head words, qualifiers, titles, given names, or a guard's aliases. A
  /// word may have several tokens (`डॉ.`); it is compared by matching key. A guard without
  /// words reads every match of its labels (``readsEveryMatch``).
  public var words: [String]
  /// The id of the entity a made span names: a head or qualifier span's id is this, `+` and
  /// the match's id (`org:government-of+IN`); a title or name span's is this alone.
  public var entity: String?
  /// A title rule's stop words (punctuation always stops a name), a name rule's surnames, or a
  /// guard's context words.
  public var context: [String]
  /// Where a guard looks for its context words.
  public var condition: Condition?
  /// Whether the rule applies unless rules are chosen otherwise (`--rules`).
  public var isEnabled: Bool
  /// What the rule scored on the training corpus, as written (`116/129 0.90`), if recorded.
  public var train: String?
  /// The file the rule was read from.
  public var file: String
  /// The line the rule was read from.
  public var line: Int

  public init(
    id: String, kind: Kind, labels: [String] = [], label: String? = nil, words: [String],
    entity: String? = nil, context: [String] = [], condition: Condition? = nil,
    isEnabled: Bool = true, train: String? = nil, location: SourceLocation
  ) {
    self.id = id
    self.kind = kind
    self.labels = labels
    self.label = label
    self.words = words
    self.entity = entity
    self.context = context
    self.condition = condition
    self.isEnabled = isEnabled
    self.train = train
    file = location.file
    line = location.line
  }

  /// Where the rule was read from.
  public var location: SourceLocation { SourceLocation(file: file, line: line) }

  /// Whether the rule is a guard that reads every match of its labels, whatever its alias: a
  /// guard with no words (`अधिनियम` after any organisation).
  public var readsEveryMatch: Bool { kind == .guard && words.isEmpty }

  enum CodingKeys: String, CodingKey {
    case id, kind, labels, label, words, entity, context, condition, isEnabled, train, file, line
  }

  /// Decodes a rule of a compiled gazetteer's metadata: its words and context words as one
  /// string each, joined by `|` as in `rules.tsv` (or, as files written before, as arrays).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    func list(_ key: CodingKeys) throws -> [String] {
      if var joined = try? container.decode(String.self, forKey: key) {
        return joined.withUTF8(Self.words(joinedUTF8:))
      }
      return try container.decode([String].self, forKey: key)
    }
    id = try container.decode(String.self, forKey: .id)
    kind = try container.decode(Kind.self, forKey: .kind)
    labels = try container.decode([String].self, forKey: .labels)
    label = try container.decodeIfPresent(String.self, forKey: .label)
    words = try list(.words)
    entity = try container.decodeIfPresent(String.self, forKey: .entity)
    context = try list(.context)
    condition = try container.decodeIfPresent(Condition.self, forKey: .condition)
    isEnabled = try container.decode(Bool.self, forKey: .isEnabled)
    train = try container.decodeIfPresent(String.self, forKey: .train)
    file = try container.decode(String.self, forKey: .file)
    line = try container.decode(Int.self, forKey: .line)
  }

  /// The words of `bytes`, joined by `|`, split as bytes (splitting a String by Character
  /// walks grapheme clusters, which costs milliseconds for thousands of words).
  static func words(joinedUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    var words: [String] = []
    var start = 0
    for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "|") {
      if index > start {
        words.append(
          String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
      }
      start = index + 1
    }
    return words
  }

  /// Encodes the rule with its words and context words joined by `|`: one string each decodes
  /// much faster than thousands (a name rule's given names, a title rule's ordinary words).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(kind, forKey: .kind)
    try container.encode(labels, forKey: .labels)
    try container.encodeIfPresent(label, forKey: .label)
    try container.encode(words.joined(separator: "|"), forKey: .words)
    try container.encodeIfPresent(entity, forKey: .entity)
    try container.encode(context.joined(separator: "|"), forKey: .context)
    try container.encodeIfPresent(condition, forKey: .condition)
    try container.encode(isEnabled, forKey: .isEnabled)
    try container.encodeIfPresent(train, forKey: .train)
    try container.encode(file, forKey: .file)
    try container.encode(line, forKey: .line)
  }

  /// Whether spans the rule makes are guesses (a title or name rule's: the name is in no
  /// gazetteer).
  public var isGuess: Bool { kind == .title || kind == .name }
}
