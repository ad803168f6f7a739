extension Gazetteer {
  /// The gazetteer compiled into the library from the repository's `gazetteer/` directory, so
  /// that a copied `gazetag` executable works alone. Diagnostics name it `bundled:FILE:LINE`.
  public static let bundled: Gazetteer = {
    do {
      return try directory(named: bundledName, read: readBundledFile)
    } catch {
      preconditionFailure("the bundled gazetteer is invalid: \(error)")
    }
  }()

  /// How diagnostics name the bundled gazetteer's directory.
  static let bundledName = "bundled:"

  private static let bundledFiles = Dictionary(uniqueKeysWithValues: BundledGazetteerFiles.files)

  /// The text of a file of the bundled gazetteer, by its path relative to `gazetteer/`.
  static func readBundledFile(_ path: String) throws(GazetteerError) -> String {
    guard let text = bundledFiles[path] else {
      throw .unreadable(path: bundledName + path, reason: "not in the bundled gazetteer")
    }
    return text
  }
}
