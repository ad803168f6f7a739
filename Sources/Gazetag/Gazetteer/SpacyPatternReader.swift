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
    var entries: [GazetteerEntry] = []
    entries.reserveCapacity(bytes.reduce(into: 1) { if $1 == 0x0A { $0 += 1 } })
    // Entries by label and id (or label and pattern), interned as NFC bytes: two keys are then
    // equal exactly when they are equal as strings.
    var entryKeys = KeyVocabulary()
    var entryIndexByKey: [Int] = []
    var key: [UInt8] = []
    var labels: [LabelDefinition] = []
    var lastLabel = ""
    var lineStart = 0
    var lineNumber = 0
    while lineStart <= bytes.count {
      let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
      let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
      lineStart = lineEnd + 1
      lineNumber += 1
      if Self.isBlank(line) { continue }
      let location = SourceLocation(file: file, line: lineNumber)
      let (label, pattern, id) = try fields(of: line, at: location, lastLabel: &lastLabel)
      if labels.last?.name != label && !labels.contains(where: { $0.name == label }) {
        labels.append(LabelDefinition(name: label))
      }
      key.removeAll(keepingCapacity: true)
      if id.isEmpty { key.append(0) }
      Self.appendCanonical(label, to: &key)
      key.append(0)
      Self.appendCanonical(id.isEmpty ? pattern : id, to: &key)
      let keyID = key.withUnsafeBufferPointer { entryKeys.intern($0) }
      if Int(keyID) < entryIndexByKey.count {
        entries[entryIndexByKey[Int(keyID)]].aliases.append(pattern)
      } else {
        entryIndexByKey.append(entries.count)
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

  /// Whether a line is white space only (a `Character` test, as spaCy's readers strip lines).
  private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = line.firstIndex(where: { !(0x09...0x0D).contains($0) && $0 != 0x20 })
    else { return true }
    guard line[first] >= 0x80 else { return false }
    return String(decoding: line, as: UTF8.self).allSatisfy(\.isWhitespace)
  }

  private static func appendCanonical(_ text: String, to key: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
      Normalizer.withCanonicalUTF8(bytes) { key.append(contentsOf: $0) }
    }
  }
}
