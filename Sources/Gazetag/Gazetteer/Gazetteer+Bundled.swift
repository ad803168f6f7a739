import CGazetagBundled

extension CompiledGazetteer {
  /// The gazetteer compiled from the repository's `gazetteer/` directory and embedded in the
  /// library (by `Scripts/embed-gazetteer.sh`), so that a copied `gazetag` executable works
  /// alone. Diagnostics name its files `bundled:FILE`.
  public static let bundled: CompiledGazetteer = {
    var size = 0
    let bytes = UnsafeRawBufferPointer(start: gz_bundled_gazetteer(&size), count: size)
    do {
      var compiled = try CompiledGazetteer(borrowing: bytes, shownAs: "the bundled gazetteer")
      let prefix = compiled.metadata.source + "/"
      func shown(_ file: String) -> String {
        file.hasPrefix(prefix) ? Gazetteer.bundledName + file.dropFirst(prefix.count) : file
      }
      compiled.metadata.locationFiles = compiled.metadata.locationFiles.map(shown)
      compiled.metadata.rules = compiled.metadata.rules?.map { rule in
        var rule = rule
        rule.file = shown(rule.file)
        return rule
      }
      return compiled
    } catch {
      preconditionFailure("the bundled gazetteer is invalid: \(error)")
    }
  }()
}

extension Gazetteer {
  /// The bundled gazetteer (``CompiledGazetteer/bundled``) with every entry decoded.
  /// Diagnostics name it `bundled:FILE:LINE`.
  public static let bundled: Gazetteer = CompiledGazetteer.bundled.gazetteer()

  /// How diagnostics name the bundled gazetteer's directory.
  static let bundledName = "bundled:"
}
