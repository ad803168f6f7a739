import Foundation

/// The `manifest.json` of a gazetteer directory: format version, labels, matching profile and
/// the data files to read (Documentation/GazetteerFormat.md).
struct GazetteerManifest: Decodable {
  /// One data file and the label its rows take when they have no `label` column.
  struct File: Decodable {
    var path: String
    var label: String?
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
  /// The manifest file, for diagnostics.
  var location = SourceLocation(file: "manifest.json", line: 0)
  /// The manifest's lines, to point diagnostics at the line that names a value.
  private var lines: [Substring] = []

  private enum CodingKeys: String, CodingKey {
    case format, name, description, profile, labels, files, stoplist
  }

  /// Parses manifest JSON; `location` names the file in errors.
  static func parse(_ text: String, location: SourceLocation) throws(GazetteerError) -> Self {
    let manifest: GazetteerManifest
    do {
      manifest = try JSONDecoder().decode(Self.self, from: Data(text.utf8))
    } catch let DecodingError.keyNotFound(key, context) {
      throw .invalidManifest(
        location, reason: "missing key '\(Self.path(context.codingPath + [key]))'")
    } catch let DecodingError.typeMismatch(_, context) {
      throw .invalidManifest(
        location, reason: "wrong type at '\(Self.path(context.codingPath))'")
    } catch {
      throw .invalidManifest(location, reason: "not valid JSON")
    }
    guard manifest.format == 1 else {
      throw .unsupportedFormat(location, version: manifest.format)
    }
    var located = manifest
    located.location = location
    located.lines = text.lines
    return located
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
