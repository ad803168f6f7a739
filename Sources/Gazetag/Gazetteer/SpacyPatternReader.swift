import Foundation

/// Reads spaCy EntityRuler pattern files: one `{"label": …, "pattern": "…", "id": …}` JSON
/// object per line. Phrase (string) patterns, and the token patterns of designator families
/// that ``SpacyPatternWriter`` writes; any other token-list pattern is refused.
///
/// Patterns that share a label and an `id` become one entry with the first pattern as its name
/// and the others as aliases, as spaCy's `ent_id_` groups them. Lines are split at line feeds
/// (a carriage return before one is JSON white space). Lines of the usual shape are parsed by
/// ``PatternLine``; any other goes through `JSONSerialization`.
struct SpacyPatternReader {
  /// The file's path as shown in diagnostics.
  var file: String

  /// The gazetteer of the file's `text`; throws the first problem.
  func gazetteer(from text: String) throws(GazetteerError) -> Gazetteer {
    var log = ProblemLog.strict
    return try gazetteer(from: text, log: &log)
  }

  /// The gazetteer of the file's `text`, sending every problem to `log`; a lenient log skips
  /// the lines it cannot use.
  func gazetteer(from text: String, log: inout ProblemLog) throws(GazetteerError) -> Gazetteer {
    var text = text
    return try text.withUTF8 { bytes in
      Result { () throws(GazetteerError) in try gazetteer(fromUTF8: bytes, log: &log) }
    }.get()
  }

  /// Reads the patterns of well-formed UTF-8 `bytes`, sending every problem to `log`.
  ///
  /// - Complexity: O(*n*) in the length of the file.
  func gazetteer(
    fromUTF8 bytes: UnsafeBufferPointer<UInt8>, log: inout ProblemLog
  ) throws(GazetteerError) -> Gazetteer {
    let lineCount = Self.lineCount(bytes)
    var entries: [GazetteerEntry] = []
    entries.reserveCapacity(lineCount)
    // Every line first becomes an entry; the hash of its key (label and id, or label and
    // pattern, in NFC) finds the lines that belong to an earlier entry afterwards.
    var hashes: [UInt64] = []
    hashes.reserveCapacity(lineCount)
    var key: [UInt8] = []
    var labels: [LabelDefinition] = []
    var lastLabel = ""
    var lineStart = 0
    var lineNumber = 0
    var isFirstLine = true
    while lineStart <= bytes.count {
      let lineEnd = Self.lineEnd(in: bytes, from: lineStart)
      let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
      lineStart = lineEnd + 1
      lineNumber += 1
      if Self.isBlank(line) { continue }
      let location = SourceLocation(file: file, line: lineNumber)
      defer { isFirstLine = false }
      if isFirstLine && !Self.startsObject(line) {
        // Not a patterns file at all (a text file, a TSV file): one error, not one per line.
        try log.record(.notAGazetteer(location))
        return Gazetteer(labels: [], entries: [], profile: .standard)
      }
      let fields: (label: String, pattern: String, id: String)
      do {
        fields = try self.fields(of: line, at: location, lastLabel: &lastLabel)
      } catch {
        try log.record(error)
        continue
      }
      let (label, pattern, id) = fields
      if labels.last?.name != label && !labels.contains(where: { $0.name == label }) {
        labels.append(LabelDefinition(name: label))
      }
      Self.entryKey(label: label, pattern: pattern, id: id, into: &key)
      hashes.append(key.withUnsafeBufferPointer(KeyVocabulary.hash64))
      entries.append(
        GazetteerEntry(
          id: id, label: label, name: pattern, source: "spacy-patterns", location: location))
    }
    Self.mergeEntriesWithEqualKeys(&entries, hashes: hashes)
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
    if let tokens = object["pattern"] as? [Any] {
      guard let alias = Self.familyAlias(of: tokens) else { throw .tokenPattern(location) }
      let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? ""
      return (label, alias, id)
    }
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
  /// Whether the first byte of `line` other than white space and a byte order mark is `{`.
  private static func startsObject(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    let first = line.first { ![0x09, 0x0A, 0x0D, 0x20, 0xEF, 0xBB, 0xBF].contains($0) }
    return first == UInt8(ascii: "{")
  }

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

  /// Merges each entry into the first earlier one with an equal key: its name becomes an
  /// alias there, in line order. Equal keys are found by hash, confirmed by comparing the keys.
  ///
  /// The hashes are first split by their top bits into groups small enough for a hash table
  /// that stays in cache; a single table over a million entries would miss the cache on
  /// nearly every line.
  ///
  /// - Complexity: O(*n*) for *n* entries, on average.
  private static func mergeEntriesWithEqualKeys(
    _ entries: inout [GazetteerEntry], hashes: [UInt64]
  ) {
    let count = entries.count
    guard count > 1 else { return }
    var groupBits = 0
    while groupBits < 8 && (count >> groupBits) > 4096 { groupBits += 1 }
    let groups = 1 << groupBits
    func group(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 32) & (groups - 1) }
    // Entry indices by group, in increasing order within each group.
    var groupStart = [Int](repeating: 0, count: groups + 1)
    for hash in hashes { groupStart[group(hash) + 1] += 1 }
    for index in 0..<groups { groupStart[index + 1] += groupStart[index] }
    var ordered = [Int32](repeating: 0, count: count)
    var next = groupStart
    for (index, hash) in hashes.enumerated() {
      ordered[next[group(hash)]] = Int32(index)
      next[group(hash)] += 1
    }
    // Within each group, a small table from hash to the first entry with it.
    var target = [Int32](repeating: -1, count: count)
    var merged = false
    var largest = 0
    for index in 0..<groups { largest = max(largest, groupStart[index + 1] - groupStart[index]) }
    var size = 16
    while size < largest * 2 { size *= 2 }
    var slots = [Int32](repeating: -1, count: size)
    var key: [UInt8] = []
    var other: [UInt8] = []
    for index in 0..<groups {
      let members = ordered[groupStart[index]..<groupStart[index + 1]]
      guard members.count > 1 else { continue }
      var tableSize = 16
      while tableSize < members.count * 2 { tableSize *= 2 }
      let mask = tableSize - 1
      for slot in 0..<tableSize { slots[slot] = -1 }
      for member in members {
        let hash = hashes[Int(member)]
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
          let first = Int(slots[slot])
          if hashes[first] == hash {
            entryKey(
              label: entries[first].label, pattern: entries[first].name, id: entries[first].id,
              into: &other)
            entryKey(
              label: entries[Int(member)].label, pattern: entries[Int(member)].name,
              id: entries[Int(member)].id, into: &key)
            if key == other {
              target[Int(member)] = Int32(first)
              merged = true
              break
            }
          }
          slot = (slot + 1) & mask
        }
        if target[Int(member)] < 0 { slots[slot] = member }
      }
    }
    guard merged else { return }
    // Compact in place (a second array of a million entries would double the memory): kept
    // entries move down by swapping, merged ones end up at the end and are removed.
    var newIndex = [Int](repeating: -1, count: count)
    var kept = 0
    for index in 0..<count {
      if target[index] < 0 {
        newIndex[index] = kept
        if kept != index { entries.swapAt(kept, index) }
        kept += 1
      } else {
        let name = entries[index].name
        entries[newIndex[Int(target[index])]].aliases.append(name)
      }
    }
    entries.removeSubrange(kept...)
  }

  private static func appendCanonical(_ text: String, to key: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
      Normalizer.withCanonicalUTF8(bytes) { key.append(contentsOf: $0) }
    }
  }
}
