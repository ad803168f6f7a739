import Foundation

/// Reads spaCy EntityRuler pattern files: one `{"label": …, "pattern": "…", "id": …}` JSON
/// object per line. Phrase (string) patterns only; a token-list pattern is refused.
///
/// Patterns that share a label and an `id` become one entry with the first pattern as its name
/// and the others as aliases, as spaCy's `ent_id_` groups them.
struct SpacyPatternReader {
  /// The file's path as shown in diagnostics.
  var file: String

  func gazetteer(from text: String) throws(GazetteerError) -> Gazetteer {
    var entries: [GazetteerEntry] = []
    var entryIndexByKey: [String: Int] = [:]
    var labels: [LabelDefinition] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated() where !line.allSatisfy(\.isWhitespace)
    {
      let location = SourceLocation(file: file, line: index + 1)
      let object: [String: Any]
      do {
        guard
          let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
            as? [String: Any]
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
      if !labels.contains(where: { $0.name == label }) {
        labels.append(LabelDefinition(name: label))
      }
      let key = id.isEmpty ? "\u{0}\(label)\u{0}\(pattern)" : "\(label)\u{0}\(id)"
      if let existing = entryIndexByKey[key] {
        entries[existing].aliases.append(pattern)
      } else {
        entryIndexByKey[key] = entries.count
        entries.append(
          GazetteerEntry(
            id: id, label: label, name: pattern, source: "spacy-patterns", location: location))
      }
    }
    return Gazetteer(labels: labels, entries: entries, profile: .standard)
  }
}
