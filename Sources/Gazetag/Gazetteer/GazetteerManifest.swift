import Foundation

/// The `manifest.json` of a gazetteer directory: format version, labels, matching profile and
/// the data files to read (Documentation/GazetteerFormat.md).
struct GazetteerManifest: Decodable {
  /// One data file and the label its rows take when they have no `label` column.
  struct File: Decodable {
    var path: String
    var label: String?

    /// The keys of a file in a manifest; any other is refused.
    enum CodingKeys: String, CodingKey, CaseIterable {
      case path, label
    }
  }

  var format: Int
  var name: String?
  var description: String?
  var profile: String?
  var labels: [LabelDefinition]
  var files: [File]
  /// The stoplist of ordinary words that `gazetag gazetteer lint` refuses as aliases, relative
  /// to the directory; `stoplist.txt` when absent.
  var stoplist: String?
  /// The context rules file (Documentation/Rules.md), relative to the directory; none when
  /// absent.
  var rules: String?
  /// The manifest file, for diagnostics.
  var location = SourceLocation(file: "manifest.json", line: 0)
  /// The manifest's lines, to point diagnostics at the line that names a value.
  private var lines: [Substring] = []

  /// The keys of a manifest; any other is refused, so that a misspelt one is not ignored.
  enum CodingKeys: String, CodingKey, CaseIterable {
    case format, name, description, profile, labels, files, stoplist, rules
  }

  /// Parses manifest JSON; `location` names the file in errors, which point at the line of
  /// the problem: a JSON syntax error, an unknown key, a value of the wrong type, a missing
  /// key (at the object that lacks it), a label declared twice.
  static func parse(_ text: String, location: SourceLocation) throws(GazetteerError) -> Self {
    func at(_ line: Int) -> SourceLocation { SourceLocation(file: location.file, line: line) }
    let tree: Any
    do {
      tree = try JSONSerialization.jsonObject(with: Data(text.utf8))
    } catch {
      throw syntaxError(error, in: text, at: at)
    }
    let map = JSONLineMap(text)
    guard let object = tree as? [String: Any] else {
      throw .invalidManifest(
        at(map.line(of: "")),
        reason: "not a JSON object; a manifest is {\"format\": 1, \"labels\": […], \"files\": […]}")
    }
    try checkMembers(of: object, map: map, at: at)
    let manifest: GazetteerManifest
    do {
      manifest = try JSONDecoder().decode(Self.self, from: Data(text.utf8))
    } catch let DecodingError.keyNotFound(key, context) {
      let path = Self.path(context.codingPath)
      throw .invalidManifest(
        at(map.line(of: path)),
        reason: "missing key '\(Self.path(context.codingPath + [key]))'; add it")
    } catch let DecodingError.typeMismatch(type, context) {
      let path = Self.path(context.codingPath)
      throw .invalidManifest(
        at(map.line(of: path)),
        reason: "'\(path)' must be \(Self.describe(type))\(Self.found(context.debugDescription))")
    } catch {
      throw .invalidManifest(at(1), reason: "\(error)")
    }
    for (index, label) in manifest.labels.enumerated() {
      if let first = manifest.labels[..<index].firstIndex(where: { $0.name == label.name }) {
        throw .duplicateLabel(
          at(map.line(of: "labels[\(index)]")), label: label.name,
          first: at(map.line(of: "labels[\(first)]")))
      }
    }
    guard manifest.format == 1 else {
      throw .unsupportedFormat(location, version: manifest.format)
    }
    var located = manifest
    located.location = location
    located.lines = text.lines
    return located
  }

  /// The error for text that is not JSON, at the line of the byte where the parser stopped.
  private static func syntaxError(
    _ error: any Error, in text: String, at: (Int) -> SourceLocation
  ) -> GazetteerError {
    var detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
    var line = text.lines.count
    if let range = detail.range(of: " around character ") {
      if let offset = Int(detail[range.upperBound...].prefix(while: \.isNumber)) {
        line = JSONLineMap.line(ofByte: offset, in: text)
      }
      detail = String(detail[..<range.lowerBound])
    }
    detail = detail.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
    return .invalidManifest(
      at(max(1, line)),
      reason:
        "not valid JSON\(detail.isEmpty ? "" : " (\(detail.lowercased()))"); check the quotes, commas and brackets here and on the line before"
    )
  }

  /// Refuses keys the format does not define, and numbers that must be whole but are not
  /// (which the decoder would report as invalid JSON, without a place).
  private static func checkMembers(
    of object: [String: Any], map: JSONLineMap, at: (Int) -> SourceLocation
  ) throws(GazetteerError) {
    func check(_ object: [String: Any], path: String, allowed: [String], what: String)
      throws(GazetteerError)
    {
      for key in object.keys.sorted() where !allowed.contains(key) {
        let keyPath = path.isEmpty ? key : "\(path).\(key)"
        throw .invalidManifest(
          at(map.line(of: keyPath)),
          reason:
            "unknown key '\(keyPath)'; \(what) has the keys \(allowed.joined(separator: ", ")) (Documentation/GazetteerFormat.md)"
        )
      }
    }
    func checkWhole(_ value: Any?, path: String) throws(GazetteerError) {
      guard let value, let number = value as? Double, !(value is Bool),
        number.rounded() != number || number.magnitude > 1e15
      else { return }
      throw .invalidManifest(
        at(map.line(of: path)), reason: "'\(path)' must be a whole number, not \(number)")
    }
    try check(object, path: "", allowed: CodingKeys.allCases.map(\.rawValue), what: "a manifest")
    try checkWhole(object["format"], path: "format")
    for (index, label) in (object["labels"] as? [Any] ?? []).enumerated() {
      guard let label = label as? [String: Any] else { continue }
      try check(
        label, path: "labels[\(index)]",
        allowed: LabelDefinition.CodingKeys.allCases.map(\.rawValue), what: "a label")
      try checkWhole(label["priority"], path: "labels[\(index)].priority")
    }
    for (index, file) in (object["files"] as? [Any] ?? []).enumerated() {
      guard let file = file as? [String: Any] else { continue }
      try check(
        file, path: "files[\(index)]", allowed: File.CodingKeys.allCases.map(\.rawValue),
        what: "a file")
    }
  }

  /// `, not a string` from the decoder's "Expected to decode Int but found a string instead.",
  /// or nothing.
  private static func found(_ description: String) -> String {
    guard let start = description.range(of: "found "),
      let end = description.range(of: " instead", range: start.upperBound..<description.endIndex)
    else { return "" }
    return ", not " + description[start.upperBound..<end.lowerBound]
  }

  /// How a decoding type is named in errors.
  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string in quotes"
    case is Int.Type: "a whole number"
    case is [Any].Type: "a list […]"
    case is [String: Any].Type: "an object {…}"
    default: "of type \(type)"
    }
  }

  /// The line of the manifest that holds the JSON string `value` (as `"value"`), or the
  /// manifest as a whole if none does.
  func location(of value: String) -> SourceLocation {
    let quoted = "\"\(value)\""
    guard let index = lines.firstIndex(where: { $0.contains(quoted) }) else { return location }
    return SourceLocation(file: location.file, line: index + 1)
  }

  private static func path(_ keys: [any CodingKey]) -> String {
    keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
      .trimmingPrefix(".").description
  }
}
