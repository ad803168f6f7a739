import Foundation

extension CompiledGazetteer {
  /// The bytes of the compiled file for the gazetteer directory or patterns file at `url`.
  ///
  /// - Parameter reproducible: leave out the source files' modification times, so that the
  ///   same sources always compile to the same bytes (the bundled gazetteer's staleness test
  ///   relies on it); such a file is never refused as stale.
  /// - Throws: ``GazetteerError`` for a gazetteer that does not load.
  public static func compile(contentsOf url: URL, reproducible: Bool = false)
    throws(GazetteerError) -> [UInt8]
  {
    let shown = url.isFileURL ? url.relativePath : url.path
    if !url.hasDirectoryPath, isCompiled(path: url.path) {
      throw .unreadable(path: shown, reason: "it is compiled already")
    }
    let gazetteer = try Gazetteer(contentsOf: url)
    var paths = [url.path]
    var shownPaths = [shown]
    var stoplist: String?
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      let manifestPath = url.appendingPathComponent("manifest.json").path
      let manifest = try GazetteerManifest.parse(
        try Gazetteer.readText(manifestPath),
        location: SourceLocation(file: manifestPath, line: 0))
      var names = ["manifest.json"] + manifest.files.map(\.path)
      let stoplistName = manifest.stoplist ?? Stoplist.defaultFileName
      if let text = try? Gazetteer.readText(url.appendingPathComponent(stoplistName).path) {
        stoplist = text
        names.append(stoplistName)
      }
      if let rules = manifest.rules { names.append(rules) }
      paths = names.map { url.appendingPathComponent($0).path }
      shownPaths = names.map { Gazetteer.displayPath($0, in: shown) }
    }
    // A file that is checked for staleness is recorded by its absolute path, so that the
    // compiled file can be used from any directory; a reproducible one records the paths as
    // given, which keeps its bytes the same wherever the sources are.
    let sources = zip(paths, shownPaths).map { path, shownPath in
      var status = stat()
      let found = stat(path, &status) == 0
      let checked = !reproducible && found
      return Metadata.SourceFile(
        path: checked ? path : shownPath, bytes: found ? Int(status.st_size) : 0,
        modified: checked ? Int(status.st_mtim.tv_sec) : nil)
    }
    return try fileBytes(for: gazetteer, source: shown, sources: sources, stoplist: stoplist)
  }
}
