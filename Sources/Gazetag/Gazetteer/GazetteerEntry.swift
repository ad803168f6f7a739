/// One entity of a gazetteer: a person, place, weapon family, country, organisation or
/// nationality word, with every spelling it is matched by.
///
/// A value type whose fields live in one shared, copy-on-write box: every ``EntitySpan``
/// carries its entry, and copying an entry then costs one reference count instead of one per
/// field, which matters when hundreds of thousands of spans are made on several threads.
public struct GazetteerEntry: Hashable, Sendable {
  /// The fields, shared between copies until one of them changes.
  private final class Storage: @unchecked Sendable {
    var id: String
    var label: String
    var name: String
    var aliases: [String]
    var englishName: String?
    var wikidata: String?
    var source: String?
    var attributes: [String: String]
    var location: SourceLocation

    init(
      id: String, label: String, name: String, aliases: [String], englishName: String?,
      wikidata: String?, source: String?, attributes: [String: String], location: SourceLocation
    ) {
      self.id = id
      self.label = label
      self.name = name
      self.aliases = aliases
      self.englishName = englishName
      self.wikidata = wikidata
      self.source = source
      self.attributes = attributes
      self.location = location
    }

    func copy() -> Storage {
      Storage(
        id: id, label: label, name: name, aliases: aliases, englishName: englishName,
        wikidata: wikidata, source: source, attributes: attributes, location: location)
    }
  }

  private var storage: Storage

  /// The box, copied first if other values share it: call before every change.
  private var uniqueStorage: Storage {
    mutating get {
      if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
      return storage
    }
  }

  /// A stable identifier, unique within the gazetteer (`KP`, `person:kim-jong-un`).
  public var id: String {
    get { storage.id }
    set { uniqueStorage.id = newValue }
  }
  /// The entity's label, one the gazetteer declares.
  public var label: String {
    get { storage.label }
    set { uniqueStorage.label = newValue }
  }
  /// The canonical Hindi name; it is matched as well as the aliases.
  public var name: String {
    get { storage.name }
    set { uniqueStorage.name = newValue }
  }
  /// Further spellings that are matched. An alias with a `#` token (`ह्वासोंग-#`) is a
  /// designator family: `#` stands for one number-like token such as `11`, `२३ए` or `23ए`.
  public var aliases: [String] {
    get { storage.aliases }
    set { uniqueStorage.aliases = newValue }
  }
  /// The English name, where known.
  public var englishName: String? {
    get { storage.englishName }
    set { uniqueStorage.englishName = newValue }
  }
  /// The Wikidata item (`Q42`), where known.
  public var wikidata: String? {
    get { storage.wikidata }
    set { uniqueStorage.wikidata = newValue }
  }
  /// Where the entry comes from: `cldr`, `curated`, a patterns file.
  public var source: String? {
    get { storage.source }
    set { uniqueStorage.source = newValue }
  }
  /// Columns beyond the documented ones (`country` of a nationality word, …), by column name.
  public var attributes: [String: String] {
    get { storage.attributes }
    set { uniqueStorage.attributes = newValue }
  }
  /// The line the entry was read from.
  public var location: SourceLocation {
    get { storage.location }
    set { uniqueStorage.location = newValue }
  }

  public init(
    id: String, label: String, name: String, aliases: [String] = [], englishName: String? = nil,
    wikidata: String? = nil, source: String? = nil, attributes: [String: String] = [:],
    location: SourceLocation
  ) {
    storage = Storage(
      id: id, label: label, name: name, aliases: aliases, englishName: englishName,
      wikidata: wikidata, source: source, attributes: attributes, location: location)
  }

  /// The canonical name followed by the aliases, without repeats: every string the entry is
  /// matched by.
  public var patterns: [String] {
    var seen: Set<String> = []
    return ([name] + aliases).filter { seen.insert($0).inserted }
  }

  public static func == (a: GazetteerEntry, b: GazetteerEntry) -> Bool {
    a.storage === b.storage
      || (a.id == b.id && a.label == b.label && a.name == b.name && a.aliases == b.aliases
        && a.englishName == b.englishName && a.wikidata == b.wikidata && a.source == b.source
        && a.attributes == b.attributes && a.location == b.location)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(label)
    hasher.combine(name)
    hasher.combine(location)
  }
}
