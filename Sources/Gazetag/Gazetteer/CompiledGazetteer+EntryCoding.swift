/// How a compiled gazetteer packs an entry's details: UTF-8 strings with a 32-bit length
/// (`0xFFFF_FFFF` for none), counts as 32-bit numbers, all little-endian:
/// id, name, English name, Wikidata QID, source, location file index, line, aliases (count,
/// then each), attributes (count, then key and value of each, sorted by key).
enum EntryCoding {
  static let none = UInt32.max

  /// Appends `entry`'s details to `bytes`; `file` is the index of its location's file.
  static func append(_ entry: GazetteerEntry, file: Int, to bytes: inout [UInt8]) {
    func number(_ value: UInt32) {
      withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    func string(_ value: String?) {
      guard var value else { return number(none) }
      value.withUTF8 {
        number(UInt32($0.count))
        bytes.append(contentsOf: $0)
      }
    }
    string(entry.id)
    string(entry.name)
    string(entry.englishName)
    string(entry.wikidata)
    string(entry.source)
    number(UInt32(file))
    number(UInt32(clamping: entry.location.line))
    number(UInt32(entry.aliases.count))
    entry.aliases.forEach(string)
    let attributes = entry.attributes.sorted { $0.key < $1.key }
    number(UInt32(attributes.count))
    for (key, value) in attributes {
      string(key)
      string(value)
    }
  }

  /// Reads one entry's details, checking every length against the bytes.
  struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
    }

    mutating func number() -> UInt32? {
      guard bytes.count - offset >= 4 else { return nil }
      var value: UInt32 = 0
      for index in 0..<4 { value |= UInt32(bytes[offset + index]) << (8 * UInt32(index)) }
      offset += 4
      return value
    }

    /// A string, `.some(nil)` for none, `nil` when the bytes run out.
    mutating func string() -> String?? {
      guard let length = number() else { return nil }
      if length == EntryCoding.none { return .some(nil) }
      guard bytes.count - offset >= Int(length) else { return nil }
      let text = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + Int(length))]),
        as: UTF8.self)
      offset += Int(length)
      return .some(text)
    }

    /// The entry, or `nil` if the bytes do not hold one.
    mutating func entry(label: String, files: [String]) -> GazetteerEntry? {
      guard let id = string() ?? nil, let name = string() ?? nil,
        let english = string(), let wikidata = string(), let source = string(),
        let file = number(), Int(file) < files.count, let line = number(),
        let aliasCount = number(), Int(aliasCount) <= bytes.count
      else { return nil }
      var aliases: [String] = []
      aliases.reserveCapacity(Int(aliasCount))
      for _ in 0..<aliasCount {
        guard let alias = string() ?? nil else { return nil }
        aliases.append(alias)
      }
      guard let attributeCount = number(), Int(attributeCount) <= bytes.count else { return nil }
      var attributes: [String: String] = [:]
      for _ in 0..<attributeCount {
        guard let key = string() ?? nil, let value = string() ?? nil else { return nil }
        attributes[key] = value
      }
      guard offset == bytes.count else { return nil }
      return GazetteerEntry(
        id: id, label: label, name: name, aliases: aliases, englishName: english,
        wikidata: wikidata, source: source, attributes: attributes,
        location: SourceLocation(file: files[Int(file)], line: Int(line)))
    }
  }
}
