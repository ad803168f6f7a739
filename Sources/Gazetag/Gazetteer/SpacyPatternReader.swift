import Foundation

/// Reads spaCy EntityRuler pattern files: one `{"label": …, "pattern": "…", "id": …}` JSON
/// object per line. Phrase (string) patterns only; a token-list pattern is refused.
///
/// Patterns that share a label and an `id` become one entry with the first pattern as its name
/// and the others as aliases, as spaCy's `ent_id_` groups them. Lines are split at line feeds
/// (a carriage return before one is JSON white space). Lines of the usual shape are parsed by
/// ``PatternLine``; any other goes through `JSONSerialization`.
struct SpacyPatternReader {
  /// The file's path as shown in diagnostics.
  var file: String

  func gazetteer(from text: String) throws(GazetteerError) -> Gazetteer {
    var text = text
    return try text.withUTF8 { bytes in
      Result { () throws(GazetteerError) in try gazetteer(fromUTF8: bytes) }
    }.get()
  }

  /// Reads the patterns of well-formed UTF-8 `bytes`.
  ///
  /// - Complexity: O(*n*) in the length of the file.
  func gazetteer(fromUTF8 bytes: UnsafeBufferPointer<UInt8>) throws(GazetteerError) -> Gazetteer {
    let lineCount = Self.lineCount(bytes)
    var entries: [GazetteerEntry] = []
    entries.reserveCapacity(lineCount)
    // Entries by label and id (or label and pattern), keyed by NFC bytes: two keys are then
    // equal exactly when they are equal as strings.
    var entryIndex = EntryIndex(capacity: lineCount)
    var key: [UInt8] = []
    var labels: [LabelDefinition] = []
    var lastLabel = ""
    var lineStart = 0
    var lineNumber = 0
    while lineStart <= bytes.count {
      let lineEnd = Self.lineEnd(in: bytes, from: lineStart)
      let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
      lineStart = lineEnd + 1
      lineNumber += 1
      if Self.isBlank(line) { continue }
      let location = SourceLocation(file: file, line: lineNumber)
      let (label, pattern, id) = try fields(of: line, at: location, lastLabel: &lastLabel)
      if labels.last?.name != label && !labels.contains(where: { $0.name == label }) {
        labels.append(LabelDefinition(name: label))
      }
      Self.entryKey(label: label, pattern: pattern, id: id, into: &key)
      let existing = key.withUnsafeBufferPointer { key in
        entryIndex.find(key) { index in
          var other: [UInt8] = []
          let entry = entries[index]
          Self.entryKey(label: entry.label, pattern: entry.name, id: entry.id, into: &other)
          return other.elementsEqual(key)
        }
      }
      if let existing {
        entries[existing].aliases.append(pattern)
      } else {
        key.withUnsafeBufferPointer { entryIndex.insert($0, entry: entries.count) }
        entries.append(
          GazetteerEntry(
            id: id, label: label, name: pattern, source: "spacy-patterns", location: location))
      }
    }
    return Gazetteer(labels: labels, entries: entries, profile: .standard)
  }

  /// The label, pattern and id of one non-blank line, checked. `lastLabel` keeps the label
  /// of the line before, so that the string is not made again for every line.
  private func fields(
    of line: UnsafeBufferPointer<UInt8>, at location: SourceLocation, lastLabel: inout String
  ) throws(GazetteerError) -> (label: String, pattern: String, id: String) {
    if let parsed = PatternLine.parse(line) {
      guard let labelValue = parsed.label, !parsed.isEmpty(labelValue) else {
        throw .invalidJSON(location, reason: "\"label\" must be a non-empty string")
      }
      guard let pattern = parsed.pattern, !parsed.isEmpty(pattern) else {
        throw .invalidJSON(location, reason: "\"pattern\" must be a non-empty string")
      }
      if let raw = parsed.rawBytes(of: labelValue),
        lastLabel.withUTF8({ raw.hasBytes(of: $0) })
      {
        // The same label as the line before.
      } else {
        lastLabel = parsed.string(labelValue)
      }
      return (lastLabel, parsed.string(pattern), parsed.id.map(parsed.string) ?? "")
    }
    let object: [String: Any]
    do {
      guard
        let parsed = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
      else { throw GazetteerError.invalidJSON(location, reason: "not an object") }
      object = parsed
    } catch let error as GazetteerError {
      throw error
    } catch {
      throw .invalidJSON(location, reason: "malformed JSON")
    }
    guard let label = object["label"] as? String, !label.isEmpty else {
      throw .invalidJSON(location, reason: "\"label\" must be a non-empty string")
    }
    if object["pattern"] is [Any] { throw .tokenPattern(location) }
    guard let pattern = object["pattern"] as? String, !pattern.isEmpty else {
      throw .invalidJSON(location, reason: "\"pattern\" must be a non-empty string")
    }
    let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? ""
    return (label, pattern, id)
  }

  /// The number of lines (line feeds + 1).
  private static func lineCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 1
    var index = 0
    while index < bytes.count {
      index = lineEnd(in: bytes, from: index) + 1
      count += 1
    }
    return count
  }

  /// The offset of the first line feed at or after `start`, or the end of `bytes`.
  private static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    if let base = bytes.baseAddress {
      // Eight bytes at a time while none of them is a line feed.
      let raw = UnsafeRawPointer(base)
      while index &+ 8 <= bytes.count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
        if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
        index &+= 8
      }
    }
    while index < bytes.count && bytes[index] != 0x0A { index &+= 1 }
    return index
  }

  /// Whether a line is white space only (a `Character` test, as spaCy's readers strip lines).
  private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = line.firstIndex(where: { !(0x09...0x0D).contains($0) && $0 != 0x20 })
    else { return true }
    guard line[first] >= 0x80 else { return false }
    return String(decoding: line, as: UTF8.self).allSatisfy(\.isWhitespace)
  }

  /// The key that groups patterns into entries: the label and the id, or, without an id, the
  /// label and the pattern, in NFC.
  private static func entryKey(
    label: String, pattern: String, id: String, into key: inout [UInt8]
  ) {
    key.removeAll(keepingCapacity: true)
    if id.isEmpty { key.append(0) }
    appendCanonical(label, to: &key)
    key.append(0)
    appendCanonical(id.isEmpty ? pattern : id, to: &key)
  }

  /// An open-addressing table from the hash of an entry key to the entry's index; keys are
  /// not stored but compared against the entry on a hash match.
  private struct EntryIndex {
    /// 0 for an empty slot, else the key's 32-bit hash above the entry index + 1.
    var slots: [UInt64]
    var count = 0

    /// An index with room for `capacity` entries before it grows.
    init(capacity: Int) {
      var size = 1024
      while size < capacity * 2 { size *= 2 }
      slots = Array(repeating: 0, count: size)
    }

    /// The index of the entry whose key is `key`; `isEntry` confirms a hash match.
    func find(_ key: UnsafeBufferPointer<UInt8>, isEntry: (Int) -> Bool) -> Int? {
      let hash = KeyVocabulary.hash(key)
      let mask = slots.count - 1
      var index = Int(hash) & mask
      while slots[index] != 0 {
        if UInt32(truncatingIfNeeded: slots[index] >> 32) == hash {
          let entry = Int(truncatingIfNeeded: slots[index] & 0xFFFF_FFFF) - 1
          if isEntry(entry) { return entry }
        }
        index = (index + 1) & mask
      }
      return nil
    }

    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, entry: Int) {
      if (count + 1) * 2 > slots.count {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        for slot in old where slot != 0 { place(slot) }
      }
      place(UInt64(KeyVocabulary.hash(key)) << 32 | UInt64(entry + 1))
      count += 1
    }

    private mutating func place(_ slot: UInt64) {
      let mask = slots.count - 1
      var index = Int(truncatingIfNeeded: slot >> 32) & mask
      while slots[index] != 0 { index = (index + 1) & mask }
      slots[index] = slot
    }
  }

  private static func appendCanonical(_ text: String, to key: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
      Normalizer.withCanonicalUTF8(bytes) { key.append(contentsOf: $0) }
    }
  }
}
