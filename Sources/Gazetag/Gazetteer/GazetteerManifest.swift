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
    return manifest
  }

  private static func path(_ keys: [any CodingKey]) -> String {
    keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
      .trimmingPrefix(".").description
  }
}
