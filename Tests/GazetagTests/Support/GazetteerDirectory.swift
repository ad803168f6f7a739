import Foundation
import Testing

@testable import Gazetag

/// A fresh temporary gazetteer directory holding `files` (name → contents); the caller removes
/// it.
func gazetteerDirectory(_ files: [String: String]) throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("gazetag-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  for (name, contents) in files {
    try contents.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }
  return url
}

/// The message of the error that loading a gazetteer directory of `files` throws, with the
/// directory's path taken out; records an issue if it loads.
func gazetteerLoadError(
  _ files: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> String {
  let url = try gazetteerDirectory(files)
  defer { try? FileManager.default.removeItem(at: url) }
  do {
    _ = try Gazetteer(contentsOf: url)
  } catch {
    return error.description.replacingOccurrences(of: url.path + "/", with: "")
  }
  Issue.record("the gazetteer loaded", sourceLocation: sourceLocation)
  return ""
}
