import Foundation

/// Reads spaCy EntityRuler pattern files: one `{"label": …, "pattern": "…", "id": …}` JSON
/// object per line. Phrase (string) patterns only; a token-list pattern is refused.
///
/// Patterns that share a label and an `id` become one entry with the first pattern as its name
/// and the others as aliases, as spaCy's `ent_id_` groups them.
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
    var entries: [GazetteerEntry] = []
    var entryIndexByKey: [String: Int] = [:]
    var labels: [LabelDefinition] = []
    for (index, line) in text.lines
      .enumerated() where !line.allSatisfy(\.isWhitespace)
    {
      let location = SourceLocation(file: file, line: index + 1)
      let pattern: (label: String, text: String, id: String)
      do {
        pattern = try Self.pattern(in: line, at: location)
      } catch {
        try log.record(error)
        continue
      }
      if !labels.contains(where: { $0.name == pattern.label }) {
        labels.append(LabelDefinition(name: pattern.label))
      }
      let key =
        pattern.id.isEmpty
        ? "\u{0}\(pattern.label)\u{0}\(pattern.text)" : "\(pattern.label)\u{0}\(pattern.id)"
      if let existing = entryIndexByKey[key] {
        entries[existing].aliases.append(pattern.text)
      } else {
        entryIndexByKey[key] = entries.count
        entries.append(
          GazetteerEntry(
            id: pattern.id, label: pattern.label, name: pattern.text, source: "spacy-patterns",
            location: location))
      }
    }
    return Gazetteer(labels: labels, entries: entries, profile: .standard)
  }

  /// The label, phrase and id of one line.
  private static func pattern(in line: Substring, at location: SourceLocation)
    throws(GazetteerError) -> (label: String, text: String, id: String)
  {
    let object: [String: Any]
    do {
      guard
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
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
    guard let text = object["pattern"] as? String, !text.isEmpty else {
      throw .invalidJSON(location, reason: "\"pattern\" must be a non-empty string")
    }
    let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? ""
    return (label, text, id)
  }
}
